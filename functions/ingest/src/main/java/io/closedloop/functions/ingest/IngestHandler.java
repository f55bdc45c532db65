package io.closedloop.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.IngestWebhook;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.http.HttpFunction;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.json.Json;
import io.closedloop.ports.StoreOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.InstantSource;

/**
 * {@code POST /webhooks/{sourceId}}: request in, one use-case call, answer out. 202 when a response was stored or
 * updated, 200 when the delivery was a duplicate (or a ping with nothing to store); problems as RFC 9457.
 */
public final class IngestHandler implements RequestStreamHandler {

    private final IngestWebhook ingest;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public IngestHandler() {
        this(wire(Stores.fromEnvironment(DynamoDb.client())));
    }

    /** For the local stack and tests. */
    public IngestHandler(IngestWebhook ingest) {
        this.ingest = ingest;
    }

    private static IngestWebhook wire(Stores stores) {
        return new IngestWebhook(stores.configCache(), stores.responses(), InstantSource.system());
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
}
