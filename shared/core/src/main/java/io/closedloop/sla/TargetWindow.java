package io.closedloop.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One target's window inside an {@link SlaClock}: when it started, its deadline and reminder, and what happened.
 *
 * @param target the window's length in the clock's basis; null when the policy sets no such target
 * @param startedAt when the window opened (the response's submission, the case's opening, or a reopening)
 * @param anchor the instant up to which {@code consumed} is measured: {@code startedAt}, then the latest recompute
 * @param consumed the working time (or calendar time) used between {@code startedAt} and {@code anchor}, measured in
 *     the basis and calendar in force at the time; what a recompute keeps
 * @param dueAt the deadline: the first instant at which the target is breached; null when there is no target
 * @param remindAt when the reminder is due; null when the policy sends none
 * @param remindedAt when the reminder was emitted; null until then
 * @param breachedAt the instant the target was breached (its deadline), set once the breach is recorded
 * @param metAt when the window stopped: the first response, or the close; null while running
 */
public record TargetWindow(
        Duration target,
        Instant startedAt,
        Instant anchor,
        Duration consumed,
        Instant dueAt,
        Instant remindAt,
        Instant remindedAt,
        Instant breachedAt,
        Instant metAt) {

    public TargetWindow {
        anchor = anchor == null ? startedAt : anchor;
        consumed = consumed == null ? Duration.ZERO : consumed;
    }

    /** Whether the window still runs (not yet met). */
    public boolean running() {
        return metAt == null;
    }

    /** Whether the window stopped before its deadline (or stopped with no deadline at all). */
    public boolean withinTarget() {
        return metAt != null && (dueAt == null || metAt.isBefore(dueAt));
    }

    /** Whether the window is breached and still running: what keeps an escalation chain going. */
    public boolean outstandingBreach() {
        return breachedAt != null && metAt == null;
    }

    /** The next instant the scheduled check must look at this window: its reminder, else its deadline; or null. */
    public Instant nextDueAt() {
        if (metAt != null || dueAt == null || breachedAt != null) {
            return null;
        }
        return reminderPending() ? remindAt : dueAt;
    }

    boolean reminderPending() {
        return remindAt != null && remindedAt == null && breachedAt == null && metAt == null;
    }

    TargetWindow reminded(Instant at) {
        return new TargetWindow(target, startedAt, anchor, consumed, dueAt, remindAt, at, breachedAt, metAt);
    }

    TargetWindow breached() {
        return new TargetWindow(target, startedAt, anchor, consumed, dueAt, remindAt, remindedAt, dueAt, metAt);
    }

    TargetWindow met(Instant at) {
        return new TargetWindow(target, startedAt, anchor, consumed, dueAt, remindAt, remindedAt, breachedAt, at);
    }

    TargetWindow rescheduled(Duration newTarget, Instant newAnchor, Duration newConsumed, Instant newDueAt, Instant newRemindAt) {
        return new TargetWindow(newTarget, startedAt, newAnchor, newConsumed, newDueAt, newRemindAt, remindedAt, breachedAt, metAt);
    }
}
