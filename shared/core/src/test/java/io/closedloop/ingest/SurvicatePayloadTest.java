package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.SURVICATE_SECRET;
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

class SurvicatePayloadTest {

    private static final Source SOURCE = source(WebhookFormat.SURVICATE, SURVICATE_SECRET);

    private static Response partial(ParsedWebhook parsed) {
        assertThat(parsed.event()).isEqualTo("questionAnswered");
        assertThat(parsed.deliveries()).hasSize(1);
        assertThat(parsed.deliveries().getFirst().kind()).isEqualTo(DeliveryKind.PARTIAL);
        return parsed.deliveries().getFirst().response();
    }

    private static String fixture(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    @Test
    void read_documentationSampleSignedAsSurvicateSigns_oneAnsweredQuestionToMerge() {
        Map<String, String> headers = Map.of("hmac", "92e1f37743b02ac0ebf25fef13be063f7cf7103a327fc26059abfdf76f7ce951");

        Response response = partial(Webhooks.read(SOURCE, headers, bytes("survicate-questionAnswered.json"), NOW));

        assertThat(response.externalId()).isEqualTo("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assertThat(response.submittedAt()).isEqualTo(Instant.parse("2019-05-10T06:46:02Z"));
        assertThat(response.revision()).isZero();
        assertThat(response.answers()).containsExactlyEntriesOf(Map.of("12123", "Great"));
        assertThat(response.score()).isNull();
        assertThat(response.comment()).isNull();
        assertThat(response.attributes()).isEmpty();
        assertThat(response.respondent()).isEqualTo(new Respondent("534759", null, null, null, null));
    }

    @Test
    void read_npsAnswer_scoreFromTheChoiceIdAndAttributesFromTheRespondent() {
        Response response = partial(deliver(SOURCE, bytes("survicate-questionAnswered.nps.json")));

        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 9));
        assertThat(response.answers()).isEmpty();
        assertThat(response.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("email", "alan@example.com", "plan", "pro"));
        assertThat(response.respondent()).isEqualTo(new Respondent("534759", "alan@example.com", null, null, null));
    }

    @Test
    void read_npsAnswerWithComment_commentKept() {
        String json = fixture("survicate-questionAnswered.nps.json").replace("\"comment\": null", "\"comment\": \"Setup was 😍 <b>easy</b>\"");

        assertThat(partial(deliver(SOURCE, utf8(json))).comment()).isEqualTo("Setup was 😍 <b>easy</b>");
    }

    @Test
    void read_configuredScoreQuestion_onlyThatQuestionScores() {
        Source scored = source(WebhookFormat.SURVICATE, "12123", ScoreType.NPS, null, FieldMapping.NONE, SURVICATE_SECRET);

        Response other = partial(deliver(scored, bytes("survicate-questionAnswered.nps.json")));

        assertThat(other.score()).isNull();
        assertThat(other.answers()).containsExactlyEntriesOf(Map.of("12124", "promoter"));
    }

    @Test
    void read_configuredScoreQuestionWithAnswerIdOutsideTheScale_refusedNamingTheChoiceId() {
        Source scored = source(WebhookFormat.SURVICATE, "12123", ScoreType.CSAT, null, FieldMapping.NONE, SURVICATE_SECRET);

        assertThat(GenericPayloadTest.errors(scored, fixture("survicate-questionAnswered.json")))
                .extracting(FieldError::field).containsExactly("event.questionAnswered.choice.id");
    }

    @Test
    void read_textAnswerToTheCommentQuestion_becomesTheComment() {
        Source commented = source(WebhookFormat.SURVICATE, null, null, "555", FieldMapping.NONE, SURVICATE_SECRET);
        String json = fixture("survicate-questionAnswered.json")
                .replace("\"id\": 12123", "\"id\": 555")
                .replace("\"choice\": {\n        \"id\": 21573,\n        \"body\": \"Great\",\n        \"comment\": null\n      }",
                        "\"text\": \"<script>alert(1)</script> too slow\"");

        Response response = partial(deliver(commented, utf8(json)));

        assertThat(response.comment()).isEqualTo("<script>alert(1)</script> too slow");
        assertThat(response.answers()).isEmpty();
    }

