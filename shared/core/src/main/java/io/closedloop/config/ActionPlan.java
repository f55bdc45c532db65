package io.closedloop.config;

import java.util.List;
import java.util.Optional;

/**
 * A named set of actions and exit states (seed 000). Plans are versioned: a case keeps the version it started with,
 * so editing a plan never changes what an open case offers.
 */
public record ActionPlan(
        String id, int version, String name, String description, List<PlanAction> actions, List<ExitState> exitStates) {

    public ActionPlan {
        actions = actions == null ? List.of() : List.copyOf(actions);
        exitStates = exitStates == null ? List.of() : List.copyOf(exitStates);
    }

    public Optional<PlanAction> action(String actionId) {
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }

    public Optional<ExitState> exitState(String exitStateId) {
        return exitStates.stream().filter(e -> e.id().equals(exitStateId)).findFirst();
    }
}
