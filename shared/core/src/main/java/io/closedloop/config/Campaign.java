package io.closedloop.config;

/**
 * A survey programme: linked to one action plan, with a default SLA policy, a resolution goal, whether its customers
 * get a check-in after their case closes, and whether (and when) their answer is acknowledged.
 *
 * @param acknowledgement null when respondents are not acknowledged
 */
public record Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal, CheckInPolicy checkIn,
        Acknowledgement acknowledgement) {

    public Campaign {
        goal = goal == null ? Goal.DEFAULT : goal;
        checkIn = checkIn == null ? CheckInPolicy.NEVER : checkIn;
    }

    /** A campaign without acknowledgements. */
    public Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal, CheckInPolicy checkIn) {
        this(id, name, actionPlanId, slaPolicyId, goal, checkIn, null);
    }

    /** A campaign without check-ins. */
    public Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal) {
        this(id, name, actionPlanId, slaPolicyId, goal, CheckInPolicy.NEVER, null);
    }
}