    @Test
    void read_contactFormAndMultipleChoice_readableAnswersAndRespondent() {
        String json = """
                {"messageId":"m","deliveryTries":0,"event":{"questionAnswered":{"responseUuid":"u-1",
                 "timestamp":"2025-07-24T07:00:00+02:00","respondent":{"id":"7","attributes":[],"links":[]},
                 "question":{"id":31,"body":"Contact"},
                 "fields":{"firstName":"Ana","lastName":"Lima","email":"ana@example.com","phone":"+55 11 5555-0000"}}}}
                """;
        String choices = json.replace("\"fields\":{\"firstName\":\"Ana\",\"lastName\":\"Lima\",\"email\":\"ana@example.com\",\"phone\":\"+55 11 5555-0000\"}",
                "\"choices\":[{\"id\":1,\"body\":\"Price\",\"comment\":null},{\"id\":2,\"body\":\"Support\",\"comment\":null}]");

        Response contact = partial(deliver(SOURCE, utf8(json)));
        Response multiple = partial(deliver(SOURCE, utf8(choices)));

        assertThat(contact.submittedAt()).isEqualTo(Instant.parse("2025-07-24T05:00:00Z"));
        assertThat(contact.respondent()).isEqualTo(new Respondent("7", "ana@example.com", "Ana Lima", "+55 11 5555-0000", null));
        assertThat(contact.answers()).containsEntry("31", "firstName: Ana, lastName: Lima, email: ana@example.com, phone: +55 11 5555-0000");
        assertThat(multiple.answers()).containsExactlyEntriesOf(Map.of("31", "Price, Support"));
    }

    @Test
    void read_mapping_resolvesPropertiesAnswerAndMeta() {
        FieldMapping mapping = new FieldMapping(Map.of("id", "property:email"),
                Map.of("survey", "meta:survey.name", "platform", "meta:respondent.platform", "nps_answer", "answer:12124"));
        Source mapped = source(WebhookFormat.SURVICATE, null, null, null, mapping, SURVICATE_SECRET);

        Response response = partial(deliver(mapped, bytes("survicate-questionAnswered.nps.json")));

        assertThat(response.respondent().id()).isEqualTo("alan@example.com");
        assertThat(response.attributes()).containsAllEntriesOf(Map.of(
                "survey", "Satisfaction", "platform", "OSX", "nps_answer", "promoter"));
    }

    @Test
    void read_surveyCompleted_acknowledgedWithNothingToStore() {
        ParsedWebhook parsed = deliver(SOURCE, utf8("{\"messageId\":\"m\",\"deliveryTries\":0,\"event\":{\"surveyCompleted\":{\"survey\":{\"id\":\"s\"}}}}"));

        assertThat(parsed.event()).isEqualTo("surveyCompleted");
        assertThat(parsed.deliveries()).isEmpty();
    }

    @ParameterizedTest(name = "{2}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"responseUuid\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\",` | ``                                   | event.questionAnswered.responseUuid",
        "`\"responseUuid\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\",` | `\"responseUuid\": \"a#b\",`           | event.questionAnswered.responseUuid",
        "`\"timestamp\": \"2019-05-10T06:46:02+00:00\",`              | `\"timestamp\": \"10/05/2019\",`      | event.questionAnswered.timestamp",
        "`\"id\": 12124,`                                             | `\"id\": null,`                       | event.questionAnswered.question.id",
        "`\"id\": 9,`                                                 | `\"id\": 10.5,`                       | event.questionAnswered.choice.id",
        "`\"id\": 9,`                                                 | `\"id\": 12,`                         | event.questionAnswered.choice.id"
    })
    void read_malformedNpsAnswer_refusedNamingTheField(String original, String replacement, String field) {
        String json = fixture("survicate-questionAnswered.nps.json");
        assertThat(json).contains(original);

        assertThat(GenericPayloadTest.errors(SOURCE, json.replace(original, replacement)))
                .extracting(FieldError::field).containsExactly(field);
    }

    @Test
    void read_eventMissingOrNotAnObject_refused() {
        assertThat(GenericPayloadTest.errors(SOURCE, "{\"messageId\":\"m\"}")).extracting(FieldError::field).containsExactly("event");
        assertThat(GenericPayloadTest.errors(SOURCE, "{\"event\":{\"questionAnswered\":[]}}"))
                .extracting(FieldError::field).containsExactly("event.questionAnswered");
    }
}
