package io.closedloop.config;

import java.util.List;

/** An action of a plan (seed 000): its statuses, whether completing it closes the plan, whether a comment is allowed. */
public record PlanAction(
        String id, String name, String description, ClosesPlan closesPlan, boolean allowComment, List<ActionStatus> statuses) {

    public PlanAction {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        closesPlan = closesPlan == null ? ClosesPlan.NO : closesPlan;
    }

    public java.util.Optional<ActionStatus> status(String statusId) {
        return statuses.stream().filter(s -> s.id().equals(statusId)).findFirst();
    }
}
