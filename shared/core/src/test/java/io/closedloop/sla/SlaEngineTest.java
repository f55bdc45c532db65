package io.closedloop.sla;

import static io.closedloop.sla.BusinessTimeTest.PARIS;
import static io.closedloop.sla.BusinessTimeTest.PARIS_OFFICE;
import static io.closedloop.sla.BusinessTimeTest.hours;
import static io.closedloop.sla.BusinessTimeTest.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.Priority;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.TimeBasis;
import io.closedloop.json.Json;
import io.closedloop.sla.SlaEvent.Breach;
import io.closedloop.sla.SlaEvent.Escalation;
import io.closedloop.sla.SlaEvent.Reminder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaEngineTest {

    /** A detractor response submitted on a Monday morning; the case opens a minute later. */
    static final Instant SUBMITTED = Instant.parse("2025-04-14T08:00:00Z");
    static final Instant OPENED = SUBMITTED.plusSeconds(60);

    static final EscalationStep TO_ASSIGNEE = new EscalationStep(EscalationTarget.ASSIGNEE, null, Duration.ZERO);
    static final EscalationStep TO_LEAD = new EscalationStep(EscalationTarget.TEAM_LEAD, null, Duration.ofHours(4));
    static final EscalationStep TO_MANAGER = new EscalationStep(EscalationTarget.MANAGER, null, Duration.ofHours(24));

    /** Seed 002: contact within 48 hours; no resolution target, no escalation. */
    static final SlaPolicy FOLLOW_UP_48H = policy("follow-up", TimeBasis.CALENDAR, new SlaTargets(Duration.ofHours(48), null), List.of());

    /** 48 h first response, 5 days to close, escalating assignee → team lead → manager. */
    static final SlaPolicy ESCALATING = policy("escalating", TimeBasis.CALENDAR,
            new SlaTargets(Duration.ofHours(48), Duration.ofHours(120)), List.of(TO_ASSIGNEE, TO_LEAD, TO_MANAGER));

    static SlaPolicy policy(String id, TimeBasis basis, SlaTargets targets, List<EscalationStep> escalations) {
        return new SlaPolicy(id, id, basis, null, targets, Map.of(), 0.75, escalations, false);
    }

    static Instant hoursAfter(Instant start, double hours) {
        return start.plusSeconds(Math.round(hours * 3600));
    }

    static Instant h(double hours) {
        return hoursAfter(SUBMITTED, hours);
    }

    @Test
    void due_firstResponseWindow_remindsAtThreeQuartersAndBreachesExactlyOnce() {
        SlaClock clock = SlaEngine.start(FOLLOW_UP_48H, Priority.NORMAL, null, SUBMITTED, OPENED);
        assertThat(clock.nextDueAt()).isEqualTo(h(36));

        SlaUpdate at35 = SlaEngine.due(clock, FOLLOW_UP_48H, h(35));
        assertThat(at35.events()).isEmpty();

        SlaUpdate at36 = SlaEngine.due(at35.clock(), FOLLOW_UP_48H, h(36));
        assertThat(at36.events()).containsExactly(new Reminder(TargetKind.FIRST_RESPONSE, 0, h(36), h(48)));
        assertThat(at36.clock().nextDueAt()).isEqualTo(h(48));

        SlaUpdate at47 = SlaEngine.due(at36.clock(), FOLLOW_UP_48H, h(47));
        assertThat(at47.events()).isEmpty();

        SlaUpdate at49 = SlaEngine.due(at47.clock(), FOLLOW_UP_48H, h(49));
        assertThat(at49.events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)));
        assertThat(at49.clock().firstResponse().breachedAt()).isEqualTo(h(48));

        SlaUpdate at50 = SlaEngine.due(at49.clock(), FOLLOW_UP_48H, h(50));
        assertThat(at50.events()).isEmpty();
        assertThat(at50.clock()).isEqualTo(at49.clock());
        assertThat(at50.clock().nextDueAt()).isNull();
    }

    @Test
    void due_sameInstantTwiceOnTheStoredClock_yieldsEachEventOnce() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate first = SlaEngine.due(clock, ESCALATING, h(49));
        SlaClock stored = Json.read(Json.string(first.clock()), SlaClock.class);
        SlaUpdate retried = SlaEngine.due(stored, ESCALATING, h(49));

        assertThat(first.events()).hasSize(2);
        assertThat(retried.events()).isEmpty();
    }

    @Test
    void due_firstRunAfterTheDeadline_breachesWithoutAStaleReminder() {
        SlaClock clock = SlaEngine.start(FOLLOW_UP_48H, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate late = SlaEngine.due(clock, FOLLOW_UP_48H, h(49));

        assertThat(late.events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)));
        assertThat(late.clock().firstResponse().remindedAt()).isNull();
        assertThat(SlaEngine.due(late.clock(), FOLLOW_UP_48H, h(60)).events()).isEmpty();
    }

    @Test
    void due_breachExactlyAtTheDeadline_isRecorded() {
        SlaClock clock = SlaEngine.start(FOLLOW_UP_48H, Priority.NORMAL, null, SUBMITTED, OPENED);

        assertThat(SlaEngine.due(clock, FOLLOW_UP_48H, h(48)).events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)));
    }

    @Test
    void due_escalationChain_firesLevelsInOrderAfterTheirDelays() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);
        clock = SlaEngine.due(clock, ESCALATING, h(36)).clock();

        SlaUpdate atBreach = SlaEngine.due(clock, ESCALATING, h(48));
        assertThat(atBreach.events()).containsExactly(
                new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)),
                new Escalation(TargetKind.FIRST_RESPONSE, 0, 0, TO_ASSIGNEE, h(48), h(48)));
        assertThat(atBreach.clock().nextDueAt()).isEqualTo(h(52));

        SlaUpdate beforeLevel1 = SlaEngine.due(atBreach.clock(), ESCALATING, h(51.9));
        assertThat(beforeLevel1.events()).isEmpty();

        SlaUpdate level1 = SlaEngine.due(beforeLevel1.clock(), ESCALATING, h(52));
        assertThat(level1.events()).containsExactly(new Escalation(TargetKind.FIRST_RESPONSE, 0, 1, TO_LEAD, h(52), h(48)));
        assertThat(level1.clock().nextDueAt()).isEqualTo(h(72));

        SlaUpdate level2 = SlaEngine.due(level1.clock(), ESCALATING, h(73));
        assertThat(level2.events()).containsExactly(new Escalation(TargetKind.FIRST_RESPONSE, 0, 2, TO_MANAGER, h(72), h(48)));
        assertThat(level2.clock().escalatedAt()).containsExactly(h(48), h(52), h(73));
        assertThat(level2.clock().nextDueAt()).as("only the resolution reminder is left").isEqualTo(hoursAfter(OPENED, 90));
    }

    @Test
    void due_lateRunAfterTheBreach_firesEveryOverdueLevelOnceInOrder() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate late = SlaEngine.due(clock, ESCALATING, h(80));

        assertThat(late.events()).containsExactly(
                new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)),
                new Escalation(TargetKind.FIRST_RESPONSE, 0, 0, TO_ASSIGNEE, h(48), h(48)),
                new Escalation(TargetKind.FIRST_RESPONSE, 0, 1, TO_LEAD, h(52), h(48)),
                new Escalation(TargetKind.FIRST_RESPONSE, 0, 2, TO_MANAGER, h(72), h(48)));
        assertThat(SlaEngine.due(late.clock(), ESCALATING, h(81)).events()).isEmpty();
    }

    @Test
    void due_levelWithShorterDelayThanThePrevious_waitsForItsPredecessor() {
        EscalationStep soon = new EscalationStep(EscalationTarget.MANAGER, null, Duration.ofHours(1));
        SlaPolicy odd = policy("odd", TimeBasis.CALENDAR, new SlaTargets(Duration.ofHours(48), null), List.of(TO_LEAD, soon));
        SlaClock breached = SlaEngine.due(SlaEngine.start(odd, Priority.NORMAL, null, SUBMITTED, OPENED), odd, h(50)).clock();

        assertThat(breached.escalatedAt()).as("level 1 is past its delay but level 0 is not").isEmpty();
        assertThat(SlaEngine.due(breached, odd, h(51)).events()).isEmpty();
        assertThat(SlaEngine.due(breached, odd, h(52)).events()).containsExactly(
                new Escalation(TargetKind.FIRST_RESPONSE, 0, 0, TO_LEAD, h(52), h(48)),
                new Escalation(TargetKind.FIRST_RESPONSE, 0, 1, soon, h(52), h(48)));
    }

    @Test
    void firstResponse_beforeTheDeadline_stopsTheWindowWithinTarget() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate responded = SlaEngine.firstResponse(clock, h(10));

        assertThat(responded.events()).isEmpty();
        assertThat(responded.clock().firstResponse().withinTarget()).isTrue();
        assertThat(responded.clock().nextDueAt()).isEqualTo(hoursAfter(OPENED, 90));
        assertThat(SlaEngine.due(responded.clock(), ESCALATING, h(49)).events()).isEmpty();
        assertThat(SlaEngine.firstResponse(responded.clock(), h(11)).clock()).isEqualTo(responded.clock());
    }

    @Test
    void firstResponse_afterAnUnrecordedDeadline_recordsTheBreachOnceAndDoesNotEscalate() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate responded = SlaEngine.firstResponse(clock, h(50));

        assertThat(responded.events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)));
        assertThat(responded.clock().firstResponse().withinTarget()).isFalse();
        assertThat(SlaEngine.due(responded.clock(), ESCALATING, h(60)).events()).isEmpty();
    }

    @Test
    void due_chainSuspendedByALateFirstResponse_resumesFromTheResolutionBreach() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);
        clock = SlaEngine.due(clock, ESCALATING, h(48)).clock();
        clock = SlaEngine.firstResponse(clock, h(50)).clock();
        assertThat(clock.nextEscalationAt()).isNull();
        clock = SlaEngine.due(clock, ESCALATING, hoursAfter(OPENED, 90)).clock();

        Instant resolutionDue = hoursAfter(OPENED, 120);
        SlaUpdate atResolutionBreach = SlaEngine.due(clock, ESCALATING, resolutionDue);
        assertThat(atResolutionBreach.events()).containsExactly(new Breach(TargetKind.RESOLUTION, 0, resolutionDue));
        assertThat(atResolutionBreach.clock().nextDueAt()).isEqualTo(hoursAfter(resolutionDue, 4));

        SlaUpdate level1 = SlaEngine.due(atResolutionBreach.clock(), ESCALATING, hoursAfter(resolutionDue, 4));
        assertThat(level1.events())
                .containsExactly(new Escalation(TargetKind.RESOLUTION, 0, 1, TO_LEAD, hoursAfter(resolutionDue, 4), resolutionDue));
    }

    @Test
    void resolved_stopsEverything_andNothingIsDueAfterwards() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);
        clock = SlaEngine.due(clock, ESCALATING, h(49)).clock();

        SlaUpdate closed = SlaEngine.resolved(clock, h(50));

        assertThat(closed.events()).isEmpty();
        assertThat(closed.clock().closed()).isTrue();
        assertThat(closed.clock().firstResponse().metAt()).as("closing is the first action").isEqualTo(h(50));
        assertThat(closed.clock().resolution().withinTarget()).isTrue();
        assertThat(closed.clock().nextDueAt()).isNull();
        assertThat(SlaEngine.due(closed.clock(), ESCALATING, h(500)).events()).isEmpty();
    }

    @Test
    void resolved_late_recordsEachUnrecordedBreachOnce() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate closed = SlaEngine.resolved(clock, h(200));

        assertThat(closed.events()).containsExactly(
                new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)), new Breach(TargetKind.RESOLUTION, 0, hoursAfter(OPENED, 120)));
        assertThat(SlaEngine.resolved(closed.clock(), h(201)).events()).isEmpty();
    }

    @Test
    void reopened_startsAFreshResolutionWindowAndKeepsTheFirstTimeResult() {
        SlaPolicy dayToClose = policy("day-to-close", TimeBasis.CALENDAR, new SlaTargets(Duration.ofHours(48), Duration.ofHours(24)),
                List.of(TO_ASSIGNEE));
        SlaClock clock = SlaEngine.start(dayToClose, Priority.NORMAL, null, SUBMITTED, SUBMITTED);
        clock = SlaEngine.firstResponse(clock, h(1)).clock();
        clock = SlaEngine.resolved(clock, h(20)).clock();

        SlaClock reopened = SlaEngine.reopened(clock, dayToClose, Priority.NORMAL, null, h(30));

        assertThat(reopened.cycle()).isEqualTo(1);
        assertThat(reopened.closed()).isFalse();
        assertThat(reopened.resolution().startedAt()).isEqualTo(h(30));
        assertThat(reopened.resolution().dueAt()).isEqualTo(h(54));
        assertThat(reopened.firstTimeResolution().withinTarget()).isTrue();
        assertThat(reopened.nextDueAt()).isEqualTo(h(48));

        SlaUpdate breached = SlaEngine.due(reopened, dayToClose, h(54));
        assertThat(breached.events()).extracting(SlaEvent::reason).containsExactly("resolution#1", "0#1");
        SlaUpdate closedAgain = SlaEngine.resolved(breached.clock(), h(60));
        assertThat(closedAgain.events()).isEmpty();
        assertThat(closedAgain.clock().firstTimeResolution().metAt()).isEqualTo(h(20));
        assertThat(closedAgain.clock().resolution().withinTarget()).isFalse();
        assertThat(SlaEngine.reopened(reopened, dayToClose, Priority.NORMAL, null, h(31))).as("not closed: no-op").isEqualTo(reopened);
    }

    @Test
    void reopened_afterABreachedCycle_runsANewEscalationChain() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);
        clock = SlaEngine.due(clock, ESCALATING, h(80)).clock();
        clock = SlaEngine.resolved(clock, h(81)).clock();
        clock = SlaEngine.reopened(clock, ESCALATING, Priority.NORMAL, null, h(100));

        SlaUpdate late = SlaEngine.due(clock, ESCALATING, h(221));

        assertThat(late.events()).extracting(SlaEvent::reason).containsExactly("resolution#1", "0#1");
    }

    @Test
    void start_businessBasis_countsOwnerWorkingHoursOverWeekendAndHoliday() {
        SlaPolicy business = policy("business", TimeBasis.BUSINESS, new SlaTargets(Duration.ofHours(16), null), List.of());

        SlaClock clock = SlaEngine.start(business, Priority.NORMAL, PARIS_OFFICE, paris("2025-04-18T15:00"), paris("2025-04-18T15:00"));

        assertThat(clock.basis()).isEqualTo(TimeBasis.BUSINESS);
        assertThat(clock.calendarId()).isEqualTo("paris-office");
        // Fri 2 h, Easter Monday off, Tue 8 h, Wed 09:00–15:00; the reminder at 12 h is Wed 11:00
        assertThat(clock.firstResponse().dueAt()).isEqualTo(paris("2025-04-23T15:00"));
        assertThat(clock.firstResponse().remindAt()).isEqualTo(paris("2025-04-23T11:00"));
    }

    @Test
    void start_businessBasisAcrossSpringForward_keepsLocalHours() {
        SlaPolicy business = policy("business", TimeBasis.BUSINESS, new SlaTargets(Duration.ofHours(16), null), List.of());

        SlaClock clock = SlaEngine.start(business, Priority.NORMAL, PARIS_OFFICE, paris("2025-03-28T13:00"), paris("2025-03-28T13:00"));

        assertThat(clock.firstResponse().dueAt()).isEqualTo(paris("2025-04-01T13:00")).isEqualTo(Instant.parse("2025-04-01T11:00:00Z"));
    }

    @Test
    void start_businessBasisWithoutAnyCalendar_countsCalendarHours() {
        SlaPolicy business = policy("business", TimeBasis.BUSINESS, new SlaTargets(Duration.ofHours(16), null), List.of());

        SlaClock clock = SlaEngine.start(business, Priority.NORMAL, null, SUBMITTED, OPENED);

        assertThat(clock.basis()).isEqualTo(TimeBasis.CALENDAR);
        assertThat(clock.calendarId()).isNull();
        assertThat(clock.firstResponse().dueAt()).isEqualTo(h(16));
    }

    @Test
    void start_calendarBasis_ignoresTheOwnersCalendar() {
        SlaClock clock = SlaEngine.start(FOLLOW_UP_48H, Priority.NORMAL, PARIS_OFFICE, SUBMITTED, OPENED);

        assertThat(clock.calendarId()).isNull();
        assertThat(clock.firstResponse().dueAt()).isEqualTo(h(48));
    }

    @Test
    void start_defaultPolicy_gives48HoursToTheFirstResponse() {
        SlaClock clock = SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.NORMAL, null, SUBMITTED, OPENED);

        assertThat(clock.firstResponse().dueAt()).isEqualTo(h(48));
        assertThat(clock.resolution().dueAt()).isNull();
    }

    @Test
    void start_noReminderShare_sendsNoReminder() {
        SlaPolicy silent = new SlaPolicy("silent", "silent", TimeBasis.CALENDAR, null, new SlaTargets(Duration.ofHours(48), null),
                Map.of(), 0, List.of(), false);

        SlaClock clock = SlaEngine.start(silent, Priority.NORMAL, null, SUBMITTED, OPENED);

        assertThat(clock.firstResponse().remindAt()).isNull();
        assertThat(clock.nextDueAt()).isEqualTo(h(48));
    }

    static final SlaPolicy BY_PRIORITY = new SlaPolicy("by-priority", "by priority", TimeBasis.CALENDAR, null,
            new SlaTargets(Duration.ofHours(48), null),
            Map.of(Priority.HIGH, new SlaTargets(Duration.ofHours(24), null), Priority.URGENT, new SlaTargets(Duration.ofHours(8), null)),
            0.75, List.of(), false);

    @Test
    void recompute_priorityRaised_keepsTheTimeAlreadyElapsed() {
        SlaClock clock = SlaEngine.start(BY_PRIORITY, Priority.NORMAL, null, SUBMITTED, SUBMITTED);

        SlaClock high = SlaEngine.recompute(clock, null, BY_PRIORITY, Priority.HIGH, null, h(10));

        assertThat(high.firstResponse().dueAt()).isEqualTo(h(24));
        assertThat(high.firstResponse().remindAt()).isEqualTo(h(18));
        assertThat(high.firstResponse().consumed()).isEqualTo(Duration.ofHours(10));
        assertThat(high.firstResponse().startedAt()).isEqualTo(SUBMITTED);
    }

    @Test
    void recompute_priorityLoweredAfterTheReminder_doesNotRemindTwice() {
        SlaClock high = SlaEngine.start(BY_PRIORITY, Priority.HIGH, null, SUBMITTED, SUBMITTED);
        SlaUpdate reminded = SlaEngine.due(high, BY_PRIORITY, h(18));
        assertThat(reminded.events()).hasSize(1);

        SlaClock normal = SlaEngine.recompute(reminded.clock(), null, BY_PRIORITY, Priority.NORMAL, null, h(20));

        assertThat(normal.firstResponse().dueAt()).isEqualTo(h(48));
        assertThat(SlaEngine.due(normal, BY_PRIORITY, h(40)).events()).isEmpty();
        assertThat(SlaEngine.due(normal, BY_PRIORITY, h(48)).events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)));
    }

    @Test
    void recompute_elapsedBeyondTheNewTarget_isDueAtOnce() {
        SlaClock clock = SlaEngine.start(BY_PRIORITY, Priority.NORMAL, null, SUBMITTED, SUBMITTED);

        SlaClock urgent = SlaEngine.recompute(clock, null, BY_PRIORITY, Priority.URGENT, null, h(10));

        assertThat(urgent.nextDueAt()).isEqualTo(h(10));
        assertThat(SlaEngine.due(urgent, BY_PRIORITY, h(10)).events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(10)));
    }

    @Test
    void recompute_afterTheBreach_keepsTheRecordedBreach() {
        SlaClock breached = SlaEngine.due(SlaEngine.start(BY_PRIORITY, Priority.HIGH, null, SUBMITTED, SUBMITTED), BY_PRIORITY, h(25)).clock();

        SlaClock lowered = SlaEngine.recompute(breached, null, BY_PRIORITY, Priority.LOW, null, h(26));

        assertThat(lowered.firstResponse().breachedAt()).isEqualTo(h(24));
        assertThat(lowered.firstResponse().dueAt()).isEqualTo(h(24));
        assertThat(SlaEngine.due(lowered, BY_PRIORITY, h(60)).events()).isEmpty();
    }

    @Test
    void recompute_reassignedToAnotherCalendar_countsElapsedInTheOldAndRemainingInTheNew() {
        BusinessCalendar newYork = BusinessTimeTest.weekdays("new-york", ZoneId.of("America/New_York"), Set.of(), hours("09:00", "17:00"));
        SlaPolicy business = policy("business", TimeBasis.BUSINESS, new SlaTargets(Duration.ofHours(16), null), List.of());
        SlaClock clock = SlaEngine.start(business, Priority.NORMAL, PARIS_OFFICE, paris("2025-04-14T09:00"), paris("2025-04-14T09:00"));

        SlaClock moved = SlaEngine.recompute(clock, PARIS_OFFICE, business, Priority.NORMAL, newYork, paris("2025-04-14T13:00"));

        // 4 h used in Paris; 12 h left from 07:00 New York time: Monday 09–17, Tuesday 09–13
        assertThat(moved.calendarId()).isEqualTo("new-york");
        assertThat(moved.firstResponse().consumed()).isEqualTo(Duration.ofHours(4));
        assertThat(moved.firstResponse().dueAt()).isEqualTo(Instant.parse("2025-04-15T17:00:00Z"));
        assertThat(SlaEngine.elapsed(moved.firstResponse(), newYork, Instant.parse("2025-04-14T14:00:00Z")))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void recompute_withAnotherCalendarThanTheClocks_isRejected() {
        SlaPolicy business = policy("business", TimeBasis.BUSINESS, new SlaTargets(Duration.ofHours(16), null), List.of());
        SlaClock clock = SlaEngine.start(business, Priority.NORMAL, PARIS_OFFICE, SUBMITTED, OPENED);
        BusinessCalendar other = BusinessTimeTest.weekdays("other", PARIS, Set.of(), hours("08:00", "16:00"));

        assertThatThrownBy(() -> SlaEngine.recompute(clock, other, business, Priority.NORMAL, other, h(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paris-office");
    }

    @Test
    void due_withAnotherPolicyThanTheClocks_isRejected() {
        SlaClock clock = SlaEngine.start(FOLLOW_UP_48H, Priority.NORMAL, null, SUBMITTED, OPENED);

        assertThatThrownBy(() -> SlaEngine.due(clock, ESCALATING, h(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void due_policyDeletedSinceTheStart_stillBreachesButSendsNoEscalation() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);

        SlaUpdate update = SlaEngine.due(clock, null, h(80));

        assertThat(update.events()).containsExactly(new Breach(TargetKind.FIRST_RESPONSE, 0, h(48)));
        assertThat(update.clock().nextEscalationAt()).isNull();
        assertThat(update.clock().nextDueAt()).isEqualTo(hoursAfter(OPENED, 90));
    }

    @Test
    void due_sweepEverySevenMinutes_emitsEachEventOnceAndLeavesNothingOverdue() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);
        List<String> emitted = new ArrayList<>();
        for (Instant now = SUBMITTED; now.isBefore(h(200)); now = now.plus(Duration.ofMinutes(7))) {
            SlaUpdate update = SlaEngine.due(clock, ESCALATING, now);
            update.events().forEach(e -> emitted.add(e.getClass().getSimpleName() + " " + e.reason()));
            clock = update.clock();
            Instant next = clock.nextDueAt();
            assertThat(next == null || next.isAfter(now)).as("next due %s after the run at %s", next, now).isTrue();
        }

        assertThat(emitted).containsExactly(
                "Reminder first-response", "Breach first-response", "Escalation 0", "Escalation 1", "Escalation 2",
                "Reminder resolution", "Breach resolution");
        assertThat(clock.nextDueAt()).isNull();
    }

    @Test
    void recompute_clocksCalendarDeleted_countsTheElapsedTimeInCalendarHours() {
        SlaPolicy business = policy("business", TimeBasis.BUSINESS, new SlaTargets(Duration.ofHours(16), null), List.of());
        SlaClock clock = SlaEngine.start(business, Priority.NORMAL, PARIS_OFFICE, paris("2025-04-14T09:00"), paris("2025-04-14T09:00"));

        SlaClock recomputed = SlaEngine.recompute(clock, null, business, Priority.NORMAL, PARIS_OFFICE, paris("2025-04-15T09:00"));

        assertThat(recomputed.firstResponse().consumed()).isEqualTo(Duration.ofHours(24));
        assertThat(recomputed.nextDueAt()).isEqualTo(paris("2025-04-15T09:00"));
    }

    @Test
    void deliveryTime_escalationAt23hOnThursday_waitsForNineNextMorning() {
        assertThat(SlaEngine.deliveryTime(PARIS_OFFICE, false, paris("2025-04-10T23:00"))).isEqualTo(paris("2025-04-11T09:00"));
    }

    @Test
    void deliveryTime_beforeAHolidayWeekend_waitsForTheNextWorkingDay() {
        assertThat(SlaEngine.deliveryTime(PARIS_OFFICE, false, paris("2025-04-18T23:00"))).isEqualTo(paris("2025-04-22T09:00"));
    }

    @Test
    void deliveryTime_urgentOrInsideHoursOrWithoutCalendar_isNow() {
        assertThat(SlaEngine.deliveryTime(PARIS_OFFICE, true, paris("2025-04-18T23:00"))).isEqualTo(paris("2025-04-18T23:00"));
        assertThat(SlaEngine.deliveryTime(PARIS_OFFICE, false, paris("2025-04-17T10:00"))).isEqualTo(paris("2025-04-17T10:00"));
        assertThat(SlaEngine.deliveryTime(null, false, paris("2025-04-18T23:00"))).isEqualTo(paris("2025-04-18T23:00"));
    }

    @Test
    void validate_policies_rejectWhatCannotBeComputed() {
        SlaEngine.validate(ESCALATING);
        SlaEngine.validate(SlaEngine.DEFAULT_POLICY);

        assertThatThrownBy(() -> SlaEngine.validate(new SlaPolicy("p", "p", TimeBasis.CALENDAR, null,
                new SlaTargets(Duration.ofHours(48), null), Map.of(), 1.5, List.of(), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminderAt");
        assertThatThrownBy(() -> SlaEngine.validate(new SlaPolicy("p", "p", TimeBasis.CALENDAR, null,
                new SlaTargets(Duration.ZERO, null), Map.of(), 0.75, List.of(), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> SlaEngine.validate(policy("p", TimeBasis.CALENDAR, new SlaTargets(Duration.ofHours(1), null),
                List.of(new EscalationStep(EscalationTarget.RESPONDER, null, Duration.ZERO)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names none");
    }

    @Test
    void clock_roundTripsThroughJsonWithEveryField() {
        SlaClock clock = SlaEngine.start(ESCALATING, Priority.NORMAL, null, SUBMITTED, OPENED);
        clock = SlaEngine.due(clock, ESCALATING, h(80)).clock();
        clock = SlaEngine.resolved(clock, h(81)).clock();
        clock = SlaEngine.reopened(clock, ESCALATING, Priority.NORMAL, null, h(90));

        String json = Json.string(clock);

        assertThat(Json.read(json, SlaClock.class)).isEqualTo(clock);
        assertThat(json).doesNotContain("nextDueAt", "outstandingBreach", "withinTarget");
    }
}
