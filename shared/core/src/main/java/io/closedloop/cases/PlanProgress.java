package io.closedloop.cases;

import java.util.Set;

/**
 * Where a case stands in its action plan: the plan version it started with, the actions already completed (they can
 * no longer be selected), and whether the plan is closed and with which exit state.
 */
public record PlanProgress(String planId, int planVersion, Set<String> completedActionIds, boolean closed, String exitStateId) {

    public PlanProgress {
        completedActionIds = completedActionIds == null ? Set.of() : Set.copyOf(completedActionIds);
    }

    public static PlanProgress start(String planId, int planVersion) {
        return new PlanProgress(planId, planVersion, Set.of(), false, null);
    }
}
