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
import io.closedloop.dynamodb.ResponseItem;
import io.closedloop.dynamodb.Stores;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.ingest.Webhooks;
import io.closedloop.json.Json;
import io.closedloop.testing.Faults;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.Project;
import io.closedloop.testing.TableStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The ingest function on DynamoDB Local with faults injected into its client: a delivery is acknowledged (2xx) only
 * once its response is durable; a failure answers a retryable 500 whose problem+json says nothing of the cause;
 * nothing is half-stored; the provider's retry stores the response exactly once.
 */
class IngestFaultsTest {

    private static final Instant ARRIVAL = Instant.parse("2025-07-24T08:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final MutableClock clock = new MutableClock(ARRIVAL);
    private final Faults faults = new Faults();
    private final String table;
    private final Stores stores;
    private final TableStream stream;
    private final IngestHandler handler;
    private final Map<String, Source> sources = Map.of(
            "generic", new Source("generic", "campaign-generic", WebhookFormat.GENERIC, List.of(new Secret("s1", SECRET, ARRIVAL)), null,
                    ScoreType.NPS, null, FieldMapping.NONE, true),
            "survicate", new Source("survicate", "campaign-survicate", WebhookFormat.SURVICATE,
                    List.of(new Secret("s1", "test_survicate_signing_secret", ARRIVAL)), null, ScoreType.NPS, null, FieldMapping.NONE, true));

    IngestFaultsTest() {
        LocalDynamo dynamo = LocalDynamo.shared();
        table = dynamo.createTable("ingest-faults");
        DynamoDbClient client = Faults.dynamoDb(dynamo.endpoint(), faults);
        stores = Stores.of(client, table, 730, clock, Duration.ofMinutes(5));
        for (Source source : sources.values()) {
            stores.config().put(new ConfigEntry(ConfigKind.SOURCE, source.id(), 1, Json.string(source)));
        }
        stream = new TableStream(dynamo, client, table);
        stream.next();
        handler = new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock));
    }

    private static ProvisionedThroughputExceededException throttled() {
        return ProvisionedThroughputExceededException.builder()
                .message("The level of configured provisioned throughput for the table was exceeded.").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").serviceName("DynamoDb").build())
                .build();
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Project.root().resolve("shared/core/src/test/resources/webhooks/" + name));
    }

    /** One delivery through a real HTTP API event; returns the API Gateway answer (statusCode, headers, body). */
    private JsonNode deliver(String sourceId, byte[] body) throws IOException {
        return deliver(handler, sourceId, body);
    }

    private JsonNode deliver(IngestHandler target, String sourceId, byte[] body) throws IOException {
        Source source = sources.get(sourceId);
        ObjectNode event = (ObjectNode) Json.tree(Files.readAllBytes(Project.root().resolve("events/apigw-ingest-webhook.json")));
        event.put("routeKey", "POST /webhooks/{sourceId}");
        event.put("rawPath", "/webhooks/" + sourceId);
        event.putObject("pathParameters").put("sourceId", sourceId);
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        WebhookSigner.headers(source.format(), source.secrets().getFirst().value(), body, ARRIVAL)
                .forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        target.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, null);
        return Json.tree(out.toByteArray());
    }

    private Response parsed(String sourceId, byte[] body) {
        return Webhooks.parse(sources.get(sourceId), body, ARRIVAL).deliveries().getFirst().response();
    }

    private List<Response> stored(Response expected) {
        return stores.responses().find(expected.campaignId(), ResponseItem.day(expected), expected.sourceId(), expected.externalId());
    }

    /** A 500 problem+json that tells the provider to retry and nothing about what failed. */
    private void assertRetryableProblemWithoutInternals(JsonNode answer, String... injectedTexts) {
        assertThat(answer.path("statusCode").asInt()).isEqualTo(500);
        assertThat(answer.path("headers").path("content-type").asText()).isEqualTo("application/problem+json");
        String body = answer.path("body").asText();
        JsonNode problem = Json.tree(body.getBytes(StandardCharsets.UTF_8));
        assertThat(problem.properties()).extracting(Map.Entry::getKey).isSubsetOf("type", "title", "status", "detail", "instance");
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("dynamo")
                .doesNotContain("software.amazon", "io.closedloop", "\tat ", table, "127.0.0.1", "RESP#", "throughput");
        for (String injected : injectedTexts) {
            assertThat(body).doesNotContain(injected);
        }
    }

    private long streamRecordsFor(Response response) {
        String pk = ResponseItem.partition(response.campaignId(), ResponseItem.day(response));
        return stream.next().stream().filter(r -> r.dynamodb().keys().get("pk").s().equals(pk)).count();
    }

    @Test
    void responseWriteThrottled_answers500WithoutInternals_storesNothing_andTheRetryStoresItOnce() throws IOException {
        byte[] body = fixture("generic-response.json");
        Response expected = parsed("generic", body);
        Faults.Fault fault = faults.failBefore(Faults.put("RESP#"), IngestFaultsTest::throttled);

        JsonNode refused = deliver("generic", body);

        assertThat(fault.injected()).as("every SDK attempt throttled").isEqualTo(3);
        assertRetryableProblemWithoutInternals(refused, "provisioned throughput");
        assertThat(stored(expected)).isEmpty();
        assertThat(streamRecordsFor(expected)).isZero();

        fault.heal();
        JsonNode accepted = deliver("generic", body);
        JsonNode again = deliver("generic", body);

        assertThat(accepted.path("statusCode").asInt()).isEqualTo(202);
        assertThat(again.path("statusCode").asInt()).isEqualTo(200);
        assertThat(stored(expected)).singleElement().extracting(Response::revision).isEqualTo(0L);
        assertThat(streamRecordsFor(expected)).isEqualTo(1);
    }

    @Test
    void sameDeliveryToEightExecutionEnvironmentsAtOnce_oneIsStored_sevenAreDuplicates_oneStreamRecord() throws Exception {
        byte[] body = fixture("generic-response.json");
        Response expected = parsed("generic", body);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                IngestHandler environment = new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock));
                statuses.add(pool.submit(() -> deliver(environment, "generic", body).path("statusCode").asInt()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).filteredOn(s -> s == 202).hasSize(1);
            assertThat(answered).filteredOn(s -> s == 200).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(expected)).hasSize(1);
        assertThat(streamRecordsFor(expected)).isEqualTo(1);
    }

    @Test
    void shortThrottlingBlip_isAbsorbedBySdkRetries_andTheDeliveryIsAcknowledged() throws IOException {
        byte[] body = fixture("generic-response.json");
        faults.failBefore(Faults.put("RESP#"), IngestFaultsTest::throttled).times(2);

        JsonNode accepted = deliver("generic", body);

        assertThat(accepted.path("statusCode").asInt()).isEqualTo(202);
        assertThat(stored(parsed("generic", body))).hasSize(1);
    }

    @Test
    void responseWrittenButTheAnswerLost_answers500_andTheRetryIsADuplicate_storedOnceWithOneStreamRecord() throws IOException {
        byte[] body = fixture("generic-response.json");
        Response expected = parsed("generic", body);
        String lost = "Unable to execute HTTP request: Read timed out";
        faults.failAfter(Faults.put("RESP#"), () -> SdkClientException.create(lost)).times(1);

        JsonNode refused = deliver("generic", body);
        JsonNode retried = deliver("generic", body);

        assertRetryableProblemWithoutInternals(refused, lost);
        assertThat(retried.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.tree(retried.path("body").asText().getBytes(StandardCharsets.UTF_8)).path("status").asText()).isEqualTo("duplicate");
        assertThat(stored(expected)).hasSize(1);
        assertThat(streamRecordsFor(expected)).isEqualTo(1);
    }

    @Test
    void survicateAnswerDiesBetweenItsTwoWrites_onlyTheDayPointerIsLeft_andTheRetryStoresTheResponse() throws IOException {
        byte[] body = fixture("survicate-questionAnswered.nps.json");
        Response expected = parsed("survicate", body);
        // The first write (the day pointer) goes through; the response write after it fails on every attempt
        Faults.Fault fault = faults.failBefore(Faults.put("RESP#"), () -> InternalServerErrorException.builder()
                .message("Internal server error").statusCode(500).build());

        JsonNode refused = deliver("survicate", body);

        assertRetryableProblemWithoutInternals(refused, "Internal server error");
        assertThat(fault.injected()).isEqualTo(3);
        assertThat(stored(expected)).isEmpty();

        fault.heal();
        JsonNode accepted = deliver("survicate", body);

        assertThat(accepted.path("statusCode").asInt()).isEqualTo(202);
        assertThat(stored(expected)).singleElement().satisfies(r -> assertThat(r.score()).isEqualTo(expected.score()));
    }

    @Test
    void databaseUnreachableOrConfigurationUnreadable_answers500WithoutInternals_neverA4xxThatStopsRetries() throws IOException {
        byte[] body = fixture("generic-response.json");
        String refused = "Unable to execute HTTP request: Connect to 127.0.0.1:8000 failed: Connection refused";
        Supplier<SdkClientException> unreachable = () -> SdkClientException.create(refused);
        faults.failBefore(Faults.put("RESP#"), unreachable);

        assertRetryableProblemWithoutInternals(deliver("generic", body), refused);

        faults.healAll();
        clock.advance(Duration.ofMinutes(10));
        faults.failBefore(Faults.calls(GetItemRequest.class), unreachable);

        assertRetryableProblemWithoutInternals(deliver("generic", body), refused);
        faults.healAll();
        assertThat(stored(parsed("generic", body))).isEmpty();
    }
}
