package io.closedloop.rules;

import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.domain.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Evaluation and assignment in one step: what the processor needs to open a case for a response. */
public final class RuleEngine {

    private RuleEngine() {}

    /** Decides with the enabled rules of the response's campaign, highest priority first. */
    public static Decision decide(Configuration config, Response response, RoundRobinCounter counter) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(response, "response");
        return decide(rulesFor(config, response), response, config, counter);
    }

    /** The enabled rules of the response's campaign, highest priority first; none without a campaign. */
    public static List<Rule> rulesFor(Configuration config, Response response) {
        return response.campaignId() == null ? List.of() : config.rulesOf(response.campaignId());
    }

    /**
     * Decides with the given rules (in evaluation order). Watchers that are not responders of the configuration are
     * dropped; so is the assignee. The counter is only called when the winning rule assigns round-robin.
     */
    public static Decision decide(List<Rule> rules, Response response, Configuration config, RoundRobinCounter counter) {
        return decide(RuleEvaluator.evaluate(rules, response), response, config, counter);
    }

    /** Decides from an evaluation already made of {@link #rulesFor the response's rules}. */
    public static Decision decide(Evaluation evaluation, Response response, Configuration config, RoundRobinCounter counter) {
        RuleMatch winner = evaluation.winner();
        if (winner == null) {
            return new Decision(evaluation, null, List.of(), null);
        }
        RuleOutcome outcome = winner.rule().outcome();
        AssigneeResolution assignee = AssigneeResolver.resolve(outcome, response, config, counter);
        List<String> watchers = new ArrayList<>(evaluation.watcherIds().size());
        for (String id : evaluation.watchersExcept(assignee.responderId())) {
            if (config.responders().containsKey(id)) {
                watchers.add(id);
            }
        }
        String slaPolicyId = outcome.slaPolicyId() != null
                ? outcome.slaPolicyId()
                : config.campaign(response.campaignId()).map(Campaign::slaPolicyId).orElse(null);
        return new Decision(evaluation, assignee, watchers, slaPolicyId);
    }
}
