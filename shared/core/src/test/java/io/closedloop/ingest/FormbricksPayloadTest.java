package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.STANDARD_SECRET;
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

class FormbricksPayloadTest {

    private static final Source NPS_SOURCE = source(WebhookFormat.FORMBRICKS, "npsQuestionId", ScoreType.NPS,
            "openTextQuestionId", FieldMapping.NONE, STANDARD_SECRET);
    private static final Source PLAIN_SOURCE = source(WebhookFormat.FORMBRICKS, STANDARD_SECRET);

    private static Response response(ParsedWebhook parsed) {
        assertThat(parsed.deliveries()).hasSize(1);
        assertThat(parsed.deliveries().getFirst().kind()).isEqualTo(DeliveryKind.FULL);
        return parsed.deliveries().getFirst().response();
    }

    private static String fixture(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    @Test
    void read_wireFixtureSignedAsFormbricksSigns_parsesEveryField() {
        Instant sent = Instant.ofEpochSecond(1753343276L);
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                "webhook-id", "0193f3c1-5b5e-7c2a-9d3e-8f1a2b3c4d5e",
                "webhook-timestamp", "1753343276",
                "webhook-signature", "v1,9LMVHuhPfcdnr8d+wok0gndGtWd5TtkOzSzD0sjXR8o=");

        ParsedWebhook parsed = Webhooks.read(NPS_SOURCE, headers, bytes("formbricks-responseFinished.wire-nps.json"), sent);

        assertThat(parsed.event()).isEqualTo("responseFinished");
        Response response = response(parsed);
        assertThat(response.externalId()).isEqualTo("responseId");
        assertThat(response.submittedAt()).isEqualTo(Instant.parse("2025-07-24T07:47:29.507Z"));
        assertThat(response.revision()).isEqualTo(Instant.parse("2025-07-24T07:47:56.116Z").toEpochMilli() * 4 + 2);
        assertThat(response.respondent()).isEqualTo(new Respondent("user-123", "jane@example.com", null, null, "en"));
        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 9));
        assertThat(response.comment()).isEqualTo("Fast onboarding, great support.");
        assertThat(response.answers()).containsExactlyEntriesOf(Map.of("plan", "pro"));
        assertThat(response.attributes()).isEmpty();
    }

    @Test
    void read_documentedArrayExamples_sameResponseWithIncreasingRevisions() {
        Response created = response(deliver(PLAIN_SOURCE, bytes("formbricks-responseCreated.json")));
        Response updated = response(deliver(PLAIN_SOURCE, bytes("formbricks-responseUpdated.json")));
        Response finished = response(deliver(PLAIN_SOURCE, bytes("formbricks-responseFinished.json")));

        assertThat(created.id()).isEqualTo(updated.id()).isEqualTo(finished.id());
        assertThat(created.submittedAt()).isEqualTo(updated.submittedAt()).isEqualTo(finished.submittedAt())
                .isEqualTo(Instant.parse("2025-07-24T07:47:29.507Z"));
        assertThat(created.revision()).isLessThan(updated.revision());
        assertThat(updated.revision()).isLessThan(finished.revision());
        assertThat(created.answers()).containsExactlyEntriesOf(Map.of("q1", "clicked"));
        assertThat(updated.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("q1", "clicked", "q2", "Just browsing"));
        assertThat(finished.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("q1", "clicked", "q2", "accepted"));
        assertThat(finished.respondent()).isEqualTo(new Respondent(null, null, null, null, "en"));
        assertThat(finished.score()).isNull();
    }

    @Test
    void read_updateAndFinishFromTheSameChange_finishHasTheHigherRevision() {
        String finishedJson = fixture("formbricks-responseFinished.wire-nps.json");
        String updatedJson = finishedJson.replace("\"responseFinished\"", "\"responseUpdated\"");

        Response finished = response(deliver(NPS_SOURCE, utf8(finishedJson)));
        Response updated = response(deliver(NPS_SOURCE, utf8(updatedJson)));

        assertThat(updated.revision()).isLessThan(finished.revision());
        assertThat(updated.submittedAt()).isEqualTo(finished.submittedAt());
    }

    @Test
    void read_testEndpointPing_acknowledgedWithNothingToStore() {
        ParsedWebhook parsed = deliver(PLAIN_SOURCE, bytes("formbricks-testEndpoint.json"));

        assertThat(parsed.event()).isEqualTo("testEndpoint");
        assertThat(parsed.deliveries()).isEmpty();
    }

    @Test
    void read_unknownEvent_acknowledgedWithNothingToStore() {
        assertThat(deliver(PLAIN_SOURCE, utf8("{\"event\":\"responseDeleted\",\"data\":{}}")).deliveries()).isEmpty();
    }

    @Test
    void read_mapping_resolvesHiddenFieldsMetaContactAttributesAndVariables() {
        FieldMapping mapping = new FieldMapping(
                Map.of("id", "property:email", "name", "answer:openTextQuestionId"),
                Map.of("plan", "hidden:plan", "country", "meta:country", "browser", "meta:userAgent.browser",
                        "unknown", "hidden:nope", "bad", "nonsense"));
        Source mapped = source(WebhookFormat.FORMBRICKS, "npsQuestionId", ScoreType.NPS, null, mapping, STANDARD_SECRET);

        Response response = response(deliver(mapped, bytes("formbricks-responseFinished.wire-nps.json")));

        assertThat(response.respondent().id()).isEqualTo("jane@example.com");
        assertThat(response.respondent().name()).isEqualTo("Fast onboarding, great support.");
        assertThat(response.attributes()).containsExactlyInAnyOrderEntriesOf(
                Map.of("plan", "pro", "country", "DE", "browser", "Chrome"));
    }

    @Test
    void read_multipleChoiceMatrixAndVerifiedEmail_stringifiedAndEmailUsedForTheRespondent() {
        String json = """
                {"event":"responseFinished","data":{"id":"r1","createdAt":"2025-07-24T07:47:29.507Z",
                 "updatedAt":"2025-07-24T07:47:30Z","contact":null,"contactAttributes":{"firstName":"Jo","lastName":"Li"},
                 "language":"default",
                 "data":{"multi":["Price","Speed, quality"],"matrix":{"Support":"Good","Docs":"Poor"},"rating":4,
                         "skipped":"","verifiedEmail":"jo@example.com","npsQuestionId":"7"}}}
                """;

        Response response = response(deliver(NPS_SOURCE, utf8(json)));

        assertThat(response.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "multi", "Price, Speed, quality", "matrix", "Support: Good, Docs: Poor", "rating", "4"));
        assertThat(response.respondent()).isEqualTo(new Respondent(null, "jo@example.com", "Jo Li", null, null));
        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 7));
    }

    @Test
    void read_unansweredScoreQuestion_noScore() {
        String json = fixture("formbricks-responseFinished.wire-nps.json").replace("\"npsQuestionId\": 9", "\"npsQuestionId\": \"\"");

        assertThat(response(deliver(NPS_SOURCE, utf8(json))).score()).isNull();
    }

    @ParameterizedTest(name = "{2}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"event\": \"responseFinished\",`               | `\"event\": 5,`                             | event",
        "`\"event\": \"responseFinished\",`               | ``                                          | event",
        "`\"id\": \"responseId\",`                        | ``                                          | data.id",
        "`\"id\": \"responseId\",`                        | `\"id\": \"response id with spaces\",`      | data.id",
        "`\"createdAt\": \"2025-07-24T07:47:29.507Z\",`   | `\"createdAt\": \"24/07/2025\",`            | data.createdAt",
        "`\"updatedAt\": \"2025-07-24T07:47:56.116Z\",`   | `\"updatedAt\": 1753343276,`                | data.updatedAt",
        "`\"npsQuestionId\": 9,`                          | `\"npsQuestionId\": 11,`                    | data.data.npsQuestionId",
        "`\"npsQuestionId\": 9,`                          | `\"npsQuestionId\": \"very likely\",`       | data.data.npsQuestionId",
        "`\"npsQuestionId\": 9,`                          | `\"npsQuestionId\": [9],`                   | data.data.npsQuestionId"
    })
    void read_malformedWireDelivery_refusedNamingTheField(String original, String replacement, String field) {
        String json = fixture("formbricks-responseFinished.wire-nps.json");
        assertThat(json).contains(original);

        assertThat(GenericPayloadTest.errors(NPS_SOURCE, json.replace(original, replacement)))
                .extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void read_dataNotAnObject_refused() {
        assertThat(GenericPayloadTest.errors(NPS_SOURCE, "{\"event\":\"responseCreated\",\"data\":[]}"))
                .extracting(FieldError::field).containsExactly("data");
        assertThat(GenericPayloadTest.errors(NPS_SOURCE, "{\"event\":\"responseCreated\"}"))
                .extracting(FieldError::field).containsExactly("data");
        assertThat(GenericPayloadTest.errors(NPS_SOURCE,
                "{\"event\":\"responseCreated\",\"data\":{\"id\":\"r\",\"createdAt\":\"2025-07-24T07:47:29Z\",\"data\":\"x\"}}"))
                .extracting(FieldError::field).containsExactly("data.data");
    }

    @Test
    void read_deliveredNow_signatureCheckedAgainstTheArrivalTime() {
        assertThat(response(deliver(NPS_SOURCE, bytes("formbricks-responseFinished.wire-nps.json"))).externalId())
                .isEqualTo("responseId");
        assertThat(NOW).isAfter(Instant.parse("2025-07-24T07:47:56.116Z"));
    }
}
