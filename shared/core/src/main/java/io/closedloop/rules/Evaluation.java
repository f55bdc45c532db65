package io.closedloop.rules;

import io.closedloop.config.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a campaign evaluated against one response.
 *
 * @param matches every rule whose condition held, in evaluation order (highest priority first)
 * @param winner the first match that opens a case; null when no matching rule opens one
 * @param priority the winner's priority after triage; null without a winner
 * @param triageExplanation why a triage override set the priority; empty when the outcome's priority applies
 * @param watcherIds the winner's watchers, then those of every other match, deduplicated, in that order
 */
public record Evaluation(
        List<RuleMatch> matches, RuleMatch winner, Priority priority, List<String> triageExplanation, List<String> watcherIds) {

    public static final Evaluation NONE = new Evaluation(List.of(), null, null, List.of(), List.of());

    public Evaluation {
        matches = List.copyOf(matches);
        triageExplanation = List.copyOf(triageExplanation);
        watcherIds = List.copyOf(watcherIds);
    }

    public boolean opensCase() {
        return winner != null;
    }

    public Optional<RuleMatch> winning() {
        return Optional.ofNullable(winner);
    }

    /** The watchers without the assignee, who is alerted as assignee already. */
    public List<String> watchersExcept(String assigneeId) {
        if (assigneeId == null || !watcherIds.contains(assigneeId)) {
            return watcherIds;
        }
        List<String> others = new ArrayList<>(watcherIds);
        others.remove(assigneeId);
        return List.copyOf(others);
    }
}
