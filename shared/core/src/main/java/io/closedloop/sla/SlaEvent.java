package io.closedloop.sla;

import io.closedloop.config.EscalationStep;
import java.time.Instant;

/**
 * Something the scheduled check (or a responder's action) must act on: send a reminder, record a breach, send an
 * escalation. {@link #reason()} is stable for the fact, so it can serve as the alert reason of
 * {@code io.closedloop.cases.Alert} and make a retried delivery harmless.
 */
public sealed interface SlaEvent {

    /** The target concerned; for an escalation, the breached target that anchors the chain. */
    TargetKind target();

    /** The resolution cycle: 0 until the first reopen, then 1, 2… (first-response events are always cycle 0). */
    int cycle();

    /** When the event became due: the reminder instant, the deadline, or the breach plus the level's delay. */
    Instant at();

    /** A stable name for the fact, unique within a case: e.g. {@code resolution}, {@code resolution#1}, {@code 2}. */
    String reason();

    /** The window passed its reminder share: warn the assignee before the deadline {@code dueAt}. */
    record Reminder(TargetKind target, int cycle, Instant at, Instant dueAt) implements SlaEvent {
        @Override
        public String reason() {
            return target.slug() + cycleSuffix(cycle);
        }
    }

    /** The target was missed; {@code at} is its deadline. Emitted once per target and cycle. */
    record Breach(TargetKind target, int cycle, Instant at) implements SlaEvent {
        @Override
        public String reason() {
            return target.slug() + cycleSuffix(cycle);
        }
    }

    /**
     * Escalation level {@code level} (0 = first step of the policy's chain) is due: notify {@code step}'s recipient.
     *
     * @param breachedAt the breach the chain counts from
     */
    record Escalation(TargetKind target, int cycle, int level, EscalationStep step, Instant at, Instant breachedAt)
            implements SlaEvent {
        @Override
        public String reason() {
            return level + cycleSuffix(cycle);
        }
    }

    private static String cycleSuffix(int cycle) {
        return cycle == 0 ? "" : "#" + cycle;
    }
}
