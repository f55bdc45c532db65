package io.closedloop.bench.warm;

import io.closedloop.app.CaseService;
import io.closedloop.app.LinkKeys;
import io.closedloop.cases.Case;
import io.closedloop.functions.web.WebHandler;
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

/** The case page through the real web handler: session check, the case, the page rendered; case and config in memory. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CasePageBenchmark {

    private WebHandler handler;
    private byte[] event;
    private final WarmSupport.Sink out = new WarmSupport.Sink();

    @Setup
    public void setUp() {
        WarmSupport.Wiring wiring = WarmSupport.wiring();
        Case c = WarmSupport.detractorCase();
        wiring.cases().create(c);
        handler = new WebHandler(new CaseService(wiring.cases(), wiring.cache(), wiring.clock()), wiring.cases(), WarmSupport.NO_KPIS,
                new LinkKeys(wiring.cache(), wiring.config()), new io.closedloop.bench.InMemory.Suppressions(), WarmSupport.ORIGIN);
        event = WarmSupport.casePageEvent(c, wiring).getBytes(StandardCharsets.UTF_8);
        WarmSupport.silenceLogs();
        invoke();
        if (!out.text().contains("\"statusCode\":200")) {
            throw new IllegalStateException("the case page did not render: " + out.text().substring(0, Math.min(300, out.text().length())));
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
