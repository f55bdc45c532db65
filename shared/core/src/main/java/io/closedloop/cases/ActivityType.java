package io.closedloop.cases;

/** What an activity-log entry records. Each maps to at most one domain event on the bus. */
public enum ActivityType {
    CASE_OPENED("CaseOpened"),
    CASE_ASSIGNED("CaseAssigned"),
    WATCHER_ADDED(null),
    ACTION_TAKEN("ActionTaken"),
    NOTE_ADDED("NoteAdded"),
    ROOT_CAUSE_SET("RootCauseSet"),
    PRIORITY_CHANGED("PriorityChanged"),
    CASE_CLOSED("CaseClosed"),
    CASE_REOPENED("CaseReopened"),
    ALERT_SENT(null),
    ALERT_FAILED(null),
    SLA_REMINDER("SlaReminder"),
    SLA_BREACHED("SlaBreached"),
    ESCALATED("SlaEscalated"),
    LINKS_REVOKED(null),
    CHECK_IN_SENT("CheckInSent"),
    CHECK_IN_ANSWERED("CheckInAnswered"),
    /** The acknowledgement went to the customer. */
    CUSTOMER_ACKNOWLEDGED("CustomerAcknowledged"),
    /** A responder wrote to the customer from the case; the details keep the message. */
    CUSTOMER_CONTACTED("CustomerContacted"),
    /** SES reported that the customer's address bounced or complained: no more email goes to it. */
    CUSTOMER_ADDRESS_SUPPRESSED(null);

    private final String eventType;

    ActivityType(String eventType) {
        this.eventType = eventType;
    }

    /** The domain event published for this entry, or null when it is internal to the case. */
    public String eventType() {
        return eventType;
    }
}
