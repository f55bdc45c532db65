package io.closedloop.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;

/**
 * One function of the template, running in this JVM: its handler is invoked with the same JSON event Lambda would
 * pass and answers with the same JSON. At most {@code concurrency} invocations run at once, as Lambda runs one
 * event at a time per execution environment and adds environments under concurrent requests; the environments here
 * share one handler instance (the handlers keep no per-request state).
 */
final class LocalFunction {

    private final String logicalId;
    private final RequestStreamHandler handler;
    private final int timeoutSeconds;
    private final Semaphore environments;

    LocalFunction(String logicalId, RequestStreamHandler handler, int timeoutSeconds, int concurrency) {
        this.logicalId = logicalId;
        this.handler = handler;
        this.timeoutSeconds = timeoutSeconds;
        this.environments = new Semaphore(concurrency, true);
    }

    String logicalId() {
        return logicalId;
    }

    byte[] invoke(byte[] event) {
        environments.acquireUninterruptibly();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, LocalContext.of(logicalId, timeoutSeconds));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            environments.release();
        }
    }
}
