package io.closedloop.rules;

import static io.closedloop.rules.RuleFixtures.DETRACTOR_BRAZIL;
import static io.closedloop.rules.RuleFixtures.HIGH_VALUE_TRIAGE;
import static io.closedloop.rules.RuleFixtures.SUBMITTED;
import static io.closedloop.rules.RuleFixtures.nps;
import static io.closedloop.rules.RuleFixtures.response;
import static io.closedloop.rules.RuleFixtures.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Priority;
import io.closedloop.domain.Response;
import io.closedloop.domain.ResponseId;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunTest {

    private static final List<Response> WEEK = List.of(
            nps("r-01", 3, "BR", "Atraso na entrega"),
            nps("r-02", 9, "BR", "Ótimo"),
            nps("r-03", 6, "br", null),
            nps("r-04", 2, "US", "Late"),
            nps("r-05", 0, "BR", "Péssimo atendimento"),
            response(RuleFixtures.NPS_CAMPAIGN, "r-06", null, "partial", Map.of("country", "BR")),
            response("other-campaign", "r-07", new Score(ScoreType.NPS, 1), null, Map.of("country", "BR")));

    @Test
    void run_detractorBrazilRule_countsEvaluatedMatchedAndSkipped() {
        DryRunReport report = DryRun.run(DETRACTOR_BRAZIL, WEEK, 10);

        assertThat(report.evaluated()).isEqualTo(6);
        assertThat(report.matched()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.matches()).extracting(m -> m.responseId().externalId()).containsExactly("r-01", "r-03", "r-05");
        assertThat(report.matches().getFirst()).isEqualTo(new DryRunReport.Match(new ResponseId("typeform-main", "r-01"),
                new Score(ScoreType.NPS, 3), SUBMITTED, List.of("score 3 (NPS) in 0–6", "attribute country = BR"), Priority.HIGH));
    }

    @Test
    void run_limit_capsListedMatchesButNotTheCount() {
        DryRunReport report = DryRun.run(DETRACTOR_BRAZIL, WEEK, 2);

        assertThat(report.matched()).isEqualTo(3);
        assertThat(report.matches()).hasSize(2);
        assertThat(DryRun.run(DETRACTOR_BRAZIL, WEEK, -5).matches()).isEmpty();
    }

    @Test
    void run_draftWithoutIdOrCampaign_evaluatesEveryResponseEvenWhenDisabled() {
        Rule draft = new Rule(null, 0, null, "draft", 1, false, HIGH_VALUE_TRIAGE.condition(), HIGH_VALUE_TRIAGE.outcome());

        DryRunReport report = DryRun.run(draft, WEEK, 10);

        assertThat(report.evaluated()).isEqualTo(7);
        assertThat(report.skipped()).isZero();
        assertThat(report.matched()).isEqualTo(5);
    }

    @Test
    void run_reportsTriagedPriorityPerMatch() {
        List<Response> responses = List.of(
                withAttributes(nps("r-big", 4, "US", null), Map.of("accountValue", "750000")),
                nps("r-small", 4, "US", null));

        DryRunReport report = DryRun.run(HIGH_VALUE_TRIAGE, responses, 10);

        assertThat(report.matches()).extracting(DryRunReport.Match::priority).containsExactly(Priority.URGENT, Priority.NORMAL);
    }

    @Test
    void run_nullEntries_areSkipped() {
        DryRunReport report = DryRun.run(DETRACTOR_BRAZIL, Arrays.asList(null, nps("r", 1, "BR", null)), 10);

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.matched()).isEqualTo(1);
    }
}
