package io.closedloop.sla;

import io.closedloop.config.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SLA state of one case, stored inside the case. Built and changed only by {@link SlaEngine}; plain data, so it
 * serializes to JSON as it is.
 *
 * @param policyId the policy in force
 * @param basis BUSINESS when deadlines count the working hours of {@code calendarId}, else CALENDAR
 * @param calendarId the calendar the deadlines follow; null for calendar hours
 * @param reminderShare the share of a window after which the reminder is due; 0 for no reminder
 * @param firstResponse the first-response window
 * @param resolution the current resolution window (since opening, or since the latest reopen)
 * @param earlierResolutions the resolution windows of earlier cycles, oldest first: the first one is the first-time
 *     resolution
 * @param cycle how many times the case was reopened
 * @param escalationDelays the delay of each escalation level after the breach, as the policy said at the last step
 * @param escalatedAt when each escalation level of the current cycle was emitted, level 0 first
 * @param closed whether the case is resolved (and not reopened since)
 */
public record SlaClock(
        String policyId,
        TimeBasis basis,
        String calendarId,
        double reminderShare,
        TargetWindow firstResponse,
        TargetWindow resolution,
        List<TargetWindow> earlierResolutions,
        int cycle,
        List<Duration> escalationDelays,
        List<Instant> escalatedAt,
        boolean closed) {

    public SlaClock {
        basis = basis == null ? TimeBasis.CALENDAR : basis;
        earlierResolutions = earlierResolutions == null ? List.of() : List.copyOf(earlierResolutions);
        escalationDelays = escalationDelays == null ? List.of() : List.copyOf(escalationDelays);
        escalatedAt = escalatedAt == null ? List.of() : List.copyOf(escalatedAt);
    }

    /**
     * The earliest instant at which the scheduled check has something to do for this clock (a reminder, a breach,
     * the next escalation level), or null when nothing is pending: the case is closed, or everything has fired.
     */
    public Instant nextDueAt() {
        if (closed) {
            return null;
        }
        Instant next = earliest(firstResponse.nextDueAt(), resolution.nextDueAt());
        return earliest(next, nextEscalationAt());
    }

    /**
     * The nearest deadline of a target still running (first response, then resolution), breached or not; null when
     * the case is closed or no running target has one. What the work queue sorts by.
     */
    public Instant nextDeadline() {
        if (closed) {
            return null;
        }
        return earliest(runningDeadline(firstResponse), runningDeadline(resolution));
    }

    /** Whether a running target is past its recorded breach: the case sits in the queue's "breached" list. */
    public boolean breachOutstanding() {
        return !closed && (firstResponse.outstandingBreach() || resolution.outstandingBreach());
    }

    private static Instant runningDeadline(TargetWindow window) {
        return window == null || !window.running() ? null : window.dueAt();
    }

    /** When the next escalation level is due, or null when no breach is outstanding or every level has fired. */
    public Instant nextEscalationAt() {
        Instant anchor = escalationAnchor();
        if (closed || anchor == null || escalatedAt.size() >= escalationDelays.size()) {
            return null;
        }
        return anchor.plus(escalationDelay(escalatedAt.size()));
    }

    /**
     * How long after the breach escalation level {@code level} is due: its own delay, or a predecessor's when that
     * is longer, because levels fire strictly in order.
     */
    public Duration escalationDelay(int level) {
        Duration delay = Duration.ZERO;
        for (int i = 0; i <= level; i++) {
            delay = escalationDelays.get(i).compareTo(delay) > 0 ? escalationDelays.get(i) : delay;
        }
        return delay;
    }

    /** The breach the escalation chain counts from: the earliest breach of a target still unmet; null if none. */
    public Instant escalationAnchor() {
        return earliest(
                firstResponse.outstandingBreach() ? firstResponse.breachedAt() : null,
                resolution.outstandingBreach() ? resolution.breachedAt() : null);
    }

    /** The resolution window of the first cycle: what first-time resolution KPIs read. */
    public TargetWindow firstTimeResolution() {
        return earlierResolutions.isEmpty() ? resolution : earlierResolutions.getFirst();
    }

    /** The window of a target. */
    public TargetWindow window(TargetKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponse;
            case RESOLUTION -> resolution;
        };
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
