package io.closedloop.cases;

/** Why an email goes out about a case. */
public enum AlertKind {
    NEW_CASE,
    REMINDER,
    ESCALATION,
    /** To the customer, after a close: was the issue resolved? ({@code io.closedloop.customer.CheckIns}) */
    CHECK_IN,
    /** To the assignee: the customer answered the check-in that it is not resolved, and the case reopened. */
    CUSTOMER_REOPENED
}
