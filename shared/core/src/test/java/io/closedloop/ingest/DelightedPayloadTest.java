package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.DELIGHTED_SECRET;
import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.bytes;
import static io.closedloop.ingest.Fixtures.deliver;
import static io.closedloop.ingest.Fixtures.source;
import static io.closedloop.ingest.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.FieldMapping;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelightedPayloadTest {

    private static final Source SOURCE = source(WebhookFormat.DELIGHTED, DELIGHTED_SECRET);

    private static Response response(ParsedWebhook parsed) {
        assertThat(parsed.deliveries()).hasSize(1);
        assertThat(parsed.deliveries().getFirst().kind()).isEqualTo(DeliveryKind.FULL);
        return parsed.deliveries().getFirst().response();
    }

    private static String fixture(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    @Test
    void read_updatedExampleSignedAsDelightedSigns_parsesEveryField() {
        Map<String, String> headers = Map.of("x-delighted-webhook-signature",
                "sha256=986a7696b6da0ea072cb3a72a7d8bea516ce718b5f458a28a2c222ace61857f4");

        ParsedWebhook parsed = Webhooks.read(SOURCE, headers, bytes("delighted-survey_response.updated.json"), NOW);

        assertThat(parsed.event()).isEqualTo("survey_response.updated");
        Response response = response(parsed);
        assertThat(response.externalId()).isEqualTo("5435");
        assertThat(response.submittedAt()).isEqualTo(Instant.ofEpochSecond(1737526976L));
        assertThat(response.revision()).isEqualTo(1737527576L * 2 + 1);
        assertThat(response.respondent())
                .isEqualTo(new Respondent("5975", "charlie_gravis@example.com", "Charlie Gravis", null, null));
        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 9));
        assertThat(response.comment()).isEqualTo("Your service is fast and flawless!");
        assertThat(response.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "enum_z9EvYV", "Convenience, Friendly staff",
                "enum_caUUdY", "Yes",
                "integer_buwb3w", "4",
                "text_BJPEm0", "A friend recommended you to me!"));
        assertThat(response.attributes()).isEmpty();
    }

    @Test
    void read_createdThenUpdated_sameResponseAndUpdateWins() {
        Response created = response(deliver(SOURCE, bytes("delighted-survey_response.created.json")));
        Response updated = response(deliver(SOURCE, bytes("delighted-survey_response.updated.json")));

        assertThat(created.id()).isEqualTo(updated.id());
        assertThat(created.submittedAt()).isEqualTo(updated.submittedAt());
        assertThat(created.revision()).isLessThan(updated.revision());
        assertThat(created.comment()).isNull();
        assertThat(created.answers()).isEmpty();
        assertThat(created.attributes()).containsExactlyEntriesOf(Map.of("plan", "pro"));
    }

    @Test
    void read_updateInTheCreationSecond_stillOutranksTheCreation() {
        String updated = fixture("delighted-survey_response.created.json")
                .replace("survey_response.created", "survey_response.updated");

        assertThat(response(deliver(SOURCE, utf8(updated))).revision())
                .isGreaterThan(response(deliver(SOURCE, bytes("delighted-survey_response.created.json"))).revision());
    }

    @Test
    void read_unsubscribe_acknowledgedWithNothingToStore() {
        String json = "{\"event_type\":\"unsubscribe.created\",\"event_id\":\"e1\",\"event_data\":{\"person_id\":\"5975\"}}";

        ParsedWebhook parsed = deliver(SOURCE, utf8(json));

        assertThat(parsed.event()).isEqualTo("unsubscribe.created");
        assertThat(parsed.deliveries()).isEmpty();
    }

    @Test
    void read_csatSurvey_scoredOnTheCsatScale() {
        String csat = fixture("delighted-survey_response.created.json").replace("\"nps\"", "\"csat\"").replace("\"score\": 9", "\"score\": 4");
        String outOfScale = fixture("delighted-survey_response.created.json").replace("\"nps\"", "\"csat\"");

        assertThat(response(deliver(SOURCE, utf8(csat))).score()).isEqualTo(new Score(ScoreType.CSAT, 4));
        assertThat(GenericPayloadTest.errors(SOURCE, outOfScale)).extracting(FieldError::field).containsExactly("event_data.score");
    }

    @Test
    void read_mapping_resolvesPropertiesAnswersAndMeta() {
        FieldMapping mapping = new FieldMapping(Map.of("id", "property:plan"),
                Map.of("permalink", "meta:permalink", "heard_from", "answer:text_BJPEm0", "tier", "property:plan"));
        Source mapped = source(WebhookFormat.DELIGHTED, null, null, null, mapping, DELIGHTED_SECRET);

        Response response = response(deliver(mapped, bytes("delighted-survey_response.created.json")));

        assertThat(response.respondent().id()).isEqualTo("pro");
        assertThat(response.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "plan", "pro", "tier", "pro", "permalink", "https://app.delighted.com/r/5pFDpmlyC8GUc5oxU6USto5VonSKAqOa"));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"event_type\": \"survey_response.created\",` | ``                              | event_type",
        "`\"id\": \"5435\",`                            | ``                              | event_data.id",
        "`\"id\": \"5435\",`                            | `\"id\": [5435],`               | event_data.id",
        "`\"created_at\": 1737526976,`                  | `\"created_at\": \"2025-01-22\",` | event_data.created_at",
        "`\"created_at\": 1737526976,`                  | `\"created_at\": 99999999999,`   | event_data.created_at",
        "`\"updated_at\": 1737526976,`                  | `\"updated_at\": 1.5,`          | event_data.updated_at",
        "`\"score\": 9,`                                | `\"score\": 11,`                | event_data.score",
        "`\"score\": 9,`                                | `\"score\": \"9\",`             | event_data.score",
        "`\"comment\": null,`                           | `\"comment\": 5,`               | event_data.comment"
    })
    void read_malformedCreatedExample_refusedNamingTheField(String original, String replacement, String field) {
        String json = fixture("delighted-survey_response.created.json");
        assertThat(json).contains(original);

        assertThat(GenericPayloadTest.errors(SOURCE, json.replace(original, replacement)))
                .extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void read_additionalAnswerWithoutQuestionId_refusedNamingIt() {
        String json = fixture("delighted-survey_response.updated.json").replace("\"id\": \"enum_caUUdY\",", "");

        assertThat(GenericPayloadTest.errors(SOURCE, json)).extracting(FieldError::field)
                .containsExactly("event_data.additional_answers[1].question.id");
    }
}
