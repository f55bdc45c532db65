package io.closedloop.functions.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.Alerting;
import io.closedloop.app.Change;
import io.closedloop.app.ProcessChanges;
import io.closedloop.aws.Settings;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.StreamChanges;
import io.closedloop.dynamodb.Stores;
import io.closedloop.eventbridge.EventBridgePublisher;
import io.closedloop.json.Json;
import io.closedloop.ses.SesMailer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.InstantSource;
import java.util.List;

/**
 * The table's stream: a batch of records in, one use-case call, a partial batch response out
 * ({@code batchItemFailures} names the first record to retry; everything before it is done).
 */
public final class ProcessorHandler implements RequestStreamHandler {

    private final ProcessChanges process;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public ProcessorHandler() {
        this(wire(Stores.fromEnvironment(DynamoDb.client())));
    }

    /** For the local stack and tests. */
    public ProcessorHandler(ProcessChanges process) {
        this.process = process;
    }

    private static ProcessChanges wire(Stores stores) {
        SesMailer mailer = new SesMailer(SesMailer.client());
        EventBridgePublisher events = new EventBridgePublisher(EventBridgePublisher.client(), Settings.required("EVENT_BUS_NAME"));
        return new ProcessChanges(stores.cases(), stores.configCache(), stores.roundRobin(),
                Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(),
                        Settings.required("SENDER_ADDRESS"), Settings.required("PUBLIC_BASE_URL")),
                events, stores.kpis(), InstantSource.system());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.tree(input);
        List<Change> changes = StreamChanges.read(event);
        String retryFrom = process.process(changes);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(output)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            if (retryFrom != null) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", retryFrom);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
