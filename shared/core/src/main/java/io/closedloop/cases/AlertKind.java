package io.closedloop.cases;

/** Why an email goes out about a case. */
public enum AlertKind {
    NEW_CASE,
    REMINDER,
    ESCALATION,
    /** To the customer, after a close: was the issue resolved? ({@code io.closedloop.customer.CheckIns}) */
    CHECK_IN,
    /** To the assignee: the customer answered the check-in that it is not resolved, and the case reopened. */
    CUSTOMER_REOPENED,
    /** To the customer, after a delay: we heard you ({@code io.closedloop.customer.Acknowledgements}). */
    ACKNOWLEDGEMENT,
    /** To the customer: what a responder wrote from the case ({@code io.closedloop.customer.CustomerMessages}). */
    CUSTOMER_MESSAGE;

    /** Whether this alert goes to the respondent (recipient {@code customer}) rather than to staff. */
    public boolean toCustomer() {
        return this == CHECK_IN || this == ACKNOWLEDGEMENT || this == CUSTOMER_MESSAGE;
    }
}
