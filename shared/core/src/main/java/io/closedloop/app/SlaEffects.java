package io.closedloop.app;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Configuration;
import io.closedloop.config.SlaPolicy;
import io.closedloop.sla.SlaClock;
import io.closedloop.sla.SlaEngine;
import io.closedloop.sla.SlaEvent;
import io.closedloop.sla.SlaLookup;
import io.closedloop.sla.SlaUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a case's SLA clock in step with what happened to the case, and turns SLA events into activity entries and
 * alerts. Shared by the responder's commands (a first response, a close, a reopen, a reassign) and the scheduled
 * check (reminders, breaches, escalations), so both record the same facts the same way.
 */
public final class SlaEffects {

    private SlaEffects() {}

    /** The policy a clock runs on, as configured now; null when it was deleted. */
    public static SlaPolicy policyOf(SlaClock clock, Configuration config) {
        if (SlaEngine.DEFAULT_POLICY.id().equals(clock.policyId())) {
            return config.slaPolicy(clock.policyId()).orElse(SlaEngine.DEFAULT_POLICY);
        }
        return config.slaPolicy(clock.policyId()).orElse(null);
    }

    /**
     * After a command changed the case ({@code before} → {@code after}, version already bumped): stops, restarts or
     * recomputes the SLA windows, and records what that brought (e.g. a breach recorded by a late first response).
     */
    public static Case afterCommand(Case before, Case after, Configuration config, Instant now) {
        if (after.sla() == null) {
            return after;
        }
        SlaClock clock = after.sla();
        SlaPolicy policy = policyOf(clock, config);
        List<SlaEvent> events = new ArrayList<>();
        if (before.firstResponseAt() == null && after.firstResponseAt() != null) {
            SlaUpdate update = SlaEngine.firstResponse(clock, after.firstResponseAt());
            clock = update.clock();
            events.addAll(update.events());
        }
        if (before.status() != CaseStatus.CLOSED && after.status() == CaseStatus.CLOSED) {
            SlaUpdate update = SlaEngine.resolved(clock, after.closedAt() == null ? now : after.closedAt());
            clock = update.clock();
            events.addAll(update.events());
        } else if (before.status() == CaseStatus.CLOSED && after.status() != CaseStatus.CLOSED && policy != null) {
            clock = SlaEngine.reopened(clock, policy, after.priority(), ownerCalendar(config, policy, after), now);
        } else if (policy != null && (before.priority() != after.priority()
                || !Objects.equals(before.assigneeId(), after.assigneeId())
                || !Objects.equals(before.teamId(), after.teamId()))) {
            BusinessCalendar previous = config.calendar(clock.calendarId()).orElse(null);
            clock = SlaEngine.recompute(clock, previous, policy, after.priority(), ownerCalendar(config, policy, after), now);
        }
        Case.Builder builder = after.toBuilder().sla(clock);
        record(builder, after, events, config, policy, now);
        return builder.build();
    }

    /** Appends the activity entries and alerts of SLA events to a case being changed. */
    public static void record(Case.Builder builder, Case c, List<SlaEvent> events, Configuration config, SlaPolicy policy, Instant now) {
        boolean urgent = policy != null && policy.urgent();
        for (SlaEvent event : events) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("target", event.target().slug());
            details.put("cycle", Integer.toString(event.cycle()));
            switch (event) {
                case SlaEvent.Reminder reminder -> {
                    details.put("dueAt", reminder.dueAt().toString());
                    builder.append(now, "system", ActivityType.SLA_REMINDER, details);
                    if (c.assigneeId() != null) {
                        addAlert(builder, AlertKind.REMINDER, reminder.reason(), c.assigneeId(), config, policy, urgent, now);
                    }
                }
                case SlaEvent.Breach breach -> {
                    details.put("breachedAt", breach.at().toString());
                    builder.append(now, "system", ActivityType.SLA_BREACHED, details);
                }
                case SlaEvent.Escalation escalation -> {
                    Optional<String> recipient = SlaLookup.escalationRecipient(config, escalation.step(), c.assigneeId(), c.teamId());
                    details.put("level", Integer.toString(escalation.level()));
                    details.put("to", escalation.step().target().name());
                    recipient.ifPresent(r -> details.put("recipientId", r));
                    builder.append(now, "system", ActivityType.ESCALATED, details);
                    recipient.ifPresent(r -> addAlert(builder, AlertKind.ESCALATION, escalation.reason(), r, config, policy, urgent, now));
                }
            }
        }
    }

    private static void addAlert(Case.Builder builder, AlertKind kind, String reason, String recipientId, Configuration config,
            SlaPolicy policy, boolean urgent, Instant now) {
        String key = Alert.keyOf(kind, reason, recipientId);
        if (builder.alerts().containsKey(key)) {
            return;
        }
        BusinessCalendar calendar = SlaLookup.recipientCalendar(config, policy, recipientId).orElse(null);
        builder.alert(Alert.pending(kind, reason, recipientId, SlaEngine.deliveryTime(calendar, urgent, now)));
    }

    static BusinessCalendar ownerCalendar(Configuration config, SlaPolicy policy, Case c) {
        return SlaLookup.ownerCalendar(config, policy, c.assigneeId(), c.teamId()).orElse(null);
    }
}
