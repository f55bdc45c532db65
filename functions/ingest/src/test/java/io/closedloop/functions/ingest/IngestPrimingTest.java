package io.closedloop.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.CapacityMeter;
import io.closedloop.dynamodb.Stores;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart priming on DynamoDB Local: it writes nothing, logs almost nothing, and leaves the function answering. */
class IngestPrimingTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final CapacityMeter meter = new CapacityMeter();
    private final List<String> logged = new ArrayList<>();
    private Consumer<String> previousSink;
    private LocalDynamo dynamo;
    private String table;
    private Stores stores;
    private IngestHandler handler;

    @BeforeEach
    void setUp() {
        dynamo = LocalDynamo.shared();
        table = dynamo.createTable("priming");
        stores = Stores.of(dynamo.client(meter), table, 730, InstantSource.system(), Stores.CONFIG_TTL);
        stores.config().put(new ConfigEntry(ConfigKind.SOURCE, "generic", 1, Json.string(new Source("generic", "campaign",
                WebhookFormat.GENERIC, List.of(new Secret("s1", SECRET, Instant.EPOCH)), null, ScoreType.NPS, null, FieldMapping.NONE, true))));
        handler = new IngestHandler(stores);
        previousSink = Log.sink(logged::add);
    }

    @AfterEach
    void restoreLogs() {
        Log.sink(previousSink);
    }

    private int items() {
        return dynamo.client().scan(r -> r.tableName(table)).count();
    }

    @Test
    void beforeCheckpoint_rehearsesDeliveries_andWritesNothing() {
        int before = items();
        meter.reset();

        handler.beforeCheckpoint(null);

        assertThat(items()).isEqualTo(before);
        assertThat(meter.writeUnits()).as("only the refused conditional put is billed").isLessThanOrEqualTo(1.0);
        assertThat(logged).as("one line for the unknown-source request; the %d rehearsals are silent", IngestHandler.REHEARSALS)
                .hasSizeLessThanOrEqualTo(2)
                .noneMatch(line -> line.contains("priming step failed"));
    }

    @Test
    void afterRestore_theFirstDeliveryIsStored() throws IOException {
        handler.beforeCheckpoint(null);
        handler.afterRestore(null);
        int before = items();

        JsonNode answer = deliver("generic", """
                {"id":"after-restore-1","submittedAt":"2026-11-23T08:00:00Z","score":{"type":"NPS","value":3},"comment":"Late."}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(202);
        assertThat(items()).isEqualTo(before + 1);
    }

    private JsonNode deliver(String sourceId, byte[] body) throws IOException {
        ObjectNode event = (ObjectNode) Json.tree(Files.readAllBytes(Project.root().resolve("events/apigw-ingest-webhook.json")));
        event.put("rawPath", "/webhooks/" + sourceId);
        event.putObject("pathParameters").put("sourceId", sourceId);
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        WebhookSigner.headers(WebhookFormat.GENERIC, SECRET, body, Instant.now()).forEach(headers::put);
        event.put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, null);
        return Json.tree(out.toByteArray());
    }
}
