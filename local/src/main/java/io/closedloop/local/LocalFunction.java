package io.closedloop.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One function of the template, running in this JVM: its handler is invoked with the same JSON event Lambda would
 * pass and answers with the same JSON. Invocations of one function are serialized, as one Lambda execution
 * environment handles one event at a time.
 */
final class LocalFunction {

    private final String logicalId;
    private final RequestStreamHandler handler;
    private final int timeoutSeconds;

    LocalFunction(String logicalId, RequestStreamHandler handler, int timeoutSeconds) {
        this.logicalId = logicalId;
        this.handler = handler;
        this.timeoutSeconds = timeoutSeconds;
    }

    String logicalId() {
        return logicalId;
    }

    byte[] invoke(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, LocalContext.of(logicalId, timeoutSeconds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
