package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.STANDARD_SECRET;
import static io.closedloop.ingest.Fixtures.bytes;
import static io.closedloop.ingest.Fixtures.deliver;
import static io.closedloop.ingest.Fixtures.source;
import static io.closedloop.ingest.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.closedloop.config.FieldMapping;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GenericPayloadTest {

    private static final Source SOURCE = source(WebhookFormat.GENERIC, STANDARD_SECRET);

    private static Response single(ParsedWebhook parsed) {
        assertThat(parsed.deliveries()).hasSize(1);
        assertThat(parsed.deliveries().getFirst().kind()).isEqualTo(DeliveryKind.FULL);
        return parsed.deliveries().getFirst().response();
    }

    private static Response parse(String json) {
        return single(deliver(SOURCE, utf8(json)));
    }

    static List<FieldError> errors(Source source, String json) {
        InvalidPayloadException invalid = catchThrowableOfType(InvalidPayloadException.class,
                () -> deliver(source, utf8(json)));
        assertThat(invalid).as("refused: %s", json).isNotNull();
        return invalid.errors();
    }

    private static String minimal(String extra) {
        return "{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\"" + extra + "}";
    }

    @Test
    void read_documentationExample_parsesEveryField() {
        Response response = single(deliver(SOURCE, bytes("generic-response.json")));

        assertThat(response.sourceId()).isEqualTo(SOURCE.id());
        assertThat(response.campaignId()).isEqualTo("camp-1");
        assertThat(response.externalId()).isEqualTo("order-20250724-0042");
        assertThat(response.submittedAt()).isEqualTo(Instant.parse("2025-07-24T07:47:29Z"));
        assertThat(response.revision()).isZero();
        assertThat(response.respondent())
                .isEqualTo(new Respondent("cust-1042", "ana.souza@example.com", "Ana Souza", "+55 11 91234-5678", "pt-BR"));
        assertThat(response.score()).isEqualTo(new Score(ScoreType.NPS, 3));
        assertThat(response.comment()).isEqualTo("A entrega atrasou duas semanas e ninguém respondeu aos meus e-mails.");
        assertThat(response.answers()).containsExactlyInAnyOrderEntriesOf(
                Map.of("delivery_on_time", "false", "main_reason", "Late delivery", "items_ordered", "3"));
        assertThat(response.attributes()).containsExactlyInAnyOrderEntriesOf(
                Map.of("country", "BR", "store", "SP-Paulista", "segment", "retail", "account_value", "1250.5"));
    }

    @Test
    void read_oneElementArray_sameAsBareObject() {
        String object = new String(bytes("generic-response.json"), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(parse("[" + object + "]")).isEqualTo(parse(object));
    }

    @Test
    void read_minimalResponse_isAnonymousWithoutScore() {
        Response response = parse(minimal(""));

        assertThat(response.respondent()).isEqualTo(Respondent.ANONYMOUS);
        assertThat(response.score()).isNull();
        assertThat(response.comment()).isNull();
        assertThat(response.answers()).isEmpty();
        assertThat(response.attributes()).isEmpty();
        assertThat(response.revision()).isZero();
    }

    @Test
    void read_revisionAndUnknownFields_revisionKeptUnknownIgnored() {
        Response response = parse(minimal(",\"revision\":7,\"survey\":{\"name\":\"Q3\"},\"channel\":\"sms\""));

        assertThat(response.revision()).isEqualTo(7);
    }

    @Test
    void read_scoreWithoutType_usesTheSourceScale() {
        Source csat = source(WebhookFormat.GENERIC, null, ScoreType.CSAT, null, FieldMapping.NONE, STANDARD_SECRET);

        Response response = single(deliver(csat, utf8(minimal(",\"score\":{\"value\":4}"))));

        assertThat(response.score()).isEqualTo(new Score(ScoreType.CSAT, 4));
    }

    @Test
    void read_scriptHtmlAndEmojiComment_keptVerbatim() {
        String comment = "<script>alert('x')</script> <b>bold</b> & \\\"quoted\\\" 😡👎 ñandú 日本語 \\u0000";

        Response response = parse(minimal(",\"comment\":\"" + comment + "\",\"answers\":{\"q\":\"<img src=x onerror=alert(1)>\"}"));

        assertThat(response.comment()).isEqualTo("<script>alert('x')</script> <b>bold</b> & \"quoted\" 😡👎 ñandú 日本語 \u0000");
        assertThat(response.answers()).containsEntry("q", "<img src=x onerror=alert(1)>");
    }

    @Test
    void read_longComment_truncatedWithEllipsisWithoutSplittingAnEmoji() {
        String comment = "a".repeat(7_998) + "😡".repeat(10);

        Response response = parse(minimal(",\"comment\":\"" + comment + "\""));

        assertThat(response.comment()).hasSize(7_999).startsWith("a".repeat(7_998)).endsWith("a…");
        assertThat(parse(minimal(",\"comment\":\"" + "b".repeat(8_000) + "\"")).comment()).hasSize(8_000).doesNotContain("…");
    }

    @Test
    void read_longAnswerAndAttribute_truncatedTo2000Characters() {
        String value = "x".repeat(5_000);

        Response response = parse(minimal(",\"answers\":{\"q\":\"" + value + "\"},\"attributes\":{\"a\":\"" + value + "\"}"));

        assertThat(response.answers().get("q")).hasSize(2_000).endsWith("x…");
        assertThat(response.attributes().get("a")).hasSize(2_000).endsWith("x…");
    }

    @Test
    void read_tooManyAnswersOrAttributes_refusedNamingTheObject() {
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            answers.append(i == 0 ? "" : ",").append("\"q").append(i).append("\":").append(i);
        }
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            attributes.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":true");
        }

        assertThat(errors(SOURCE, minimal(",\"answers\":{" + answers + "},\"attributes\":{" + attributes + "}")))
                .extracting(FieldError::field).containsExactly("answers", "attributes");
        assertThat(parse(minimal(",\"answers\":{" + answers.substring(answers.indexOf(",") + 1) + "}")).answers()).hasSize(200);
    }

    @Test
    void read_nullOptionalValues_readAsAbsent() {
        Response response = parse(minimal(",\"respondent\":null,\"score\":null,\"comment\":null,\"answers\":{\"q\":null},\"revision\":null"));

        assertThat(response.respondent()).isEqualTo(Respondent.ANONYMOUS);
        assertThat(response.answers()).isEmpty();
    }

    @Test
    void read_mapping_resolvesAnswersAndBodyPaths() {
        FieldMapping mapping = new FieldMapping(Map.of("email", "answer:contact_email"), Map.of("region", "meta:context.region"));
        Source mapped = source(WebhookFormat.GENERIC, null, null, null, mapping, STANDARD_SECRET);

        Response response = single(deliver(mapped, utf8(minimal(
                ",\"answers\":{\"contact_email\":\"bo@example.com\"},\"context\":{\"region\":\"EMEA\"}"))));

        assertThat(response.respondent().email()).isEqualTo("bo@example.com");
        assertThat(response.attributes()).containsEntry("region", "EMEA");
    }

    @Test
    void read_severalProblems_allReportedAtOnce() {
        List<FieldError> errors = errors(SOURCE, "{\"id\":\"\",\"submittedAt\":\"soon\",\"score\":{\"value\":12}}");

        assertThat(errors).extracting(FieldError::field).containsExactly("id", "submittedAt", "score.value");
        assertThat(errors.get(2).message()).isEqualTo("must be an integer from 0 to 10 (NPS)");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not json                                              | $",
        "``                                                    | $",
        "[]                                                    | $",
        "[{},{}]                                               | $",
        "`\"text\"`                                            | $",
        "42                                                    | $",
        "null                                                  | $",
        "`{\"id\":\"a\",\"submittedAt\":\"2025-07-24T07:00:00Z\"} {}` | $",
        "`{\"submittedAt\":\"2025-07-24T07:00:00Z\"}`            | id",
        "`{\"id\":42,\"submittedAt\":\"2025-07-24T07:00:00Z\"}`  | id",
        "`{\"id\":\"a b\",\"submittedAt\":\"2025-07-24T07:00:00Z\"}` | id",
        "`{\"id\":\"a/b\",\"submittedAt\":\"2025-07-24T07:00:00Z\"}` | id",
        "`{\"id\":\"r-1\"}`                                       | submittedAt",
        "`{\"id\":\"r-1\",\"submittedAt\":\"yesterday\"}`         | submittedAt",
        "`{\"id\":\"r-1\",\"submittedAt\":1721807249}`            | submittedAt",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00\"}` | submittedAt",
        "`{\"id\":\"r-1\",\"submittedAt\":\"1999-12-31T23:59:59Z\"}` | submittedAt",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-25T08:00:01Z\"}` | submittedAt",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"revision\":-1}`   | revision",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"revision\":\"2\"}` | revision",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"revision\":1.5}`  | revision",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":9}`       | score",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{}}`      | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"value\":11}}`   | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"value\":-1}}`   | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"value\":\"9\"}}` | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"value\":9.5}}`  | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"value\":1e400}}` | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"type\":\"CSAT\",\"value\":0}}` | score.value",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"score\":{\"type\":\"STARS\",\"value\":3}}` | score.type",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"respondent\":\"bo\"}`   | respondent",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"respondent\":{\"email\":5}}` | respondent.email",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"comment\":[\"a\"]}`  | comment",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"answers\":[]}`      | answers",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"answers\":{\"q1\":{}}}` | answers.q1",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"answers\":{\"my q\":[1]}}` | answers[\"my q\"]",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"answers\":{\"\":\"x\"}}` | answers[\"\"]",
        "`{\"id\":\"r-1\",\"submittedAt\":\"2025-07-24T07:00:00Z\",\"attributes\":{\"country\":[\"BR\"]}}` | attributes.country"
    })
    void read_malformedBody_refusedNamingTheField(String body, String field) {
        List<FieldError> errors = errors(SOURCE, body);

        assertThat(errors).extracting(FieldError::field).containsExactly(field);
        assertThat(errors.getFirst().message()).isNotBlank();
    }

    @Test
    void read_tooLongId_refused() {
        assertThat(errors(SOURCE, "{\"id\":\"" + "a".repeat(129) + "\",\"submittedAt\":\"2025-07-24T07:00:00Z\"}"))
                .extracting(FieldError::field).containsExactly("id");
        assertThat(parse("{\"id\":\"" + "a".repeat(128) + "\",\"submittedAt\":\"2025-07-24T07:00:00Z\"}").externalId()).hasSize(128);
    }

    @Test
    void read_invalidPayload_answersAs422ProblemListingTheFields() {
        InvalidPayloadException invalid = catchThrowableOfType(InvalidPayloadException.class,
                () -> Webhooks.parse(SOURCE, utf8("{\"submittedAt\":\"x\"}"), NOW));

        assertThat(invalid.problem().status()).isEqualTo(422);
        assertThat(invalid.problem().errors()).extracting(FieldError::field).containsExactly("id", "submittedAt");
    }
}
