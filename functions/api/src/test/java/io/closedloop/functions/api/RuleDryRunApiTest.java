package io.closedloop.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleDryRunApiTest {

    private static final String DRAFT = """
            {"campaignId": "nps-br", "name": "Strong detractors", "priority": 50,
             "condition": {"type": "score", "scale": "NPS", "max": 3},
             "outcome": {"assignment": {"type": "fixed", "responderId": "ana"},
                         "triage": [{"when": {"type": "score", "scale": "NPS", "max": 0}, "priority": "URGENT"}]}}""";

    private ApiFixture api;

    @BeforeEach
    void setUp() {
        api = new ApiFixture();
        Instant day = Instant.parse("2026-10-05T12:00:00Z");
        int[] scores = {0, 2, 3, 5, 9, 10};
        for (int i = 0; i < scores.length; i++) {
            api.stores.responses().store(api.response(ApiFixture.NPS, scores[i], day.plus(Duration.ofDays(i))));
        }
        api.stores.responses().store(api.response(ApiFixture.OTHER, 1, day));
        api.stores.responses().store(api.response(ApiFixture.NPS, 1, Instant.parse("2026-12-01T09:00:00Z")));
    }

    private ApiFixture.Reply dryRun(String body) {
        return api.post("/admin/rules/dry-run", api.adminKey, body, Map.of());
    }

    @Test
    void dryRun_countsAndListsTheDraftsMatchesInThePeriod_withoutChangingAnything() {
        ApiFixture.Reply reply = dryRun("{\"rule\": " + DRAFT + ", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\", \"maxListed\": 2}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("evaluated").asInt()).isEqualTo(6);
        assertThat(report.path("matched").asInt()).isEqualTo(3);
        assertThat(report.path("matches")).hasSize(2);
        assertThat(report.path("matches").get(0).path("score").path("value").asInt()).isZero();
        assertThat(report.path("matches").get(0).path("priority").asText()).isEqualTo("URGENT");
        assertThat(report.path("matches").get(0).path("explanation").get(0).asText()).isNotBlank();
        assertThat(report.path("warnings")).isEmpty();
        assertThat(api.stores.configCache().current().rule("strong-detractors")).isEmpty();
    }

    @Test
    void dryRun_unfinishedOutcome_isAWarning_butABadConditionRefusesTheRequest() {
        ApiFixture.Reply warned = dryRun("{\"rule\": " + DRAFT.replace("\"ana\"", "\"zoe\"") + ", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}");
        ApiFixture.Reply refused = dryRun("{\"rule\": " + DRAFT.replace("\"max\": 3", "\"max\": 30") + ", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}");

        assertThat(warned.status()).isEqualTo(200);
        assertThat(warned.json().path("warnings").get(0).path("field").asText()).isEqualTo("rule.outcome.assignment.responderId");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("rule.condition.max");
    }

    @Test
    void dryRun_periodOverNinetyTwoDaysOrInverted_is422OnTo() {
        ApiFixture.Reply tooLong = dryRun("{\"rule\": " + DRAFT + ", \"from\": \"2026-01-01\", \"to\": \"2026-04-03\"}");
        ApiFixture.Reply inverted = dryRun("{\"rule\": " + DRAFT + ", \"from\": \"2026-10-31\", \"to\": \"2026-10-01\"}");
        ApiFixture.Reply missing = dryRun("{\"rule\": " + DRAFT + "}");
        ApiFixture.Reply longest = dryRun("{\"rule\": " + DRAFT + ", \"from\": \"2026-09-01\", \"to\": \"2026-12-01\"}");

        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(tooLong.json().path("errors").get(0).path("message").asText()).contains("at most 92 days");
        assertThat(inverted.status()).isEqualTo(422);
        assertThat(missing.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("from", "to");
        assertThat(longest.status()).isEqualTo(200);
        assertThat(longest.json().path("matched").asInt()).isEqualTo(4);
    }
}
