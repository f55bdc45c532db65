package io.closedloop.config;

/** A survey programme: linked to one action plan, with a default SLA policy and a resolution goal. */
public record Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal) {

    public Campaign {
        goal = goal == null ? Goal.DEFAULT : goal;
    }
}
