package io.closedloop.rules;

import io.closedloop.cases.Opening;
import io.closedloop.config.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules decide for one response: whether a case opens, by which rule, at which priority, for whom, with
 * which watchers and SLA policy.
 *
 * @param assignee null when no case opens
 * @param watcherIds existing responders to alert besides the assignee (the assignee is never among them)
 * @param slaPolicyId the winning rule's SLA policy, else the campaign's; null when neither is set or no case opens
 */
public record Decision(Evaluation evaluation, AssigneeResolution assignee, List<String> watcherIds, String slaPolicyId) {

    public Decision {
        watcherIds = List.copyOf(watcherIds);
    }

    public boolean opensCase() {
        return evaluation.opensCase();
    }

    /** The winning rule; null when no case opens. */
    public Rule rule() {
        return evaluation.winner() == null ? null : evaluation.winner().rule();
    }

    public Priority priority() {
        return evaluation.priority();
    }

    /**
     * Why the case exists, as recorded on it: the rule, its version, the conditions that held and, when triage
     * changed the priority, a last line saying why. Null when no case opens.
     */
    public Opening opening() {
        RuleMatch winner = evaluation.winner();
        if (winner == null) {
            return null;
        }
        Rule rule = winner.rule();
        List<String> lines = new ArrayList<>(winner.explanation());
        if (!evaluation.triageExplanation().isEmpty()) {
            lines.add("priority " + evaluation.priority() + " by triage: " + String.join(" and ", evaluation.triageExplanation()));
        }
        return new Opening(rule.id(), rule.version(), rule.name(), lines, rule.outcome().loop());
    }
}
