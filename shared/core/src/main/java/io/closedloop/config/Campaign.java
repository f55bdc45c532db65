package io.closedloop.config;

/**
 * A survey programme: linked to one action plan, with a default SLA policy, a resolution goal, and whether its
 * customers get a check-in after their case closes.
 */
public record Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal, CheckInPolicy checkIn) {

    public Campaign {
        goal = goal == null ? Goal.DEFAULT : goal;
        checkIn = checkIn == null ? CheckInPolicy.NEVER : checkIn;
    }

    /** A campaign without check-ins. */
    public Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal) {
        this(id, name, actionPlanId, slaPolicyId, goal, CheckInPolicy.NEVER);
    }
}
