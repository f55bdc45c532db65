package io.closedloop.bench.warm;

import io.closedloop.bench.BenchData;
import io.closedloop.bench.InMemory;
import io.closedloop.cases.Case;
import io.closedloop.config.Goal;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Response;
import io.closedloop.ingest.Webhooks;
import io.closedloop.kpi.KpiCounts;
import io.closedloop.kpi.KpiIncrement;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.KpiStore;
import io.closedloop.log.Log;
import io.closedloop.ports.ConfigCache;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;

/** The in-memory wiring and the data the warm benchmarks share. */
public final class WarmSupport {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final String CAMPAIGN = BenchData.CAMPAIGN;
    static final String TYPEFORM_SOURCE = BenchData.TYPEFORM_SOURCE;
    static final String TYPEFORM_SECRET = BenchData.TYPEFORM_SECRET;
    static final String ORIGIN = BenchData.ORIGIN;

    /** The dashboard's counters are not on the case page's path. */
    static final KpiStore NO_KPIS = new KpiStore() {
        @Override
        public void add(List<KpiIncrement> increments) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KpiCounts> days(String campaignId, LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KpiCounts totals(String campaignId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KpiReport report(String campaignId, LocalDate from, LocalDate to, Goal goal) {
            throw new UnsupportedOperationException();
        }
    };

    private static volatile long logged;

    private WarmSupport() {}

    /** The ports in memory, the configuration seeded, a clock one second after the deliveries were signed. */
    record Wiring(InMemory.Config config, ConfigCache cache, InMemory.Responses responses, InMemory.Cases cases, InstantSource clock) {}

    static Wiring wiring() {
        InstantSource clock = InstantSource.fixed(NOW.plusSeconds(1));
        InMemory.Config config = new InMemory.Config();
        ConfigCache cache = new ConfigCache(config, clock, Duration.ofDays(365));
        BenchData.seed(config, cache, NOW.minus(Duration.ofDays(1)));
        return new Wiring(config, cache, new InMemory.Responses(), new InMemory.Cases(), clock);
    }

    /** Log lines are formatted as in Lambda (their CPU counts) but not printed. */
    static void silenceLogs() {
        Log.sink(line -> logged += line.length());
    }

    static byte[] genericPayload(String id, Instant submittedAt, int score) {
        return BenchData.genericPayload(id, submittedAt, score);
    }

    static byte[] typeformPayload(String token, Instant submittedAt, int score) {
        return BenchData.typeformPayload(token, submittedAt, score);
    }

    static String webhookEvent(String sourceId, WebhookFormat format, String secret, byte[] body, Instant sentAt) {
        return BenchData.webhookEvent(sourceId, format, secret, body, sentAt, "warm-request");
    }

    /** The 2 KB generic delivery, parsed as ingest parses it. */
    static Response response(int score) {
        Wiring wiring = wiring();
        return Webhooks.parse(wiring.cache().current().source(BenchData.GENERIC_SOURCE).orElseThrow(),
                BenchData.genericPayload("warm-rules", NOW, score), NOW).deliveries().getFirst().response();
    }

    static Case detractorCase() {
        return BenchData.detractorCase("warm-case", NOW.minus(Duration.ofHours(2)));
    }

    static String casePageEvent(Case c, Wiring wiring) {
        String session = BenchData.session(wiring.cache().current().signingKey().orElseThrow(), c, NOW);
        return BenchData.casePageEvent(c.id(), session, NOW, "warm-request");
    }

    /** An output stream that is reused between invocations. */
    static final class Sink extends ByteArrayOutputStream {
        Sink() {
            super(16 * 1024);
        }

        String text() {
            return new String(buf, 0, count, StandardCharsets.UTF_8);
        }
    }
}
