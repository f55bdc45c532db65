package io.closedloop.bench.warm;

import io.closedloop.app.CaseService;
import io.closedloop.bench.BenchData;
import io.closedloop.bench.InMemory;
import io.closedloop.cases.Case;
import io.closedloop.console.ConsoleSessions;
import io.closedloop.domain.Category;
import io.closedloop.functions.console.BenchConsole;
import io.closedloop.functions.console.ConsoleHandler;
import io.closedloop.queue.QueueRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Console pages through the real console handler, ports in memory: {@code queue} is a responder's first page of 25 of
 * their 30 open cases with the tab counts; {@code rules} is an admin's rule list of the campaign's 50 rules in words.
 * Session check, the use case, the page rendered and the log line; no I/O.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConsolePageBenchmark {

    @Param({"queue", "rules"})
    public String page;

    private ConsoleHandler handler;
    private byte[] event;
    private final WarmSupport.Sink out = new WarmSupport.Sink();

    @Setup
    public void setUp() {
        WarmSupport.Wiring wiring = WarmSupport.wiring();
        List<QueueRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Case c = BenchData.detractorCase("warm-queue-" + i, WarmSupport.NOW.minus(Duration.ofMinutes(30 + i)));
            wiring.cases().create(c);
            rows.add(new QueueRow(c.id(), c.campaignId(), c.status(), c.priority(), c.assigneeId(), "support", 3, Category.DETRACTOR, i % 4 == 0,
                    c.openedAt(), c.openedAt().plus(Duration.ofHours(48)), null, c.response().respondent().name(),
                    "Delivery was two weeks late and nobody answered the phone when I called", c.version()));
        }
        InMemory.Sessions sessions = new InMemory.Sessions();
        handler = BenchConsole.handler(new CaseService(wiring.cases(), wiring.cache(), wiring.clock()), wiring.cases(), new InMemory.Queue(rows),
                sessions, WarmSupport.NO_KPIS, wiring.responses(), wiring.config(), wiring.cache(), WarmSupport.ORIGIN);
        String person = page.equals("queue") ? BenchData.RESPONDER : "admin";
        String cookie = new ConsoleSessions(sessions).start(wiring.cache().current().responder(person).orElseThrow(), WarmSupport.NOW).cookieValue();
        String path = page.equals("queue") ? "/console/cases" : "/console/admin/rules";
        event = BenchData.consolePageEvent(cookie, path, WarmSupport.NOW, "warm-request").getBytes(StandardCharsets.UTF_8);
        WarmSupport.silenceLogs();
        invoke();
        String answer = out.text();
        if (!answer.contains("\"statusCode\":200")) {
            throw new IllegalStateException("the " + page + " page did not render: " + answer.substring(0, Math.min(300, answer.length())));
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
