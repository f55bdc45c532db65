package io.closedloop.cases;

/** Why an email goes out about a case. */
public enum AlertKind {
    NEW_CASE,
    REMINDER,
    ESCALATION
}
