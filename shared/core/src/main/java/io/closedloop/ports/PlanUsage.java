package io.closedloop.ports;

/** How many open cases follow an action plan: a plan in use cannot be deleted, or their pages would lose it. */
@FunctionalInterface
public interface PlanUsage {

    /** Open cases (any version of the plan), counted up to {@code upTo}; read from an eventually consistent index. */
    long openCases(String planId, int upTo);
}
