package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.TYPEFORM_SECRET;
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

class TypeformPayloadTest {

    private static final Source NPS_SOURCE = source(WebhookFormat.TYPEFORM, "nps_score", ScoreType.NPS, "nps_reason",
            FieldMapping.NONE, TYPEFORM_SECRET);

    private static Response response(ParsedWebhook parsed) {
        assertThat(parsed.event()).isEqualTo("form_response");
        assertThat(parsed.deliveries()).hasSize(1);
        assertThat(parsed.deliveries().getFirst().kind()).isEqualTo(DeliveryKind.FULL);
        return parsed.deliveries().getFirst().response();
    }

    private static String fixture(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    @Test
    void read_documentationExampleSignedAsTypeformSigns_parsesEveryAnswerByRef() {
        Source source = source(WebhookFormat.TYPEFORM, TYPEFORM_SECRET);
        Map<String, String> headers = Map.of("typeform-signature", "sha256=147e2gQ2c2696hEL+m2Y2tlbBrd+oLId5YrM/Gz9RD0=");

        Response response = response(Webhooks.read(source, headers, bytes("typeform-form_response.json"), NOW));

        assertThat(response.externalId()).isEqualTo("a3a12ec67a1365927098a606107fac15");
        assertThat(response.submittedAt()).isEqualTo(Instant.parse("2018-01-18T18:17:02Z"));
        assertThat(response.revision()).isZero();
        assertThat(response.score()).isNull();
        assertThat(response.comment()).isNull();
        assertThat(response.respondent()).isEqualTo(new Respondent(null, "laura@example.com", null, null, null));
        assertThat(response.answers()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("readable_ref_long_text", "It's cold right now! I live in an older medium-sized city with a university."
                        + " Geographically, the area is hilly."),
                Map.entry("readable_ref_email", "laura@example.com"),
                Map.entry("readable_ref_short_text", "Laura"),
                Map.entry("readable_ref_date", "2005-10-15"),
                Map.entry("readable_ref_picture_choice", "London, Sydney"),
                Map.entry("readable_ref_number1", "5"),
                Map.entry("readable_ref_legal", "true"),
                Map.entry("readable_ref_multiple_choice", "London"),
                Map.entry("readable_ref_yes_no", "false"),
                Map.entry("readable_ref_opinion_scale", "2"),
                Map.entry("readable_ref_rating", "3"),
                Map.entry("readable_ref_number2", "4"),
                Map.entry("readable_ref_calendly", "https://calendly.com/scheduled_events/EVENT_TYPE/invitees/INVITEE")));
        assertThat(response.attributes()).isEmpty();
    }

