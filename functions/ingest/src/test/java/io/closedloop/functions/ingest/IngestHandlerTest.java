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
import io.closedloop.ingest.Webhooks;
import io.closedloop.ingest.WebhookSigner;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ingest function end to end on DynamoDB Local, fed each provider's documentation payload (the fixtures the
 * format parsers are tested with) inside a real HTTP API event, signed as that provider signs.
 */
class IngestHandlerTest {

    private static final Instant ARRIVAL = Instant.parse("2025-07-24T08:00:00Z");
    private static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final MutableClock clock = new MutableClock(ARRIVAL);
    private final CapacityMeter meter = new CapacityMeter();
    private Stores stores;
    private IngestHandler handler;

    @BeforeEach
    void setUp() {
        LocalDynamo dynamo = LocalDynamo.shared();
        stores = Stores.of(dynamo.client(meter), dynamo.createTable("ingest"), 730, clock, Duration.ofMinutes(5));
        for (Source source : sources()) {
            stores.config().put(new ConfigEntry(ConfigKind.SOURCE, source.id(), 1, Json.string(source)));
        }
        handler = new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock));
    }

    private static List<Source> sources() {
        return List.of(
                source("generic", WebhookFormat.GENERIC, null, null, STANDARD_SECRET),
                source("formbricks", WebhookFormat.FORMBRICKS, "npsQuestionId", "openTextQuestionId", STANDARD_SECRET),
                source("typeform", WebhookFormat.TYPEFORM, "nps_score", "nps_reason", "my-webook-secret"),
                source("delighted", WebhookFormat.DELIGHTED, null, null, "test_delighted_api_key"),
                source("survicate", WebhookFormat.SURVICATE, null, null, "test_survicate_signing_secret"));
    }

    private static Source source(String id, WebhookFormat format, String scoreQuestion, String commentQuestion, String secret) {
        return new Source(id, "campaign-" + id, format, List.of(new Secret("s1", secret, ARRIVAL)), scoreQuestion, ScoreType.NPS,
                commentQuestion, FieldMapping.NONE, true);
    }

    static Stream<Arguments> providerFixtures() {
        return Stream.of(
                Arguments.of("generic", "generic-response.json"),
                Arguments.of("formbricks", "formbricks-responseFinished.wire-nps.json"),
                Arguments.of("typeform", "typeform-form_response.nps.json"),
                Arguments.of("delighted", "delighted-survey_response.updated.json"),
                Arguments.of("survicate", "survicate-questionAnswered.nps.json"));
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Project.root().resolve("shared/core/src/test/resources/webhooks/" + name));
    }

    private Source configured(String id) {
        return stores.configCache().current().source(id).orElseThrow();
    }

    private JsonNode deliver(String sourceId, byte[] body, Map<String, String> headers) throws IOException {
        ObjectNode event = (ObjectNode) Json.tree(Files.readAllBytes(Project.root().resolve("events/apigw-ingest-webhook.json")));
        event.put("routeKey", "POST /webhooks/{sourceId}");
        event.put("rawPath", "/webhooks/" + sourceId);
        event.putObject("pathParameters").put("sourceId", sourceId);
        ObjectNode eventHeaders = event.putObject("headers");
        eventHeaders.put("content-type", "application/json");
        headers.forEach((name, value) -> eventHeaders.put(name.toLowerCase(java.util.Locale.ROOT), value));
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, null);
        return Json.tree(out.toByteArray());
    }

    private Map<String, String> signed(Source source, byte[] body) {
        return WebhookSigner.headers(source.format(), source.secrets().getFirst().value(), body, ARRIVAL);
    }

    private List<Response> stored(Response expected) {
        return stores.responses().find(expected.campaignId(), ResponseItem.day(expected), expected.sourceId(), expected.externalId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerFixtures")
    void ingest_providerDocumentationPayloadSignedAsTheProviderSigns_isStored(String sourceId, String file) throws IOException {
        Source source = configured(sourceId);
        byte[] body = fixture(file);
        Response expected = Webhooks.parse(source, body, ARRIVAL).deliveries().getFirst().response();

        JsonNode answer = deliver(sourceId, body, signed(source, body));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(202);
        assertThat(stored(expected)).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo(expected.externalId());
            assertThat(r.score()).isNotNull().isEqualTo(expected.score());
            assertThat(r.comment()).isEqualTo(expected.comment());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerFixtures")
    void ingest_tamperedOrUnsigned_isRefusedAndNothingIsStored(String sourceId, String file) throws IOException {
        Source source = configured(sourceId);
        byte[] body = fixture(file);
        Response expected = Webhooks.parse(source, body, ARRIVAL).deliveries().getFirst().response();
        Map<String, String> headers = signed(source, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replaceFirst("\\d", "7").getBytes(StandardCharsets.UTF_8);

        JsonNode forged = deliver(sourceId, tampered, headers);
        JsonNode unsigned = deliver(sourceId, body, Map.of());

        assertThat(forged.path("statusCode").asInt()).isEqualTo(401);
        assertThat(unsigned.path("statusCode").asInt()).isEqualTo(401);
        assertThat(forged.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(stored(expected)).isEmpty();
    }

    @Test
    void ingest_sameDeliveryTwice_secondIsAnsweredAsDuplicate() throws IOException {
        Source source = configured("generic");
        byte[] body = fixture("generic-response.json");

        JsonNode first = deliver("generic", body, signed(source, body));
        JsonNode second = deliver("generic", body, signed(source, body));

        assertThat(first.path("statusCode").asInt()).isEqualTo(202);
        assertThat(second.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.tree(second.path("body").asText().getBytes(StandardCharsets.UTF_8)).path("status").asText()).isEqualTo("duplicate");
    }

    @Test
    void ingest_newResponse_costsOneWriteUnit_andNoConfigurationRead() throws IOException {
        Source source = configured("generic");
        byte[] warmUp = new String(fixture("generic-response.json"), StandardCharsets.UTF_8).replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\":\"warm-up\"")
                .getBytes(StandardCharsets.UTF_8);
        deliver("generic", warmUp, signed(source, warmUp));
        byte[] body = fixture("generic-response.json");
        meter.reset();

        deliver("generic", body, signed(source, body));

        assertThat(meter.writeUnits()).isEqualTo(1.0);
        assertThat(meter.readUnits()).isZero();
    }
}
