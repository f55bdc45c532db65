package io.closedloop.sla;

import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.Priority;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.TimeBasis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SLA rules as pure functions over an {@link SlaClock}: start the clock, stop it on first response and
 * resolution, restart it on reopen, recompute it when priority, calendar or assignee change, and say what is due at
 * a given instant. Every method takes the instants it needs; none reads a clock.
 *
 * <p>Calendars passed in are the case owner's calendar ({@link SlaLookup#ownerCalendar}); they are ignored when the
 * policy counts calendar hours. See docs/sla.md for the model and worked examples.
 */
public final class SlaEngine {

    /** The first-response target when nothing else is configured: 48 hours from the response (seed 002). */
    public static final Duration DEFAULT_FIRST_RESPONSE = Duration.ofHours(48);

    /** The policy of a case whose rule and campaign name none: 48 h first response, reminder at 75 %. */
    public static final SlaPolicy DEFAULT_POLICY = new SlaPolicy("default", "48 h first response", TimeBasis.CALENDAR, null,
            new SlaTargets(DEFAULT_FIRST_RESPONSE, null), Map.of(), 0.75, List.of(), false);

    private static final SlaTargets NO_TARGETS = new SlaTargets(null, null);

    private SlaEngine() {}

    /**
     * Checks a policy an admin saves: positive targets, a reminder share in [0, 1), escalation steps with a
     * recipient and a non-negative delay.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void validate(SlaPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policy.id() == null || policy.id().isBlank()) {
            throw new IllegalArgumentException("SLA policy needs an id");
        }
        validateTargets(policy.id() + " targets", policy.targets());
        policy.byPriority().forEach((priority, targets) -> validateTargets(policy.id() + " " + priority + " targets", targets));
        double share = policy.reminderAt();
        if (Double.isNaN(share) || share < 0 || share >= 1) {
            throw new IllegalArgumentException(
                    "SLA policy " + policy.id() + ": reminderAt must be a share of the window in [0, 1), 0 for none; was " + share);
        }
        for (int level = 0; level < policy.escalations().size(); level++) {
            EscalationStep step = policy.escalations().get(level);
            String where = "SLA policy " + policy.id() + " escalation level " + level;
            if (step == null || step.target() == null) {
                throw new IllegalArgumentException(where + " has no target");
            }
            if (step.target() == EscalationTarget.RESPONDER && (step.responderId() == null || step.responderId().isBlank())) {
                throw new IllegalArgumentException(where + " targets a responder but names none");
            }
            if (step.after() != null && step.after().isNegative()) {
                throw new IllegalArgumentException(where + " has a negative delay " + step.after());
            }
        }
    }

    private static void validateTargets(String where, SlaTargets targets) {
        if (targets == null) {
            return;
        }
        for (Duration target : new Duration[] {targets.firstResponse(), targets.resolution()}) {
            if (target != null && (target.isZero() || target.isNegative())) {
                throw new IllegalArgumentException("SLA policy " + where + " must be positive durations; was " + target);
            }
        }
    }

    /**
     * Starts the clock of a new case: the first-response window from {@code submittedAt}, the resolution window from
     * {@code openedAt}, both with the targets of {@code priority}.
     *
     * @param calendar the owner's calendar, or null; used only when the policy counts business hours
     * @param submittedAt when the response was submitted; null means {@code openedAt}
     */
    public static SlaClock start(SlaPolicy policy, Priority priority, BusinessCalendar calendar, Instant submittedAt, Instant openedAt) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(openedAt, "openedAt");
        BusinessCalendar inForce = inForce(policy, calendar);
        SlaTargets targets = targetsOf(policy, priority);
        double share = reminderShare(policy);
        TargetWindow firstResponse = open(targets.firstResponse(), submittedAt == null ? openedAt : submittedAt, inForce, share);
        TargetWindow resolution = open(targets.resolution(), openedAt, inForce, share);
        return new SlaClock(policy.id(), basisOf(inForce), idOf(inForce), share, firstResponse, resolution, List.of(), 0,
                delaysOf(policy), List.of(), false);
    }

    /**
     * Records the first responder action or note at {@code at} and stops the first-response window. When it comes at
     * or after the deadline and no breach was recorded yet, the breach is recorded now and returned as an event.
     * Repeating it changes nothing.
     */
    public static SlaUpdate firstResponse(SlaClock clock, Instant at) {
        Objects.requireNonNull(at, "at");
        if (!clock.firstResponse().running()) {
            return SlaUpdate.unchanged(clock);
        }
        List<SlaEvent> events = new ArrayList<>();
        TargetWindow firstResponse = stop(clock.firstResponse(), TargetKind.FIRST_RESPONSE, 0, at, events);
        return new SlaUpdate(with(clock, firstResponse, clock.resolution(), clock.escalatedAt(), false), events);
    }

    /**
     * Records the close at {@code at}: stops the resolution window, and the first-response window too if still
     * running (closing is a responder action). Late stops record their breach once. Nothing is due afterwards.
     */
    public static SlaUpdate resolved(SlaClock clock, Instant at) {
        Objects.requireNonNull(at, "at");
        if (clock.closed()) {
            return SlaUpdate.unchanged(clock);
        }
        List<SlaEvent> events = new ArrayList<>();
        TargetWindow firstResponse = clock.firstResponse().running()
                ? stop(clock.firstResponse(), TargetKind.FIRST_RESPONSE, 0, at, events)
                : clock.firstResponse();
        TargetWindow resolution = stop(clock.resolution(), TargetKind.RESOLUTION, clock.cycle(), at, events);
        return new SlaUpdate(with(clock, firstResponse, resolution, clock.escalatedAt(), true), events);
    }

    /**
     * Records a reopen at {@code at}: the closed resolution window moves to {@code earlierResolutions} (so the
     * first-time result stays measurable) and a fresh resolution window starts at {@code at}, with the targets of the
     * current policy and priority and its own reminder, breach and escalation chain (next cycle). The first-response
     * window is not restarted. Reopening a case that is not closed changes nothing.
     *
     * @param calendar the owner's calendar now, or null
     */
    public static SlaClock reopened(SlaClock clock, SlaPolicy policy, Priority priority, BusinessCalendar calendar, Instant at) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(at, "at");
        if (!clock.closed()) {
            return clock;
        }
        BusinessCalendar inForce = inForce(policy, calendar);
        double share = reminderShare(policy);
        List<TargetWindow> earlier = new ArrayList<>(clock.earlierResolutions());
        earlier.add(clock.resolution());
        TargetWindow resolution = open(targetsOf(policy, priority).resolution(), at, inForce, share);
        return new SlaClock(policy.id(), basisOf(inForce), idOf(inForce), share, clock.firstResponse(), resolution, earlier,
                clock.cycle() + 1, delaysOf(policy), List.of(), false);
    }

    /**
     * Recomputes the running windows after a change of policy, priority, calendar or assignee, keeping the time
     * already used: what elapsed up to {@code at} is measured in the old basis and calendar, what remains of the new
     * target is counted in the new ones from {@code at}. A window whose elapsed time already exceeds its new target
     * is due at {@code at} (the next check records the breach). Breached and stopped windows keep their deadline;
     * a reminder already sent is not sent again.
     *
     * @param previousCalendar the calendar the clock ran on ({@code clock.calendarId()}, as configured now); null if
     *     it no longer exists, in which case the elapsed time is counted in calendar hours
     * @param calendar the owner's calendar from now on, or null
     * @throws IllegalArgumentException if {@code previousCalendar} is not the clock's calendar
     */
    public static SlaClock recompute(
            SlaClock clock, BusinessCalendar previousCalendar, SlaPolicy policy, Priority priority, BusinessCalendar calendar, Instant at) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(at, "at");
        BusinessCalendar before = calendarOf(clock, previousCalendar);
        BusinessCalendar after = inForce(policy, calendar);
        SlaTargets targets = targetsOf(policy, priority);
        double share = reminderShare(policy);
        TargetWindow firstResponse = reschedule(clock.firstResponse(), targets.firstResponse(), before, after, at, share);
        TargetWindow resolution = reschedule(clock.resolution(), targets.resolution(), before, after, at, share);
        return new SlaClock(policy.id(), basisOf(after), idOf(after), share, firstResponse, resolution,
                clock.earlierResolutions(), clock.cycle(), delaysOf(policy), clock.escalatedAt(), clock.closed());
    }

    /**
     * What is due at {@code now}: reminders whose instant has come (unless their deadline has too: then only the
     * breach), breaches not yet recorded, and the escalation levels whose delay since the breach has passed,
     * strictly in order. Events come oldest first; the returned clock has them marked done, so calling this again
     * with the same or a later {@code now} on the stored clock never yields them twice.
     *
     * @param policy the clock's policy as configured now (its escalation steps); null if it no longer exists, in
     *     which case no escalation is sent and none stays pending
     * @throws IllegalArgumentException if {@code policy} is not the clock's policy
     */
    public static SlaUpdate due(SlaClock clock, SlaPolicy policy, Instant now) {
        Objects.requireNonNull(now, "now");
        if (policy != null && !Objects.equals(policy.id(), clock.policyId())) {
            throw new IllegalArgumentException("clock runs on SLA policy " + clock.policyId() + ", not " + policy.id());
        }
        if (clock.closed()) {
            return SlaUpdate.unchanged(clock);
        }
        List<SlaEvent> events = new ArrayList<>();
        TargetWindow firstResponse = check(clock.firstResponse(), TargetKind.FIRST_RESPONSE, 0, now, events);
        TargetWindow resolution = check(clock.resolution(), TargetKind.RESOLUTION, clock.cycle(), now, events);
        List<EscalationStep> steps = policy == null ? List.of() : policy.escalations();
        List<Instant> escalatedAt = new ArrayList<>(clock.escalatedAt());
        SlaClock checked = new SlaClock(clock.policyId(), clock.basis(), clock.calendarId(), clock.reminderShare(), firstResponse,
                resolution, clock.earlierResolutions(), clock.cycle(),
                policy == null ? List.of() : delaysOf(policy), escalatedAt, false);
        Instant anchor = checked.escalationAnchor();
        if (anchor != null) {
            TargetKind breached = firstResponse.outstandingBreach() && anchor.equals(firstResponse.breachedAt())
                    ? TargetKind.FIRST_RESPONSE
                    : TargetKind.RESOLUTION;
            while (escalatedAt.size() < steps.size()) {
                int level = escalatedAt.size();
                EscalationStep step = steps.get(level);
                Instant dueAt = anchor.plus(checked.escalationDelay(level));
                if (now.isBefore(dueAt)) {
                    break;
                }
                events.add(new SlaEvent.Escalation(breached, clock.cycle(), level, step, dueAt, anchor));
                escalatedAt.add(now);
            }
        }
        events.sort(Comparator.comparing(SlaEvent::at)); // stable: a breach stays before its own zero-delay escalation
        return new SlaUpdate(with(checked, firstResponse, resolution, escalatedAt, false), events);
    }

    /**
     * When an email to a recipient may go out: {@code now} when urgent, when the recipient has no calendar, or when
     * {@code now} is inside their working hours; else their next working instant.
     */
    public static Instant deliveryTime(BusinessCalendar recipientCalendar, boolean urgent, Instant now) {
        Objects.requireNonNull(now, "now");
        return urgent ? now : BusinessTime.nextWorkingInstant(recipientCalendar, now);
    }

    /**
     * The time a window has used up to {@code now} (or up to its stop), in the basis of its clock.
     *
     * @param calendar the clock's calendar ({@code clock.calendarId()}), or null for calendar hours
     */
    public static Duration elapsed(TargetWindow window, BusinessCalendar calendar, Instant now) {
        Instant until = window.metAt() != null && window.metAt().isBefore(now) ? window.metAt() : now;
        return window.consumed().plus(BusinessTime.between(calendar, window.anchor(), until));
    }

    private static TargetWindow open(Duration target, Instant from, BusinessCalendar calendar, double share) {
        TargetWindow window = new TargetWindow(target, from, from, Duration.ZERO, null, null, null, null, null);
        return schedule(window, target, Duration.ZERO, from, calendar, share);
    }

    private static TargetWindow reschedule(
            TargetWindow window, Duration target, BusinessCalendar before, BusinessCalendar after, Instant at, double share) {
        if (!window.running() || window.breachedAt() != null) {
            return window;
        }
        Instant from = at.isBefore(window.anchor()) ? window.anchor() : at;
        return schedule(window, target, elapsed(window, before, from), from, after, share);
    }

    /** Sets the deadline and reminder of a running window that has used {@code elapsed} by {@code from}. */
    private static TargetWindow schedule(
            TargetWindow window, Duration target, Duration elapsed, Instant from, BusinessCalendar calendar, double share) {
        if (target == null) {
            return window.rescheduled(null, from, elapsed, null, null);
        }
        Instant dueAt = elapsed.compareTo(target) >= 0 ? from : BusinessTime.plus(calendar, from, target.minus(elapsed));
        Instant remindAt = window.remindedAt() != null ? window.remindAt() : reminderAt(target, elapsed, from, dueAt, calendar, share);
        return window.rescheduled(target, from, elapsed, dueAt, remindAt);
    }

    private static Instant reminderAt(
            Duration target, Duration elapsed, Instant from, Instant dueAt, BusinessCalendar calendar, double share) {
        if (share <= 0) {
            return null;
        }
        Duration remindAfter = Duration.ofMillis(Math.round(target.toMillis() * share));
        Instant remindAt = elapsed.compareTo(remindAfter) >= 0 ? from : BusinessTime.plus(calendar, from, remindAfter.minus(elapsed));
        return remindAt.isBefore(dueAt) ? remindAt : null;
    }

    /** Marks what is due in one running window at {@code now}: the breach if its deadline has come, else the reminder. */
    private static TargetWindow check(TargetWindow window, TargetKind kind, int cycle, Instant now, List<SlaEvent> events) {
        if (!window.running() || window.dueAt() == null || window.breachedAt() != null) {
            return window;
        }
        if (!now.isBefore(window.dueAt())) {
            events.add(new SlaEvent.Breach(kind, cycle, window.dueAt()));
            return window.breached();
        }
        if (window.reminderPending() && !now.isBefore(window.remindAt())) {
            events.add(new SlaEvent.Reminder(kind, cycle, window.remindAt(), window.dueAt()));
            return window.reminded(now);
        }
        return window;
    }

    private static TargetWindow stop(TargetWindow window, TargetKind kind, int cycle, Instant at, List<SlaEvent> events) {
        TargetWindow stopped = window.met(at);
        if (stopped.dueAt() != null && stopped.breachedAt() == null && !at.isBefore(stopped.dueAt())) {
            events.add(new SlaEvent.Breach(kind, cycle, stopped.dueAt()));
            return stopped.breached();
        }
        return stopped;
    }

    private static SlaClock with(
            SlaClock clock, TargetWindow firstResponse, TargetWindow resolution, List<Instant> escalatedAt, boolean closed) {
        return new SlaClock(clock.policyId(), clock.basis(), clock.calendarId(), clock.reminderShare(), firstResponse, resolution,
                clock.earlierResolutions(), clock.cycle(), clock.escalationDelays(), escalatedAt, closed);
    }

    /** The calendar deadlines count in under a policy: the given one for business hours, none for calendar hours. */
    private static BusinessCalendar inForce(SlaPolicy policy, BusinessCalendar calendar) {
        if (policy.basis() != TimeBasis.BUSINESS || calendar == null) {
            return null;
        }
        BusinessTime.validate(calendar);
        return calendar;
    }

    private static BusinessCalendar calendarOf(SlaClock clock, BusinessCalendar previousCalendar) {
        if (clock.calendarId() == null || previousCalendar == null) {
            return null;
        }
        if (!clock.calendarId().equals(previousCalendar.id())) {
            throw new IllegalArgumentException(
                    "clock runs on calendar " + clock.calendarId() + ", not " + previousCalendar.id());
        }
        return previousCalendar;
    }

    private static SlaTargets targetsOf(SlaPolicy policy, Priority priority) {
        SlaTargets targets = policy.targetsFor(priority == null ? Priority.NORMAL : priority);
        return targets == null ? NO_TARGETS : targets;
    }

    /** The policy's reminder share, or 0 (no reminder) when it is not a share strictly between 0 and 1. */
    private static double reminderShare(SlaPolicy policy) {
        double share = policy.reminderAt();
        return share > 0 && share < 1 ? share : 0;
    }

    private static List<Duration> delaysOf(SlaPolicy policy) {
        return policy.escalations().stream().map(SlaEngine::delayOf).toList();
    }

    private static Duration delayOf(EscalationStep step) {
        return step == null || step.after() == null || step.after().isNegative() ? Duration.ZERO : step.after();
    }

    private static TimeBasis basisOf(BusinessCalendar calendar) {
        return calendar == null ? TimeBasis.CALENDAR : TimeBasis.BUSINESS;
    }

    private static String idOf(BusinessCalendar calendar) {
        return calendar == null ? null : calendar.id();
    }
}
