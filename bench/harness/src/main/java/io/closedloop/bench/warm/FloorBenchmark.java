package io.closedloop.bench.warm;

import io.closedloop.bench.floor.FloorHandler;
import io.closedloop.config.WebhookFormat;
import io.closedloop.testing.DemoConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The floor: the bare handler reading the same 2 KB webhook event and answering a constant. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorBenchmark {

    private final FloorHandler handler = new FloorHandler();
    private byte[] event;
    private final WarmSupport.Sink out = new WarmSupport.Sink();

    @Setup
    public void setUp() {
        event = WarmSupport.webhookEvent(DemoConfiguration.SOURCE_ID, WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET,
                WarmSupport.genericPayload("warm-1", WarmSupport.NOW, 8), WarmSupport.NOW).getBytes(StandardCharsets.UTF_8);
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