    @Test
    void read_npsFixture_scoreAndCommentFromTheConfiguredQuestions() {
        Response response = response(deliver(NPS_SOURCE, bytes("typeform-form_response.nps.json")));

        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 9));
        assertThat(response.comment()).isEqualTo("Fast onboarding, great support.");
        assertThat(response.answers()).hasSize(13).doesNotContainKeys("nps_score", "nps_reason");
        assertThat(response.respondent().email()).isEqualTo("laura@example.com");
    }

    @Test
    void read_scoreQuestionGivenByFieldId_matchesToo() {
        Source byId = source(WebhookFormat.TYPEFORM, "nPsQx0YzAbCd", ScoreType.NPS, "cMmTx0YzAbCd", FieldMapping.NONE,
                TYPEFORM_SECRET);

        Response response = response(deliver(byId, bytes("typeform-form_response.nps.json")));

        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 9));
        assertThat(response.comment()).isEqualTo("Fast onboarding, great support.");
    }

    @Test
    void read_mapping_resolvesHiddenAnswersVariablesAndCalculatedScore() {
        FieldMapping mapping = new FieldMapping(
                Map.of("id", "hidden:user_id", "name", "answer:readable_ref_short_text"),
                Map.of("quiz_score", "meta:calculated.score", "form", "meta:form_id", "who", "variable:name",
                        "score_var", "variable:score", "city", "answer:k6TP9oLGgHjl"));
        Source mapped = source(WebhookFormat.TYPEFORM, null, null, null, mapping, TYPEFORM_SECRET);

        Response response = response(deliver(mapped, bytes("typeform-form_response.json")));

        assertThat(response.respondent()).isEqualTo(new Respondent("abc123456", "laura@example.com", "Laura", null, null));
        assertThat(response.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "quiz_score", "9", "form", "lT4Z3j", "who", "typeform", "score_var", "4", "city", "London"));
    }

    @Test
    void read_noEmailAnswer_emailFromHiddenField() {
        String json = fixture("typeform-form_response.nps.json")
                .replace("\"type\": \"email\",\n        \"email\": \"laura@example.com\"", "\"type\": \"text\",\n        \"text\": \"none\"");

        assertThat(response(deliver(NPS_SOURCE, utf8(json))).respondent().email()).isEqualTo("laura@example.com");
    }

    @Test
    void read_partialResponseAndOtherEvents_acknowledgedWithNothingToStore() {
        String partial = fixture("typeform-form_response.json").replace("\"event_type\": \"form_response\"",
                "\"event_type\": \"form_response_partial\"");

        ParsedWebhook parsed = deliver(NPS_SOURCE, utf8(partial));

        assertThat(parsed.event()).isEqualTo("form_response_partial");
        assertThat(parsed.deliveries()).isEmpty();
    }

    @Test
    void read_newerChoiceShapesAndOtherText_keptReadable() {
        String json = """
                {"event_id":"e1","event_type":"form_response","form_response":{"token":"t1","submitted_at":"2025-07-24T07:00:00Z",
                 "answers":[
                  {"type":"choice","choice":{"id":"c1","ref":"r1","label":"Other","other":null},"field":{"id":"f1","type":"multiple_choice"}},
                  {"type":"choice","choice":{"other":"Lisbon"},"field":{"id":"f2","type":"multiple_choice"}},
                  {"type":"choices","choices":{"ids":["a","b"],"labels":["Red","Blue"],"other":"Teal"},"field":{"id":"f3","type":"multiple_choice"}},
                  {"type":"payment","payment":{"amount":"4.20","last4":"4242","name":"Jo"},"field":{"id":"f4","type":"payment"}},
                  {"type":"phone_number","phone_number":"+351 912 345 678","field":{"id":"f5","type":"phone_number"}},
                  {"type":"number","number":3.5,"field":{"id":"f6","type":"number"}}
                 ]}}
                """;

        Response response = response(deliver(NPS_SOURCE, utf8(json)));

        assertThat(response.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "f1", "Other", "f2", "Lisbon", "f3", "Red, Blue, Teal", "f4", "amount: 4.20, last4: 4242, name: Jo",
                "f5", "+351 912 345 678", "f6", "3.5"));
        assertThat(response.respondent().phone()).isEqualTo("+351 912 345 678");
    }

    @ParameterizedTest(name = "{2}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"event_type\": \"form_response\",`                  | ``                                       | event_type",
        "`\"token\": \"a3a12ec67a1365927098a606107fac15\",`    | ``                                       | form_response.token",
        "`\"token\": \"a3a12ec67a1365927098a606107fac15\",`    | `\"token\": {\"id\":1},`                 | form_response.token",
        "`\"submitted_at\": \"2018-01-18T18:17:02Z\",`         | `\"submitted_at\": \"2018-01-18\",`      | form_response.submitted_at",
        "`\"submitted_at\": \"2018-01-18T18:17:02Z\",`         | ``                                       | form_response.submitted_at",
        "`\"number\": 9,`                                      | `\"number\": 11,`                        | form_response.answers[0].number",
        "`\"number\": 9,`                                      | `\"number\": 8.5,`                       | form_response.answers[0].number"
    })
    void read_malformedNpsFixture_refusedNamingTheField(String original, String replacement, String field) {
        String json = fixture("typeform-form_response.nps.json");
        assertThat(json).contains(original);

        assertThat(GenericPayloadTest.errors(NPS_SOURCE, json.replace(original, replacement)))
                .extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void read_structurallyBrokenFormResponse_refusedNamingTheField() {
        String head = "{\"event_type\":\"form_response\",\"form_response\":{\"token\":\"t\",\"submitted_at\":\"2025-07-24T07:00:00Z\",";

        assertThat(GenericPayloadTest.errors(NPS_SOURCE, head + "\"answers\":{}}}"))
                .extracting(FieldError::field).containsExactly("form_response.answers");
        assertThat(GenericPayloadTest.errors(NPS_SOURCE, head + "\"answers\":[5]}}"))
                .extracting(FieldError::field).containsExactly("form_response.answers[0]");
        assertThat(GenericPayloadTest.errors(NPS_SOURCE, head + "\"answers\":[{\"type\":\"text\",\"text\":\"x\"}]}}"))
                .extracting(FieldError::field).containsExactly("form_response.answers[0].field.id");
        assertThat(GenericPayloadTest.errors(NPS_SOURCE, "{\"event_type\":\"form_response\",\"form_response\":\"x\"}"))
                .extracting(FieldError::field).containsExactly("form_response");
    }
}
