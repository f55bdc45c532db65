package io.closedloop.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.IngestWebhook;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Response;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.CapacityMeter;
import io.closedloop.dynamodb.ResponseItem;
import io.closedloop.dynamodb.Stores;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.ingest.Webhooks;
import io.closedloop.json.Json;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged, replayed and mangled deliveries through the ingest function on DynamoDB Local: each is refused with a 401
 * problem, consumes no write unit and stores nothing; header-name case and spaces around values, which proxies
 * change, do not matter. (IngestHandlerTest covers each provider's genuine, tampered and unsigned deliveries.)
 */
class IngestSignatureAttackTest {

    private static final Instant ARRIVAL = Instant.parse("2025-07-24T08:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER_SECRET = "whsec_dGVzdC1zZWNyZXQtMzItYnl0ZXMtZXhhY3RseSEhIQ==";

    private final MutableClock clock = new MutableClock(ARRIVAL);
    private final CapacityMeter meter = new CapacityMeter();
    private Stores stores;
    private IngestHandler handler;

    @BeforeEach
    void setUp() {
        LocalDynamo dynamo = LocalDynamo.shared();
        stores = Stores.of(dynamo.client(meter), dynamo.createTable("ingest-attacks"), 730, clock, Duration.ofMinutes(5));
        for (Source source : List.of(
                source("generic", WebhookFormat.GENERIC, null, null, SECRET),
                source("typeform", WebhookFormat.TYPEFORM, "nps_score", "nps_reason", "my-webook-secret"),
                source("delighted", WebhookFormat.DELIGHTED, null, null, "test_delighted_api_key"),
                source("survicate", WebhookFormat.SURVICATE, null, null, "test_survicate_signing_secret"))) {
            stores.config().put(new ConfigEntry(ConfigKind.SOURCE, source.id(), 1, Json.string(source)));
        }
        handler = new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock));
        stores.configCache().current();
    }

    private static Source source(String id, WebhookFormat format, String scoreQuestion, String commentQuestion, String secret) {
        return new Source(id, "campaign-" + id, format, List.of(new Secret("s1", secret, ARRIVAL)), scoreQuestion, ScoreType.NPS,
                commentQuestion, FieldMapping.NONE, true);
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Project.root().resolve("shared/core/src/test/resources/webhooks/" + name));
    }

    private Source configured(String id) {
        return stores.configCache().current().source(id).orElseThrow();
    }

    /** Delivers through a real API Gateway event; header names are kept as given (API Gateway lower-cases them). */
    private JsonNode deliver(String sourceId, byte[] body, Map<String, String> headers) throws IOException {
        ObjectNode event = (ObjectNode) Json.tree(Files.readAllBytes(Project.root().resolve("events/apigw-ingest-webhook.json")));
        event.put("routeKey", "POST /webhooks/{sourceId}");
        event.put("rawPath", "/webhooks/" + sourceId);
        event.putObject("pathParameters").put("sourceId", sourceId);
        ObjectNode eventHeaders = event.putObject("headers");
        eventHeaders.put("content-type", "application/json");
        headers.forEach(eventHeaders::put);
        event.put("body", java.util.Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, null);
        return Json.tree(out.toByteArray());
    }

    private List<Response> stored(Source source, byte[] body) {
        Response expected = Webhooks.parse(source, body, ARRIVAL).deliveries().getFirst().response();
        return stores.responses().find(expected.campaignId(), ResponseItem.day(expected), expected.sourceId(), expected.externalId());
    }

    private void assertRefusedAndNothingWritten(JsonNode answer, String reason) {
        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(answer.path("body").asText()).contains("(" + reason + ")");
        assertThat(meter.writeUnits()).isZero();
    }

    private static Map<String, String> signed(WebhookFormat format, String secret, byte[] body, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>(WebhookSigner.headers(format, secret, body, at));
        headers.remove("content-type");
        return headers;
    }

    static Stream<Arguments> forgeries() throws IOException {
        byte[] body = fixture("generic-response.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"value\": 3", "\"value\": 9").getBytes(StandardCharsets.UTF_8);
        Map<String, String> genuine = signed(WebhookFormat.GENERIC, SECRET, body, ARRIVAL);
        Map<String, String> noId = new LinkedHashMap<>(genuine);
        noId.remove("webhook-id");
        Map<String, String> noTimestamp = new LinkedHashMap<>(genuine);
        noTimestamp.remove("webhook-timestamp");
        Map<String, String> noSignature = new LinkedHashMap<>(genuine);
        noSignature.remove("webhook-signature");
        Map<String, String> otherId = new LinkedHashMap<>(genuine);
        otherId.put("webhook-id", "msg_another");
        Map<String, String> otherTime = new LinkedHashMap<>(genuine);
        otherTime.put("webhook-timestamp", Long.toString(ARRIVAL.getEpochSecond() - 1));
        Map<String, String> emptySignature = new LinkedHashMap<>(genuine);
        emptySignature.put("webhook-signature", "   ");
        return Stream.of(
                Arguments.of("wrong secret", body, signed(WebhookFormat.GENERIC, OTHER_SECRET, body, ARRIVAL), "bad-signature"),
                Arguments.of("tampered score", tampered, genuine, "bad-signature"),
                Arguments.of("signature moved to another message id", body, otherId, "bad-signature"),
                Arguments.of("signature moved to another timestamp", body, otherTime, "bad-signature"),
                Arguments.of("stale: signed 6 minutes ago", body, signed(WebhookFormat.GENERIC, SECRET, body, ARRIVAL.minusSeconds(360)), "stale-timestamp"),
                Arguments.of("future: signed 6 minutes ahead", body, signed(WebhookFormat.GENERIC, SECRET, body, ARRIVAL.plusSeconds(360)), "future-timestamp"),
                Arguments.of("no webhook-id", body, noId, "missing-id"),
                Arguments.of("no webhook-timestamp", body, noTimestamp, "missing-timestamp"),
                Arguments.of("no webhook-signature", body, noSignature, "missing-signature"),
                Arguments.of("blank webhook-signature", body, emptySignature, "missing-signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void standardWebhooks_forgery_refusedWithItsReason_andNothingStored(String what, byte[] body, Map<String, String> headers,
            String reason) throws IOException {
        meter.reset();

        assertRefusedAndNothingWritten(deliver("generic", body, headers), reason);
        assertThat(stored(configured("generic"), body)).as(what).isEmpty();
    }

    @Test
    void replay_sameDeliveryWithinTheWindow_storesNothingNew_andItsSignatureCannotCarryAnotherBody() throws IOException {
        byte[] body = fixture("generic-response.json");
        Map<String, String> headers = signed(WebhookFormat.GENERIC, SECRET, body, ARRIVAL);
        assertThat(deliver("generic", body, headers).path("statusCode").asInt()).isEqualTo(202);
        byte[] other = new String(body, StandardCharsets.UTF_8).replace("order-20250724-0042", "order-20250724-0043").getBytes(StandardCharsets.UTF_8);
        meter.reset();

        JsonNode replayed = deliver("generic", body, headers);
        JsonNode reused = deliver("generic", other, headers);
        clock.set(ARRIVAL.plus(Duration.ofMinutes(6)));
        JsonNode late = deliver("generic", body, headers);

        assertThat(replayed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(replayed.path("body").asText()).contains("\"duplicate\"");
        assertThat(reused.path("statusCode").asInt()).isEqualTo(401);
        assertThat(late.path("statusCode").asInt()).isEqualTo(401);
        assertThat(late.path("body").asText()).contains("stale-timestamp");
        assertThat(stored(configured("generic"), body)).hasSize(1);
        assertThat(stored(configured("generic"), other)).isEmpty();
    }

    @Test
    void headerNameCaseAndSpacesAroundValues_doNotMatter() throws IOException {
        byte[] body = fixture("generic-response.json");
        Map<String, String> genuine = signed(WebhookFormat.GENERIC, SECRET, body, ARRIVAL);
        Map<String, String> mangled = new LinkedHashMap<>();
        mangled.put("Webhook-Id", "  " + genuine.get("webhook-id") + " ");
        mangled.put("WEBHOOK-TIMESTAMP", "\t" + genuine.get("webhook-timestamp"));
        mangled.put("webhook-Signature", " v1a,c2lnbmF0dXJl " + genuine.get("webhook-signature") + "  ");

        assertThat(deliver("generic", body, mangled).path("statusCode").asInt()).isEqualTo(202);
        assertThat(stored(configured("generic"), body)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyMacProviders")
    void bodyMacProviders_wrongSecretOrMacOfAnotherBody_refusedAndNothingStored(String sourceId, String file, String header) throws IOException {
        Source source = configured(sourceId);
        byte[] body = fixture(file);
        Map<String, String> wrongSecret = signed(source.format(), "not-the-secret", body, ARRIVAL);
        Map<String, String> otherBody = signed(source.format(), source.secrets().getFirst().value(), "{}".getBytes(StandardCharsets.UTF_8), ARRIVAL);
        Map<String, String> upperCaseName = new LinkedHashMap<>();
        signed(source.format(), "not-the-secret", body, ARRIVAL).forEach((name, value) -> upperCaseName.put(name.toUpperCase(java.util.Locale.ROOT), value));
        meter.reset();

        for (Map<String, String> forged : List.of(wrongSecret, otherBody, upperCaseName)) {
            assertRefusedAndNothingWritten(deliver(sourceId, body, forged), "bad-signature");
        }
        assertThat(wrongSecret).containsKey(header);
        assertThat(stored(source, body)).isEmpty();
    }

    static Stream<Arguments> bodyMacProviders() {
        return Stream.of(
                Arguments.of("typeform", "typeform-form_response.nps.json", "typeform-signature"),
                Arguments.of("delighted", "delighted-survey_response.updated.json", "x-delighted-webhook-signature"),
                Arguments.of("survicate", "survicate-questionAnswered.nps.json", "hmac"));
    }
}
