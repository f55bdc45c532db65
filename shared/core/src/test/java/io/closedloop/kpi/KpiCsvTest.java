package io.closedloop.kpi;

import static io.closedloop.kpi.KpiDeltasTest.counts;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Goal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiCsvTest {

    private static final LocalDate FROM = LocalDate.parse("2025-03-03");
    private static final LocalDate TO = LocalDate.parse("2025-03-05");

    private static KpiReport report(String campaignId, List<KpiCounts> days) {
        return KpiReports.build(campaignId, FROM, TO, days, null, Goal.DEFAULT);
    }

    private static KpiCounts day(String campaignId, String date, java.util.Map<String, Long> counters) {
        return new KpiCounts(KpiBucket.day(campaignId, LocalDate.parse(date)), counters);
    }

    @Test
    void days_headerThenOneRowPerDay_withCrlf() {
        String csv = KpiCsv.days(report("nps-2025", List.of(day("nps-2025", "2025-03-04",
                counts("resp", 4, "nps", 4, "nPro", 1, "nDet", 3, "opn", 3, "cls", 2, "reo", 1, "fr", 3, "frIn", 2,
                        "resIn", 1, "goalIn", 2, "brFr", 1, "brRes", 1, "ciS", 3, "ciA", 2, "ciY", 1, "ciReo", 1, "ack", 2,
                        "msg", 1)))));

        assertThat(csv).isEqualTo(
                "campaign,day,responses,nps_responses,nps,opened,closed,reopened,first_responses,"
                        + "first_response_within_target_pct,resolved_within_target_pct,resolved_within_goal_pct,breaches,"
                        + "check_ins_sent,check_ins_answered,recovered,reopened_by_customer,acknowledged,customer_messages\r\n"
                        + "nps-2025,2025-03-03,0,0,,0,0,0,0,,,,0,0,0,0,0,0,0\r\n"
                        + "nps-2025,2025-03-04,4,4,-50.0,3,2,1,3,66.7,50.0,100.0,2,3,2,1,1,2,1\r\n"
                        + "nps-2025,2025-03-05,0,0,,0,0,0,0,,,,0,0,0,0,0,0,0\r\n");
    }

    @Test
    void text_withCommaQuoteOrLineBreak_isQuotedWithQuotesDoubled() {
        assertThat(KpiCsv.text("Store, Paulista")).isEqualTo("\"Store, Paulista\"");
        assertThat(KpiCsv.text("the \"best\" team")).isEqualTo("\"the \"\"best\"\" team\"");
        assertThat(KpiCsv.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(KpiCsv.text("plain")).isEqualTo("plain");
        assertThat(KpiCsv.text(null)).isEmpty();
    }

    @Test
    void text_startingLikeAFormula_getsASingleQuote() {
        assertThat(KpiCsv.text("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(KpiCsv.text("+1+1")).isEqualTo("'+1+1");
        assertThat(KpiCsv.text("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(KpiCsv.text("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(KpiCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(KpiCsv.text("ana=lead")).isEqualTo("ana=lead");
    }

    @Test
    void days_campaignIdLikeAFormula_isNeutralizedButNegativeNpsStaysANumber() {
        String csv = KpiCsv.days(report("=cmd", List.of(day("=cmd", "2025-03-03", counts("nps", 2, "nDet", 2)))));

        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("'=cmd,2025-03-03,0,2,-100.0,");
    }

    @Test
    void breakdowns_rowsPerAssigneeTeamAndRootCause_withIdsNeutralized() {
        String csv = KpiCsv.breakdowns(report("nps-2025", List.of(day("nps-2025", "2025-03-03", counts(
                "cls", 2, "a#@ana#opn", 1, "a#@ana#cls", 2, "a#@ana#resIn", 1, "a#@ana#ciA", 2, "a#@ana#ciY", 1, "t#support, br#cls", 2,
                "rc#late-delivery#cls", 2, "rc#late-delivery#resIn", 2)))));

        assertThat(csv.split("\r\n")).containsExactly(
                "campaign,dimension,id,opened,closed,first_responses,first_response_within_target_pct,"
                        + "resolved_within_target_pct,resolved_within_goal_pct,breaches,share_of_closed_pct,check_ins_answered,recovered,recovery_pct",
                "nps-2025,assignee,'@ana,1,2,0,,50.0,0.0,0,,2,1,50.0",
                "nps-2025,team,\"support, br\",0,2,0,,0.0,0.0,0,,0,0,",
                "nps-2025,root_cause,late-delivery,,2,,,100.0,,,100.0,,,");
    }

    @Test
    void recovery_campaignRowThenOneRowPerOwnerCauseAndRule_withIdsNeutralized() {
        String csv = KpiCsv.recovery(report("nps-2025", List.of(day("nps-2025", "2025-03-03", counts(
                "ciS", 4, "ciA", 2, "ciY", 1, "ciReo", 1, "ciRs", 2, "ciRsD", 5, "ciPas", 1,
                "a#@ana#ciS", 4, "a#@ana#ciA", 2, "a#@ana#ciY", 1, "r#detractors-br#ciS", 4, "r#detractors-br#ciRs", 2,
                "r#detractors-br#ciRsD", 5, "r#detractors-br#ciPas", 1)))));

        assertThat(csv.split("\r\n")).containsExactly(
                "campaign,dimension,id,check_ins_sent,check_ins_answered,answer_pct,recovered,recovery_pct,reopened_by_customer,"
                        + "rescored_detractors,rescore_delta_avg,detractors_now_passive,detractors_now_promoter,conversion_pct",
                "nps-2025,campaign,nps-2025,4,2,50.0,1,50.0,1,2,2.50,1,0,50.0",
                "nps-2025,assignee,'@ana,4,2,50.0,1,50.0,0,0,,0,0,",
                "nps-2025,rule,detractors-br,4,0,0.0,0,,0,2,2.50,1,0,50.0");
    }
}
