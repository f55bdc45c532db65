package io.closedloop.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.IngestWebhook;
import io.closedloop.app.Priming;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.RehearsalDynamoDb;
import io.closedloop.dynamodb.ResponseItem;
import io.closedloop.dynamodb.Stores;
import io.closedloop.http.HttpFunction;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.ports.StoreOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code POST /webhooks/{sourceId}}: request in, one use-case call, answer out. 202 when a response was stored or
 * updated, 200 when the delivery was a duplicate (or a ping with nothing to store); problems as RFC 9457.
 *
 * <p>SnapStart priming (Lambda's constructor only): before the snapshot, a signed delivery for a source that does
 * not exist goes through this handler on the real client (event parsing, the source read, the 404 answer); one
 * PutItem with a condition that can never hold loads the SDK's refusal path on the real connection; then generic
 * and Typeform deliveries are rehearsed through the same code over an in-memory exchange ({@link RehearsalDynamoDb})
 * until the JIT has compiled the path. Nothing is written.
 */
public final class IngestHandler implements RequestStreamHandler, Resource {

    private static final String PRIMING = Priming.ID;
    private static final String TYPEFORM_PRIMING = Priming.ID + "-typeform";
    /** Rehearsed deliveries per format before the snapshot: past the JIT's compile thresholds for the whole path. */
    static final int REHEARSALS = 1_500;

    private final IngestWebhook ingest;
    private final Stores stores;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public IngestHandler() {
        this(Stores.fromEnvironment(DynamoDb.client()));
        Core.getGlobalContext().register(this);
    }

    /** Real stores, primed like Lambda's (tests call the SnapStart hooks directly). */
    IngestHandler(Stores stores) {
        this.ingest = wire(stores);
        this.stores = stores;
    }

    /** For the local stack and tests. */
    public IngestHandler(IngestWebhook ingest) {
        this.ingest = ingest;
        this.stores = null;
    }

    private static IngestWebhook wire(Stores stores) {
        return new IngestWebhook(stores.sources(), stores.responses(), InstantSource.system());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, "ingest", this::route);
    }

    private HttpResponse route(HttpRequest request) {
        IngestWebhook.Receipt receipt = ingest.accept(request.pathParameter("sourceId"), request.mediaType(), request.headers(), request.body());
        ObjectNode body = Json.object();
        body.put("status", receipt.responses().isEmpty() ? "ignored" : receipt.duplicate() ? "duplicate" : "accepted");
        if (receipt.event() != null) {
            body.put("event", receipt.event());
        }
        ArrayNode responses = body.putArray("responses");
        receipt.responses().forEach(r -> responses.addObject().put("id", r.responseId()).put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT)));
        boolean stored = receipt.responses().stream().anyMatch(r -> r.outcome() != StoreOutcome.DUPLICATE);
        return HttpResponse.json(stored ? 202 : 200, Json.string(body));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (stores == null) {
            return;
        }
        Instant now = Instant.now();
        String secret = WebhookSigner.newSecret(WebhookFormat.GENERIC, new java.security.SecureRandom());
        String typeformSecret = WebhookSigner.newSecret(WebhookFormat.TYPEFORM, new java.security.SecureRandom());
        Priming.step("unknown source", () -> invoke(this, delivery(PRIMING, WebhookFormat.GENERIC, secret, genericSample(PRIMING, now), now)));
        Priming.step("sdk write path", () -> {
            try {
                stores.client().putItem(r -> r.tableName(stores.table())
                        .item(ResponseItem.toItem(Priming.detractor(now), 0))
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException expected) {
                // the condition never holds: nothing was written
            }
        });
        Priming.step("rehearsed deliveries", () -> rehearse(now, secret, typeformSecret));
    }

    /**
     * Deliveries through this handler's own code over a {@link RehearsalDynamoDb} client (the SDK's real path, an
     * in-memory exchange), enough of them for the JIT to compile the path before the snapshot; the source is read
     * on every delivery, as the first one after a restore reads it. Their log lines are formatted and dropped.
     */
    private static void rehearse(Instant now, String secret, String typeformSecret) {
        Stores rehearsal = Stores.of(RehearsalDynamoDb.client(), PRIMING, 0, InstantSource.system(), Duration.ZERO);
        rehearsal.config().put(new ConfigEntry(ConfigKind.SOURCE, PRIMING, 1, Json.string(new Source(PRIMING, PRIMING,
                WebhookFormat.GENERIC, List.of(new Secret("p1", secret, now)), null, ScoreType.NPS, null, FieldMapping.NONE, true))));
        rehearsal.config().put(new ConfigEntry(ConfigKind.SOURCE, TYPEFORM_PRIMING, 1, Json.string(new Source(TYPEFORM_PRIMING, PRIMING,
                WebhookFormat.TYPEFORM, List.of(new Secret("p2", typeformSecret, now)), "nps", ScoreType.NPS, "reason", FieldMapping.NONE, true))));
        IngestHandler handler = new IngestHandler(new IngestWebhook(rehearsal.sources(), rehearsal.responses(), InstantSource.system()));
        Consumer<String> logs = Log.sink(line -> {});
        try {
            for (int round = 0; round < REHEARSALS; round++) {
                requireAccepted(invoke(handler, delivery(PRIMING, WebhookFormat.GENERIC, secret, genericSample(PRIMING + round, now), now)));
                requireAccepted(invoke(handler, delivery(TYPEFORM_PRIMING, WebhookFormat.TYPEFORM, typeformSecret,
                        typeformSample(PRIMING + round, now), now)));
            }
        } finally {
            Log.sink(logs);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (stores != null) {
            stores.sources().invalidate();
        }
    }


    private static String invoke(IngestHandler handler, byte[] event) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), answer, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** A rehearsal that is refused warms the wrong path (its log line is dropped): it fails the priming step. */
    private static void requireAccepted(String answer) {
        if (!answer.startsWith("{\"statusCode\":202")) {
            throw new IllegalStateException("a rehearsed delivery was not accepted: " + answer.substring(0, Math.min(answer.length(), 300)));
        }
    }

    private static byte[] delivery(String sourceId, WebhookFormat format, String secret, byte[] body, Instant now) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", "POST /webhooks/{sourceId}");
        event.put("rawPath", "/webhooks/" + sourceId);
        ObjectNode headers = event.putObject("headers");
        WebhookSigner.headers(format, secret, body, now).forEach(headers::put);
        ObjectNode context = event.putObject("requestContext");
        context.putObject("http").put("method", "POST").put("path", "/webhooks/" + sourceId).put("sourceIp", "127.0.0.1");
        context.put("requestId", PRIMING);
        context.put("timeEpoch", now.toEpochMilli());
        event.putObject("pathParameters").put("sourceId", sourceId);
        event.put("body", new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        return Json.bytes(event);
    }

    private static byte[] genericSample(String id, Instant now) {
        return ("{\"id\":\"" + id + "\",\"submittedAt\":\"" + now + "\",\"respondent\":{\"id\":\"p\",\"email\":\"p@example.invalid\","
                + "\"name\":\"P\",\"locale\":\"en\"},\"score\":{\"type\":\"NPS\",\"value\":8},\"comment\":\"priming\","
                + "\"answers\":{\"q1\":\"a\"},\"attributes\":{\"country\":\"BR\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] typeformSample(String token, Instant now) {
        return ("{\"event_id\":\"p\",\"event_type\":\"form_response\",\"form_response\":{\"form_id\":\"p\",\"token\":\"" + token + "\","
                + "\"submitted_at\":\"" + now + "\",\"hidden\":{\"email\":\"p@example.invalid\"},\"definition\":{\"id\":\"p\",\"fields\":["
                + "{\"id\":\"f1\",\"ref\":\"nps\",\"type\":\"opinion_scale\"},{\"id\":\"f2\",\"ref\":\"reason\",\"type\":\"long_text\"}]},"
                + "\"answers\":[{\"type\":\"number\",\"number\":8,\"field\":{\"id\":\"f1\",\"type\":\"opinion_scale\",\"ref\":\"nps\"}},"
                + "{\"type\":\"text\",\"text\":\"priming\",\"field\":{\"id\":\"f2\",\"type\":\"long_text\",\"ref\":\"reason\"}},"
                + "{\"type\":\"choice\",\"choice\":{\"label\":\"Delivery\"},\"field\":{\"id\":\"f3\",\"type\":\"multiple_choice\",\"ref\":\"topic\"}}]}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
