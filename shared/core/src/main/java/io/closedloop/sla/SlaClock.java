package io.closedloop.sla;

import java.time.Instant;

/**
 * The SLA state of one case. (Foundation stub: deadlines only; the SLA engine issue fills in reminders,
 * breaches, escalations and business calendars.)
 */
public record SlaClock(String policyId, Instant firstResponseDue, Instant resolutionDue, Instant firstResponseBreachedAt) {

    /** The next instant at which the scheduled check has something to do for this clock, or null. */
    public Instant nextDueAt() {
        return firstResponseBreachedAt == null ? firstResponseDue : null;
    }
}
