package io.closedloop.kpi;

import static io.closedloop.kpi.KpiDeltasTest.counts;
import static io.closedloop.kpi.KpiFixtures.CAMPAIGN;
import static io.closedloop.kpi.KpiFixtures.CONFIG;
import static io.closedloop.kpi.KpiFixtures.change;
import static io.closedloop.kpi.KpiFixtures.close;
import static io.closedloop.kpi.KpiFixtures.hoursAfterOpening;
import static io.closedloop.kpi.KpiFixtures.note;
import static io.closedloop.kpi.KpiFixtures.opened;
import static io.closedloop.kpi.KpiFixtures.reopen;
import static io.closedloop.kpi.KpiFixtures.rootCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.Change;
import io.closedloop.cases.Case;
import io.closedloop.config.Goal;
import io.closedloop.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiReportsTest {

    private static final LocalDate FROM = LocalDate.parse("2025-03-01");
    private static final LocalDate TO = LocalDate.parse("2025-03-31");
    private static final Goal GOAL = new Goal(0.85, Duration.ofHours(24));

    private static KpiCounts day(String date, Map<String, Long> counters) {
        return new KpiCounts(KpiBucket.day(CAMPAIGN, LocalDate.parse(date)), counters);
    }

    private static KpiCounts openNow(long n) {
        return new KpiCounts(KpiBucket.totals(CAMPAIGN), counts("opnNow", n));
    }

    /** What the store would hold after these changes: the increments added up per bucket. */
    private static Map<KpiBucket, KpiCounts> stored(List<Change> changes) {
        Map<KpiBucket, Map<String, Long>> sums = new HashMap<>();
        for (KpiIncrement increment : KpiDeltas.of(changes, CONFIG)) {
            increment.counters().forEach((k, v) -> sums.computeIfAbsent(increment.bucket(), b -> new HashMap<>()).merge(k, v, Long::sum));
        }
        Map<KpiBucket, KpiCounts> stored = new HashMap<>();
        sums.forEach((bucket, counters) -> stored.put(bucket, new KpiCounts(bucket, counters)));
        return stored;
    }

    @Test
    void build_recovery_answerAndRecoveryRates_meanScoreChange_andConversions() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("ciS", 6, "ciA", 3, "ciY", 2, "ciReo", 1, "ciRs", 2, "ciRsD", 9, "ciPro", 1)),
                day("2025-03-04", counts("ciS", 2, "ciA", 1, "ciY", 1, "ciRs", 1, "ciRsD", 2, "ciPas", 1))),
                openNow(0), GOAL);
        KpiReport none = KpiReports.build(CAMPAIGN, FROM, TO, List.of(), openNow(0), GOAL);

        assertThat(report.recovery()).isEqualTo(new KpiReport.Recovery(8, 4, 0.5, 3, 0.75, 1, 3, 3.67, 1, 1, 0.6667));
        assertThat(none.recovery().answerRate()).isNull();
        assertThat(none.recovery().rescoreDeltaAverage()).isNull();
    }

    @Test
    void build_recoveryBy_perAssigneeTeamRootCauseAndRule_mostCheckInsFirst_withoutOwnersThatHadNone() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("a#ana#ciS", 1, "a#ana#ciA", 1, "a#ana#ciY", 1, "a#bruno#ciS", 3, "a#bruno#ciA", 1,
                        "a#carla#cls", 2, "t#support#ciS", 4, "rc#late-delivery#ciS", 4, "rc#late-delivery#ciReo", 1,
                        "r#detractors-br#ciS", 4, "r#detractors-br#ciRs", 2, "r#detractors-br#ciRsD", 7,
                        "r#detractors-br#ciPro", 1))),
                openNow(0), GOAL);

        assertThat(report.recoveryBy()).extracting(r -> r.dimension() + ":" + r.id()).containsExactly(
                "ASSIGNEE:bruno", "ASSIGNEE:ana", "TEAM:support", "ROOT_CAUSE:late-delivery", "RULE:detractors-br");
        assertThat(report.recoveryBy().getFirst().recovery().answerRate()).isEqualTo(0.3333);
        assertThat(report.recoveryBy().get(1).recovery().recoveryRate()).isEqualTo(1.0);
        assertThat(report.recoveryBy().get(3).recovery().reopenedByCustomer()).isEqualTo(1);
        assertThat(report.recoveryBy().getLast().recovery().rescoreDeltaAverage()).isEqualTo(3.5);
        assertThat(report.recoveryBy().getLast().recovery().conversionRate()).isEqualTo(0.5);
    }

    @Test
    void build_days_countCheckInsAnsweredRecoveredAndReopenedByCustomer_andWeeksAddThemUp() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("ciS", 2, "ciA", 1, "ciY", 1)),
                day("2025-03-04", counts("ciS", 1, "ciA", 2, "ciReo", 1))),
                openNow(0), GOAL);

        KpiReport.Day first = report.days().get(2);
        assertThat(List.of(first.checkInsSent(), first.checkInsAnswered(), first.recovered(), first.reopenedByCustomer()))
                .containsExactly(2L, 1L, 1L, 0L);
        KpiReport.Day both = KpiReports.sum(FROM, report.days());
        assertThat(List.of(both.checkInsSent(), both.checkInsAnswered(), both.recovered(), both.reopenedByCustomer()))
                .containsExactly(3L, 3L, 1L, 1L);
    }

    @Test
    void build_contact_acknowledgementsAgainstResponses_andMessages_perDayAndForThePeriod() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("resp", 4, "ack", 3, "msg", 1)),
                day("2025-03-04", counts("resp", 4, "ack", 1))), openNow(0), GOAL);

        assertThat(report.contact()).isEqualTo(new KpiReport.Contact(4, 0.5, 1));
        assertThat(report.days().get(2).acknowledged()).isEqualTo(3);
        assertThat(KpiReports.sum(FROM, report.days()).customerMessages()).isEqualTo(1);
        assertThat(KpiReports.build(CAMPAIGN, FROM, TO, List.of(), openNow(0), GOAL).contact().acknowledgedShare())
                .as("nothing to divide by").isNull();
    }

    @Test
    void build_npsFromNpsScaleOnly_promotersMinusDetractors() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("resp", 6, "nps", 6, "pro", 4, "nPro", 3, "pas", 1, "det", 2, "nDet", 2)),
                day("2025-03-04", counts("resp", 4, "nps", 4, "nPro", 2, "pro", 2, "pas", 1, "det", 1, "nDet", 1))),
                openNow(0), GOAL);

        assertThat(report.totals().nps()).isEqualTo(20.0);
        assertThat(report.totals().npsResponses()).isEqualTo(10);
        assertThat(report.totals().promoters()).isEqualTo(6);
        assertThat(report.totals().detractors()).isEqualTo(3);
        assertThat(report.totals().passives()).isEqualTo(2);
        assertThat(report.days().get(2).nps()).isEqualTo(16.7);
        assertThat(report.days().get(3).nps()).isEqualTo(25.0);
        assertThat(report.days().get(0).nps()).isNull();
    }

    @Test
    void build_ratesAndTimes_fromCounters() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-10", counts("opn", 12, "cls", 10, "cls1", 8, "reo", 2, "reo1", 1, "resIn", 9, "res1In", 7,
                        "goalIn", 8, "fr", 10, "frIn", 9, "brFr", 1, "brRes", 2,
                        "hFr#1h", 5, "hFr#4h", 4, "hFr#more", 1, "hCl#12h", 6, "hCl#48h", 3, "hCl#7d", 1))),
                openNow(7), GOAL);

        KpiReport.Totals t = report.totals();
        assertThat(t.opened()).isEqualTo(12);
        assertThat(t.closed()).isEqualTo(10);
        assertThat(t.openNow()).isEqualTo(7);
        assertThat(t.reopenRate()).isEqualTo(0.2);
        assertThat(t.firstTimeResolutionRate()).isEqualTo(0.875);
        assertThat(t.firstTimeResolvedWithinTargetShare()).isEqualTo(0.875);
        assertThat(t.resolvedWithinTargetShare()).isEqualTo(0.9);
        assertThat(t.resolvedWithinGoalShare()).isEqualTo(0.8);
        assertThat(t.goalMet()).isFalse();
        assertThat(t.firstResponseWithinTargetShare()).isEqualTo(0.9);
        assertThat(t.breaches()).isEqualTo(3);
        assertThat(t.firstResponseMedian().label()).isEqualTo("≤ 1 h");
        assertThat(t.firstResponseP90().label()).isEqualTo("≤ 4 h");
        assertThat(t.closeMedian().label()).isEqualTo("≤ 12 h");
        assertThat(t.closeP90().label()).isEqualTo("≤ 48 h");
        assertThat(t.closeHistogram()).hasSize(TimeBuckets.ALL.size()).containsEntry("48h", 3L).containsEntry("1h", 0L);
        assertThat(report.days().get(9).resolvedWithinGoalShare()).isEqualTo(0.8);
        assertThat(report.days().get(9).breaches()).isEqualTo(3);
    }

    @Test
    void build_emptyPeriod_hasEveryDayWithZerosAndNoRates() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(), null, null);

        assertThat(report.days()).hasSize(31);
        assertThat(report.days().getFirst().day()).isEqualTo(FROM);
        assertThat(report.days().getLast().day()).isEqualTo(TO);
        assertThat(report.days()).allSatisfy(d -> {
            assertThat(d.opened()).isZero();
            assertThat(d.nps()).isNull();
            assertThat(d.resolvedWithinTargetShare()).isNull();
        });
        KpiReport.Totals t = report.totals();
        assertThat(t.nps()).isNull();
        assertThat(t.reopenRate()).isNull();
        assertThat(t.firstTimeResolutionRate()).isNull();
        assertThat(t.resolvedWithinGoalShare()).isNull();
        assertThat(t.goalMet()).isNull();
        assertThat(t.firstResponseMedian()).isNull();
        assertThat(t.closeP90()).isNull();
        assertThat(t.openNow()).isZero();
        assertThat(report.goal()).isEqualTo(Goal.DEFAULT);
        assertThat(report.byAssignee()).isEmpty();
        assertThat(report.byRootCause()).isEmpty();
    }

    @Test
    void build_ignoresOtherCampaignsAndDaysOutsideThePeriod() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-02-28", counts("opn", 5)),
                day("2025-03-15", counts("opn", 2)),
                new KpiCounts(KpiBucket.day("csat-2025", LocalDate.parse("2025-03-15")), counts("opn", 9)),
                day("2025-04-01", counts("opn", 5))),
                openNow(2), GOAL);

        assertThat(report.totals().opened()).isEqualTo(2);
    }

    @Test
    void build_breakdowns_groupByAssigneeTeamAndRootCause() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("cls", 4, "a#ana#opn", 2, "a#ana#cls", 2, "a#ana#resIn", 1, "a#ana#fr", 2,
                        "a#ana#frIn", 2, "a#ana#br", 1, "a#team#lead#opn", 1, "a#-#opn", 1, "t#support-br#cls", 3,
                        "t#support-br#goalIn", 3, "rc#late-delivery#cls", 3, "rc#late-delivery#resIn", 2, "rc#-#cls", 1)),
                day("2025-03-04", counts("a#ana#cls", 1, "a#ana#resIn", 1, "rc#-#cls", -1, "rc#damaged-parcel#cls", 1))),
                openNow(0), GOAL);

        assertThat(report.byAssignee()).containsExactly(
                new KpiReport.Owner("ana", 2, 3, 2, 1.0, 0.6667, 0.0, 1, 0, 0, null),
                new KpiReport.Owner("-", 1, 0, 0, null, null, null, 0, 0, 0, null),
                new KpiReport.Owner("team#lead", 1, 0, 0, null, null, null, 0, 0, 0, null));
        assertThat(report.byTeam()).containsExactly(new KpiReport.Owner("support-br", 0, 3, 0, null, 0.0, 1.0, 0, 0, 0, null));
        assertThat(report.byRootCause()).containsExactly(
                new KpiReport.Cause("late-delivery", 3, 0.75, 0.6667),
                new KpiReport.Cause("damaged-parcel", 1, 0.25, 0.0));
    }

    @Test
    void build_fromRealCases_measuresFirstTimeAndTotalResolution() {
        Case first = opened("resp-a", KpiFixtures.SUBMITTED, KpiFixtures.OPENED);
        Case firstNoted = note(first, hoursAfterOpening(2));
        Case firstClosed = close(rootCause(firstNoted, "late-delivery", hoursAfterOpening(3)), hoursAfterOpening(6));
        Case firstReopened = reopen(firstClosed, hoursAfterOpening(20));
        Case firstClosedAgain = close(firstReopened, hoursAfterOpening(30));
        Case second = opened("resp-b", KpiFixtures.SUBMITTED.plusSeconds(600), KpiFixtures.OPENED.plusSeconds(600));
        Case secondNoted = note(second, hoursAfterOpening(60));
        List<Change> changes = new ArrayList<>(List.of(
                change(null, first), change(first, firstNoted), change(firstNoted, firstClosed),
                change(firstClosed, firstReopened), change(firstReopened, firstClosedAgain),
                change(null, second), change(second, secondNoted)));
        changes.add(change(null, first.response()));
        changes.add(change(null, second.response()));
        Map<KpiBucket, KpiCounts> stored = stored(changes);

        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO,
                stored.values().stream().filter(c -> !c.bucket().isTotals()).toList(),
                stored.get(KpiBucket.totals(CAMPAIGN)), GOAL);

        KpiReport.Totals t = report.totals();
        assertThat(t.responses()).isEqualTo(2);
        assertThat(t.nps()).isEqualTo(-100.0);
        assertThat(t.opened()).isEqualTo(2);
        assertThat(t.closed()).isEqualTo(2);
        assertThat(t.openNow()).isEqualTo(1);
        assertThat(t.reopened()).isEqualTo(1);
        assertThat(t.reopenRate()).isEqualTo(0.5);
        assertThat(t.firstClosed()).isEqualTo(1);
        assertThat(t.firstTimeResolutionRate()).isEqualTo(0.0);
        assertThat(t.resolvedWithinGoalShare()).isEqualTo(0.5);
        assertThat(t.firstResponses()).isEqualTo(2);
        assertThat(t.firstResponseWithinTargetShare()).isEqualTo(0.5);
        assertThat(t.firstResponseBreaches()).isEqualTo(1);
        assertThat(t.closeMedian().label()).isEqualTo("≤ 8 h");
        assertThat(t.closeP90().label()).isEqualTo("≤ 36 h");
        assertThat(report.byRootCause()).containsExactly(new KpiReport.Cause("late-delivery", 2, 1.0, 1.0));
        assertThat(report.byAssignee()).singleElement().extracting(KpiReport.Owner::id).isEqualTo("ana");
    }

    @Test
    void build_periodEndingBeforeItStarts_isRefused() {
        assertThatThrownBy(() -> KpiReports.build(CAMPAIGN, TO, FROM, List.of(), null, GOAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }

    @Test
    void build_periodLongerThanTwoYears_isRefused() {
        assertThatThrownBy(() -> KpiReports.build(CAMPAIGN, FROM, FROM.plusDays(KpiReports.MAX_DAYS), List.of(), null, GOAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 731 days");
        assertThat(KpiReports.build(CAMPAIGN, FROM, FROM.plusDays(KpiReports.MAX_DAYS - 1), List.of(), null, GOAL).days())
                .hasSize(KpiReports.MAX_DAYS);
    }

    @Test
    void build_servesAsJson_withIsoDatesAndNoNulls() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("resp", 2, "nps", 2, "nPro", 1, "pro", 1, "det", 1, "nDet", 1, "opn", 1,
                        "cls", 1, "goalIn", 1, "hCl#4h", 1))),
                openNow(0), GOAL);

        JsonNode json = Json.tree(Json.bytes(report));

        assertThat(json.path("from").asText()).isEqualTo("2025-03-01");
        assertThat(json.path("goal").path("within").asText()).isEqualTo("PT24H");
        assertThat(json.path("totals").path("nps").asDouble()).isEqualTo(0.0);
        assertThat(json.path("totals").path("closeMedian").path("atMostSeconds").asLong()).isEqualTo(14_400);
        assertThat(json.path("totals").path("closeMedian").path("label").asText()).isEqualTo("≤ 4 h");
        assertThat(json.path("totals").has("firstResponseMedian")).isFalse();
        assertThat(json.path("days")).hasSize(31);
        assertThat(json.path("days").get(2).path("day").asText()).isEqualTo("2025-03-03");
        assertThat(Json.read(Json.bytes(report), KpiReport.class)).isEqualTo(report);
    }

    @Test
    void sum_ofSeveralDays_recomputesRates() {
        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.of(
                day("2025-03-03", counts("nps", 1, "nPro", 1, "cls", 1, "goalIn", 1)),
                day("2025-03-04", counts("nps", 3, "nDet", 3, "cls", 3))),
                openNow(0), GOAL);

        KpiReport.Day week = KpiReports.sum(FROM, report.days().subList(0, 7));

        assertThat(week.day()).isEqualTo(FROM);
        assertThat(week.nps()).isEqualTo(-50.0);
        assertThat(week.closed()).isEqualTo(4);
        assertThat(week.resolvedWithinGoalShare()).isEqualTo(0.25);
    }

    @Test
    void build_instantOnDayBoundary_isInThatUtcDay() {
        Instant midnight = Instant.parse("2025-03-31T23:59:59Z");
        Case late = opened("resp-c", midnight.minusSeconds(5), midnight);
        Map<KpiBucket, KpiCounts> stored = stored(List.of(change(null, late)));

        KpiReport report = KpiReports.build(CAMPAIGN, FROM, TO, List.copyOf(stored.values()), null, GOAL);

        assertThat(report.days().getLast().opened()).isEqualTo(1);
    }
}
