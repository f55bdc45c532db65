package io.closedloop.rules;

import io.closedloop.config.Priority;
import java.util.List;

/**
 * What follows a match. {@code fallbackResponderId} takes the case when the assignment finds nobody.
 * {@code loop} names the follow-up programme, e.g. "detractor-recovery" or "promoter-review".
 */
public record RuleOutcome(
        boolean openCase,
        Priority priority,
        List<PriorityOverride> triage,
        Assignment assignment,
        String fallbackResponderId,
        String slaPolicyId,
        boolean alertAssignee,
        List<String> watcherIds,
        String loop) {

    public RuleOutcome {
        priority = priority == null ? Priority.NORMAL : priority;
        triage = Copies.list(triage);
        watcherIds = Copies.list(watcherIds);
    }
}
