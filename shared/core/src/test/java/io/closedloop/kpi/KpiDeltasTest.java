package io.closedloop.kpi;

import static io.closedloop.kpi.KpiFixtures.CAMPAIGN;
import static io.closedloop.kpi.KpiFixtures.CONFIG;
import static io.closedloop.kpi.KpiFixtures.applied;
import static io.closedloop.kpi.KpiFixtures.change;
import static io.closedloop.kpi.KpiFixtures.check;
import static io.closedloop.kpi.KpiFixtures.close;
import static io.closedloop.kpi.KpiFixtures.hoursAfterOpening;
import static io.closedloop.kpi.KpiFixtures.note;
import static io.closedloop.kpi.KpiFixtures.nps;
import static io.closedloop.kpi.KpiFixtures.opened;
import static io.closedloop.kpi.KpiFixtures.reassignToBruno;
import static io.closedloop.kpi.KpiFixtures.reopen;
import static io.closedloop.kpi.KpiFixtures.response;
import static io.closedloop.kpi.KpiFixtures.rootCause;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.app.Change;
import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseCommands;
import io.closedloop.config.Goal;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KpiDeltasTest {

    private static final LocalDate MARCH_3 = LocalDate.parse("2025-03-03");
    private static final LocalDate MARCH_5 = LocalDate.parse("2025-03-05");
    private static final LocalDate MARCH_6 = LocalDate.parse("2025-03-06");
    private static final KpiBucket TOTALS = KpiBucket.totals(CAMPAIGN);

    static Map<String, Long> counts(Object... nameValuePairs) {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            counts.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).longValue());
        }
        return counts;
    }

    private static List<KpiIncrement> deltas(Change... changes) {
        return KpiDeltas.of(List.of(changes), CONFIG);
    }

    private static KpiIncrement day(LocalDate day, Map<String, Long> counters) {
        return new KpiIncrement(KpiBucket.day(CAMPAIGN, day), counters);
    }

    private static KpiIncrement totals(long openNow) {
        return new KpiIncrement(TOTALS, counts("opnNow", openNow));
    }

    @Test
    void of_newNpsDetractor_countsResponseCategoryAndNps() {
        Response detractor = response("r1", KpiFixtures.SUBMITTED, nps(3));

        assertThat(deltas(change(null, detractor)))
                .containsExactly(day(MARCH_3, counts("resp", 1, "det", 1, "nps", 1, "nDet", 1)));
    }

    @Test
    void of_acknowledgementOfAResponseWithNoCase_countsOnceWhenSent_andNothingWhenGivenUp() {
        Response promoter = response("r-ack", KpiFixtures.SUBMITTED, nps(10));
        ResponseAcknowledgement claimed = ResponseAcknowledgement.pending(promoter, KpiFixtures.SUBMITTED)
                .claimed(KpiFixtures.SUBMITTED.plusSeconds(180));
        Instant sentOnMarch5 = MARCH_5.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(60);
        ResponseAcknowledgement sent = claimed.sent(sentOnMarch5);

        assertThat(deltas(new Change.AcknowledgementChange("1", null, ResponseAcknowledgement.pending(promoter, KpiFixtures.SUBMITTED)),
                new Change.AcknowledgementChange("2", claimed, sent))).containsExactly(day(MARCH_5, counts("ack", 1)));
        assertThat(deltas(new Change.AcknowledgementChange("3", sent, sent))).as("a replayed record").isEmpty();
        assertThat(deltas(new Change.AcknowledgementChange("4", claimed, claimed.abandoned("suppressed-bounced", sentOnMarch5)))).isEmpty();
    }

    @Test
    void of_newCsatPromoter_countsCategoryButNotNps() {
        Response csat = response("r2", KpiFixtures.SUBMITTED, new Score(ScoreType.CSAT, 5));

        assertThat(deltas(change(null, csat))).containsExactly(day(MARCH_3, counts("resp", 1, "pro", 1)));
    }

    @Test
    void of_responseSubmittedLateInSaoPaulo_countsOnTheUtcDay() {
        Response late = response("r3", Instant.parse("2025-03-03T23:30:00-03:00"), nps(8));

        assertThat(deltas(change(null, late)))
                .containsExactly(day(LocalDate.parse("2025-03-04"), counts("resp", 1, "pas", 1, "nps", 1)));
    }

    @Test
    void of_scoreChangedFromDetractorToPromoter_movesTheCategory() {
        Response before = response("r4", KpiFixtures.SUBMITTED, nps(3));
        Response after = response("r4", KpiFixtures.SUBMITTED, nps(9)).withRevision(2);

        assertThat(deltas(change(before, after)))
                .containsExactly(day(MARCH_3, counts("det", -1, "nDet", -1, "pro", 1, "nPro", 1)));
    }

    @Test
    void of_responseUpdatedWithoutScoreChange_countsNothing() {
        Response before = response("r5", KpiFixtures.SUBMITTED, nps(7));
        Response after = new Response(before.sourceId(), before.externalId(), before.campaignId(), before.submittedAt(),
                before.respondent(), before.score(), "Edited comment", Map.of("q2", "yes"), before.attributes(), 2);

        assertThat(deltas(change(before, after))).isEmpty();
    }

    @Test
    void of_partialResponseThenScore_countsResponseOnceAndCategoryWhenScored() {
        Response partial = response("r6", KpiFixtures.SUBMITTED, null);
        Response scored = response("r6", KpiFixtures.SUBMITTED, nps(10)).withRevision(2);

        assertThat(deltas(change(null, partial))).containsExactly(day(MARCH_3, counts("resp", 1)));
        assertThat(deltas(change(partial, scored))).containsExactly(day(MARCH_3, counts("pro", 1, "nps", 1, "nPro", 1)));
    }

    @Test
    void of_removals_countNothing() {
        Response stored = response("r7", KpiFixtures.SUBMITTED, nps(2));

        assertThat(deltas(change(stored, null), change(opened(), null))).isEmpty();
    }

    @Test
    void of_caseOpened_countsOpenedByAssigneeAndTeam_andOneMoreOpenNow() {
        assertThat(deltas(change(null, opened()))).containsExactly(
                day(MARCH_3, counts("opn", 1, "a#ana#opn", 1, "t#support-br#opn", 1)),
                totals(1));
    }

    @Test
    void of_firstNoteWithinTarget_countsFirstResponseWithItsTime() {
        Case open = opened();
        Case noted = note(open, hoursAfterOpening(3));

        assertThat(deltas(change(open, noted))).containsExactly(day(MARCH_3, counts(
                "fr", 1, "frIn", 1, "hFr#4h", 1,
                "a#ana#fr", 1, "a#ana#frIn", 1, "t#support-br#fr", 1, "t#support-br#frIn", 1)));
    }

    @Test
    void of_firstNoteAfterDeadline_countsLateResponseAndBreachOnDeadlineDay() {
        Case open = opened();
        Case noted = note(open, hoursAfterOpening(50));

        assertThat(deltas(change(open, noted))).containsExactly(day(MARCH_5, counts(
                "fr", 1, "hFr#72h", 1, "brFr", 1,
                "a#ana#fr", 1, "t#support-br#fr", 1, "a#ana#br", 1, "t#support-br#br", 1)));
    }

    @Test
    void of_secondNote_countsNothing() {
        Case noted = note(opened(), hoursAfterOpening(1));
        Case notedAgain = note(noted, hoursAfterOpening(2));

        assertThat(deltas(change(noted, notedAgain))).isEmpty();
    }

    @Test
    void of_closedWithinTargetAndGoal_countsFirstCloseWithTimeAndOneLessOpen() {
        Case noted = note(opened(), hoursAfterOpening(3));
        Case closed = close(noted, hoursAfterOpening(5));

        assertThat(deltas(change(noted, closed))).containsExactly(
                day(MARCH_3, counts(
                        "cls", 1, "cls1", 1, "resIn", 1, "res1In", 1, "goalIn", 1, "hCl#8h", 1,
                        "a#ana#cls", 1, "a#ana#resIn", 1, "a#ana#goalIn", 1,
                        "t#support-br#cls", 1, "t#support-br#resIn", 1, "t#support-br#goalIn", 1,
                        "rc#-#cls", 1, "rc#-#resIn", 1)),
                totals(-1));
    }

    @Test
    void of_closedAfterGoalButWithinTarget_isWithinTargetNotGoal() {
        Case noted = note(opened(), hoursAfterOpening(3));
        Case closed = close(noted, hoursAfterOpening(30));

        Map<String, Long> counters = deltas(change(noted, closed)).getFirst().counters();

        assertThat(counters).containsEntry("resIn", 1L).containsEntry("hCl#36h", 1L).doesNotContainKey("goalIn");
    }

    @Test
    void of_closedAfterResolutionDeadline_countsBreachOnDeadlineDayAndNotWithinTarget() {
        Case noted = note(opened(), hoursAfterOpening(1));
        Case closed = close(noted, hoursAfterOpening(80));

        List<KpiIncrement> increments = deltas(change(noted, closed));

        assertThat(increments).hasSize(2);
        assertThat(increments.getFirst().bucket()).isEqualTo(KpiBucket.day(CAMPAIGN, MARCH_6));
        assertThat(increments.getFirst().counters())
                .containsEntry("cls", 1L).containsEntry("cls1", 1L).containsEntry("hCl#5d", 1L)
                .containsEntry("brRes", 1L).containsEntry("a#ana#br", 1L)
                .doesNotContainKeys("resIn", "res1In", "goalIn", "brFr");
        assertThat(increments.getLast()).isEqualTo(totals(-1));
    }

    @Test
    void of_closedWithoutAnyNote_countsTheCloseAsFirstResponse() {
        Case open = opened();
        Case closed = close(open, hoursAfterOpening(1.5));

        assertThat(deltas(change(open, closed)).getFirst().counters())
                .containsEntry("fr", 1L).containsEntry("frIn", 1L).containsEntry("hFr#2h", 1L).containsEntry("hCl#2h", 1L)
                .containsEntry("cls", 1L).containsEntry("cls1", 1L);
    }

    @Test
    void of_reopenedAndClosedAgain_countsReopensAndLaterCloseAsNotFirst() {
        Case closed = close(note(opened(), hoursAfterOpening(1)), hoursAfterOpening(5));
        Case reopened = reopen(closed, hoursAfterOpening(48));
        Case closedAgain = close(reopened, hoursAfterOpening(60));
        Case reopenedAgain = reopen(closedAgain, hoursAfterOpening(61));

        assertThat(deltas(change(closed, reopened))).containsExactly(
                day(MARCH_5, counts("reo", 1, "reo1", 1)), totals(1));
        assertThat(deltas(change(reopened, closedAgain)).getFirst().counters())
                .containsEntry("cls", 1L).containsEntry("resIn", 1L).containsEntry("hCl#72h", 1L)
                .doesNotContainKeys("cls1", "res1In", "goalIn", "fr");
        assertThat(deltas(change(closedAgain, reopenedAgain))).containsExactly(
                day(MARCH_5, counts("reo", 1)), totals(1));
    }

    @Test
    void of_caseAcknowledgedAndCustomerWrittenTo_countsBothOnTheirDay() {
        Case open = opened();
        Instant at = hoursAfterOpening(1);
        Case told = open.toBuilder().version(open.version() + 1)
                .append(at, "system", ActivityType.CUSTOMER_ACKNOWLEDGED, Map.of("reason", "response"))
                .append(at, "responder:ana", ActivityType.CUSTOMER_CONTACTED, Map.of("subject", "About your order", "message", "Sorry"))
                .build();

        assertThat(deltas(change(open, told)).getFirst().counters()).containsEntry("ack", 1L).containsEntry("msg", 1L);
    }

    @Test
    void of_checkInSentAndAnswered_countsRecoveryForTheOwner_andTheCustomersReopen() {
        Case closed = close(note(opened(), hoursAfterOpening(1)), hoursAfterOpening(5));
        Instant sentAt = hoursAfterOpening(6);
        Case sent = closed.toBuilder().version(closed.version() + 1)
                .alert(Alert.pending(AlertKind.CHECK_IN, "close-1", "customer", sentAt).sent(sentAt))
                .append(sentAt, "system", ActivityType.CHECK_IN_SENT, Map.of("reason", "close-1")).build();
        Instant answeredAt = hoursAfterOpening(30);
        Case happy = sent.toBuilder().version(sent.version() + 1).append(answeredAt, "customer", ActivityType.CHECK_IN_ANSWERED,
                Map.of("closing", "close-1", "resolved", "true", "rescore", "9", "scoreBefore", "3")).build();
        Case unhappy = applied(CaseCommands.apply(sent, new CaseCommand.AnswerCheckIn("close-1", false, 7, null), Actor.customer(), CONFIG,
                answeredAt));

        assertThat(deltas(change(closed, sent)).getFirst().counters()).containsEntry("ciS", 1L).containsEntry("a#ana#ciS", 1L)
                .containsEntry("r#detractors-br#ciS", 1L).containsEntry("rc#-#ciS", 1L);
        assertThat(deltas(change(sent, happy)).getFirst().counters()).containsEntry("ciA", 1L).containsEntry("ciY", 1L)
                .containsEntry("a#ana#ciY", 1L).containsEntry("rc#-#ciY", 1L).containsEntry("r#detractors-br#ciY", 1L)
                .containsEntry("r#detractors-br#ciA", 1L).containsEntry("ciRs", 1L).containsEntry("ciRsD", 6L)
                .containsEntry("ciPro", 1L).doesNotContainKeys("ciReo", "ciPas");
        assertThat(deltas(change(sent, unhappy)).getFirst().counters()).containsEntry("ciA", 1L).containsEntry("ciReo", 1L)
                .containsEntry("reo", 1L).containsEntry("ciRsD", 4L).containsEntry("ciPas", 1L).doesNotContainKey("ciY");
    }

    @Test
    void of_scheduledCheckRecordsBreaches_countsEachOnceOnItsDeadlineDay() {
        Case open = opened();
        Case firstBreach = check(open, hoursAfterOpening(49));
        Case checkedAgain = check(firstBreach, hoursAfterOpening(50));
        Case secondBreach = check(checkedAgain, hoursAfterOpening(73));

        assertThat(deltas(change(open, firstBreach))).containsExactly(
                day(MARCH_5, counts("brFr", 1, "a#ana#br", 1, "t#support-br#br", 1)));
        assertThat(checkedAgain).isSameAs(firstBreach);
        assertThat(deltas(change(checkedAgain, secondBreach))).containsExactly(
                day(MARCH_6, counts("brRes", 1, "a#ana#br", 1, "t#support-br#br", 1)));
    }

    @Test
    void of_breachInASecondCycle_countsAsResolutionBreach() {
        Case reopened = reopen(close(note(opened(), hoursAfterOpening(1)), hoursAfterOpening(5)), hoursAfterOpening(6));
        Case breached = check(reopened, hoursAfterOpening(6 + 72));

        assertThat(deltas(change(reopened, breached))).containsExactly(
                day(MARCH_6, counts("brRes", 1, "a#ana#br", 1, "t#support-br#br", 1)));
    }

    @Test
    void of_rootCauseSetBeforeClose_countsTheCloseUnderIt() {
        Case withCause = rootCause(note(opened(), hoursAfterOpening(1)), "late-delivery", hoursAfterOpening(2));
        Case closed = close(withCause, hoursAfterOpening(5));

        assertThat(deltas(change(withCause, closed)).getFirst().counters())
                .containsEntry("rc#late-delivery#cls", 1L).containsEntry("rc#late-delivery#resIn", 1L)
                .doesNotContainKey("rc#-#cls");
    }

    @Test
    void of_rootCauseSetAfterClose_movesTheCloseToTheNewCauseOnTheCloseDay() {
        Case closed = close(note(opened(), hoursAfterOpening(1)), hoursAfterOpening(5));
        Case withCause = rootCause(closed, "late-delivery", hoursAfterOpening(30));
        Case changedCause = rootCause(withCause, "damaged-parcel", hoursAfterOpening(31));

        assertThat(deltas(change(closed, withCause))).containsExactly(day(MARCH_3, counts(
                "rc#-#cls", -1, "rc#-#resIn", -1, "rc#late-delivery#cls", 1, "rc#late-delivery#resIn", 1)));
        assertThat(deltas(change(withCause, changedCause))).containsExactly(day(MARCH_3, counts(
                "rc#late-delivery#cls", -1, "rc#late-delivery#resIn", -1,
                "rc#damaged-parcel#cls", 1, "rc#damaged-parcel#resIn", 1)));
    }

    @Test
    void of_rootCauseSetOnOpenCase_countsNothing() {
        Case noted = note(opened(), hoursAfterOpening(1));

        assertThat(deltas(change(noted, rootCause(noted, "late-delivery", hoursAfterOpening(2))))).isEmpty();
    }

    @Test
    void of_reassignedCase_countsLaterEventsUnderTheNewAssigneeAndTeam() {
        Case open = opened();
        Case reassigned = reassignToBruno(open, hoursAfterOpening(1));
        Case noted = note(reassigned, hoursAfterOpening(2));

        assertThat(deltas(change(open, reassigned))).isEmpty();
        assertThat(deltas(change(reassigned, noted)).getFirst().counters())
                .containsEntry("a#bruno#fr", 1L).containsEntry("t#support-sp#fr", 1L)
                .doesNotContainKeys("a#ana#fr", "t#support-br#fr");
    }

    @Test
    void of_goalFromFunction_measuresClosesAgainstThatGoal() {
        Case noted = note(opened(), hoursAfterOpening(1));
        Case closed = close(noted, hoursAfterOpening(5));
        Goal strict = new Goal(0.9, Duration.ofHours(2));

        assertThat(KpiDeltas.of(List.of(change(noted, closed)), campaignId -> strict).getFirst().counters())
                .doesNotContainKey("goalIn");
        assertThat(KpiDeltas.of(List.of(change(noted, closed)), campaignId -> null).getFirst().counters())
                .containsEntry("goalIn", 1L);
    }

    @Test
    void of_wholeLifeOfACaseInOneBatch_mergesIntoOneIncrementPerBucket() {
        Case open = opened();
        Case noted = note(open, hoursAfterOpening(1));
        Case closed = close(noted, hoursAfterOpening(4));
        Response detractor = open.response();
        Response promoter = response("r8", KpiFixtures.SUBMITTED.plusSeconds(60), nps(10));

        List<KpiIncrement> increments = deltas(
                change(null, detractor), change(null, promoter), change(null, open), change(open, noted), change(noted, closed));

        assertThat(increments).singleElement().satisfies(increment -> {
            assertThat(increment.bucket()).isEqualTo(KpiBucket.day(CAMPAIGN, MARCH_3));
            assertThat(increment.counters())
                    .containsEntry("resp", 2L).containsEntry("nps", 2L).containsEntry("nDet", 1L).containsEntry("nPro", 1L)
                    .containsEntry("opn", 1L).containsEntry("fr", 1L).containsEntry("cls", 1L).containsEntry("hCl#4h", 1L)
                    .containsEntry("a#ana#opn", 1L).containsEntry("a#ana#cls", 1L)
                    .doesNotContainKey("opnNow");
        });
    }

    @Test
    void merge_sameBucketTwice_addsUpAndDropsZeros() {
        KpiBucket march3 = KpiBucket.day(CAMPAIGN, MARCH_3);
        KpiBucket other = KpiBucket.day("csat-2025", MARCH_3);
        List<KpiIncrement> merged = KpiDeltas.merge(List.of(
                new KpiIncrement(TOTALS, counts("opnNow", 1)),
                new KpiIncrement(march3, counts("opn", 1, "det", 1)),
                new KpiIncrement(other, counts("resp", 1)),
                new KpiIncrement(march3, counts("opn", 2, "det", -1)),
                new KpiIncrement(TOTALS, counts("opnNow", -1))));

        assertThat(merged).containsExactly(
                new KpiIncrement(other, counts("resp", 1)),
                new KpiIncrement(march3, counts("opn", 3)));
    }
}
