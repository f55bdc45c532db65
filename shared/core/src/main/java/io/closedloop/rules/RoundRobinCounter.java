package io.closedloop.rules;

/**
 * The turn counter behind round-robin assignment. The store implements it with an atomic counter per team, so that
 * concurrent invocations hand out distinct turns.
 */
@FunctionalInterface
public interface RoundRobinCounter {

    /** The next turn for the team: a value that grows by one on every call (any starting point). */
    long next(String teamId);
}
