package io.closedloop.bench.warm;

import io.closedloop.app.IngestWebhook;
import io.closedloop.config.WebhookFormat;
import io.closedloop.functions.ingest.IngestHandler;
import io.closedloop.testing.DemoConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One ingest invocation through the real handler (API Gateway event in, JSON answer out, the log line formatted),
 * for a 2 KB delivery to a campaign with 50 rules, with the store and the configuration in memory: CPU only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IngestBenchmark {

    @Param({"generic", "typeform"})
    public String format;

    private IngestHandler handler;
    private byte[] event;
    private final WarmSupport.Sink out = new WarmSupport.Sink();

    @Setup
    public void setUp() {
        Instant sentAt = WarmSupport.NOW;
        WarmSupport.Wiring wiring = WarmSupport.wiring();
        handler = new IngestHandler(new IngestWebhook(new io.closedloop.ports.SourceCache(wiring.config(), wiring.clock(), java.time.Duration.ofDays(365)), wiring.responses(), wiring.clock()));
        String json = format.equals("generic")
                ? WarmSupport.webhookEvent(DemoConfiguration.SOURCE_ID, WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET,
                        WarmSupport.genericPayload("warm-1", sentAt, 8), sentAt)
                : WarmSupport.webhookEvent(WarmSupport.TYPEFORM_SOURCE, WebhookFormat.TYPEFORM, WarmSupport.TYPEFORM_SECRET,
                        WarmSupport.typeformPayload("warm1token", sentAt, 8), sentAt);
        event = json.getBytes(StandardCharsets.UTF_8);
        WarmSupport.silenceLogs();
        out.reset();
        invoke();
        if (!out.text().contains("\"statusCode\":202")) {
            throw new IllegalStateException("ingest did not accept the benchmark delivery: " + out.text());
        }
    }

    @Benchmark
    public int invoke() {
        out.reset();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.size();
    }
}
