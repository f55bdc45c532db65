package io.closedloop.config;

/**
 * A state the operator picks when the action plan is closed, e.g. "not started", "in progress", "closed".
 *
 * @param resolved whether closing with it means the customer's issue is solved (a campaign may check in only then)
 */
public record ExitState(String id, String name, boolean resolved) {

    /** An exit state that does not say the issue is resolved. */
    public ExitState(String id, String name) {
        this(id, name, false);
    }
}
