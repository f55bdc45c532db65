package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import java.util.Map;

/**
 * Any bytes, in any provider's format, parse to deliveries or to an {@link InvalidPayloadException} whose problem is a
 * 422 naming fields: never another exception. Regression mode (every build) replays the committed corpus in
 * {@code WebhookParsersFuzzTestInputs/<method>/} (the provider fixtures and every crash found so far);
 * {@code JAZZER_FUZZ=1} fuzzes one method (docs/security-testing.md).
 */
class WebhookParsersFuzzTest {

    /** Every lookup kind of every format, including odd references, so mapped fields are parsed too. */
    private static final FieldMapping MAPPING = new FieldMapping(
            Map.of("id", "hidden:user_id", "email", "property:email", "name", "answer:readable_ref_short_text",
                    "phone", "variable:name", "locale", "meta:a.0.b"),
            Map.of("survey", "meta:survey.name", "answer", "answer:12124", "empty", "meta:", "odd", ":x",
                    "calc", "meta:calculated.score", "deep", "meta:userAgent.browser.x.y", "country", "property:country"));

    private static Source source(WebhookFormat format, String scoreQuestion, String commentQuestion) {
        return Fixtures.source(format, scoreQuestion, ScoreType.NPS, commentQuestion, MAPPING, Fixtures.secretFor(format));
    }

    private static void parse(Source source, byte[] body) {
        try {
            ParsedWebhook parsed = Webhooks.parse(source, body, NOW);
            assertThat(parsed.deliveries()).doesNotContainNull();
            parsed.deliveries().forEach(d -> assertThat(d.response().sourceId()).isEqualTo(source.id()));
        } catch (InvalidPayloadException invalid) {
            Problem problem = invalid.problem();
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.errors()).isNotEmpty();
            for (FieldError error : problem.errors()) {
                assertThat(error.field()).isNotBlank().hasSizeLessThan(200);
                assertThat(error.message()).isNotBlank().hasSizeLessThan(500);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void generic(byte[] body) {
        parse(source(WebhookFormat.GENERIC, null, null), body);
    }

    @FuzzTest(maxDuration = "60s")
    void formbricks(byte[] body) {
        parse(source(WebhookFormat.FORMBRICKS, "npsQuestionId", "openTextQuestionId"), body);
    }

    @FuzzTest(maxDuration = "60s")
    void typeform(byte[] body) {
        parse(source(WebhookFormat.TYPEFORM, "nps_score", "nps_reason"), body);
    }

    @FuzzTest(maxDuration = "60s")
    void delighted(byte[] body) {
        parse(source(WebhookFormat.DELIGHTED, null, null), body);
    }

    @FuzzTest(maxDuration = "60s")
    void survicate(byte[] body) {
        parse(source(WebhookFormat.SURVICATE, "12123", "12123"), body);
    }
}
