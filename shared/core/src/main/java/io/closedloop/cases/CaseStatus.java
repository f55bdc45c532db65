package io.closedloop.cases;

/** Case status (seed 002): OPEN → IN_PROGRESS (first responder action or note) → CLOSED; reopen goes back to OPEN. */
public enum CaseStatus {
    OPEN,
    IN_PROGRESS,
    CLOSED
}
