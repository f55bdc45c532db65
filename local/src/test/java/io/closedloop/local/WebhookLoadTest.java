package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.domain.Response;
import io.closedloop.domain.ResponseId;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.ports.CasePage;
import io.closedloop.ports.CaseQuery;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Faults;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test: thousands of signed webhooks (600 in CI; {@code -Dclosedloop.load.requests=5000} for the long
 * form) to the local stack over HTTP, with exact duplicates (some in flight together) and provider "updated"
 * deliveries. Once the stream is processed, what is stored must be exactly what the deliveries call for: every
 * acknowledged response stored at its newest revision, one case per response that ever was a detractor, one email
 * per case; none lost, none doubled, and each duplicate answered as one. Counts and latency percentiles go to the
 * console and to local/target/load-report.json. It never asserts on time; it stops sending at its deadline.
 */
class WebhookLoadTest {

    private static final int REQUESTS = Integer.getInteger("closedloop.load.requests", 600);
    private static final int CONCURRENCY = Integer.getInteger("closedloop.load.concurrency", 16);
    private static final int SECONDS = Integer.getInteger("closedloop.load.seconds", 180);
    private static final long SEED = Long.getLong("closedloop.load.seed", 42);

    @TempDir
    Path data;
    private LocalStack stack;
    private LocalStack.Options options;

    @BeforeEach
    void start() throws IOException {
        options = new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data);
        stack = LocalStack.start(options);
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    /** What a response's deliveries call for, from the requests that were acknowledged. */
    private record Expected(long revision, boolean opensCase, int accepted, int duplicates) {}

    private static Expected expected(WebhookLoad.Scenario scenario, List<WebhookLoad.Sent> results) {
        long newest = -1;
        boolean opensCase = false;
        int accepted = 0;
        int duplicates = 0;
        for (int step = 0; step < scenario.steps().size(); step++) {
            int index = step;
            List<WebhookLoad.Sent> acknowledged = results.stream().filter(r -> r.step() == index && r.acknowledged()).toList();
            if (acknowledged.isEmpty()) {
                continue;
            }
            long revision = acknowledged.getFirst().delivery().revision();
            // A step's revision newer than everything before it is stored by exactly one of its copies
            int stored = revision > newest ? 1 : 0;
            accepted += stored;
            duplicates += acknowledged.size() - stored;
            newest = Math.max(newest, revision);
            opensCase |= acknowledged.getFirst().delivery().detractor();
        }
        return new Expected(newest, opensCase, accepted, duplicates);
    }

    private static long percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.clamp(index, 0, sortedNanos.size() - 1));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    @Test
    void thousandsOfSignedWebhooksWithDuplicatesAndUpdates_storeExactlyWhatTheyCallFor_noneLostNoneDoubled() throws Exception {
        Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(submittedAt, ZoneOffset.UTC);
        List<WebhookLoad.Scenario> scenarios = WebhookLoad.plan(REQUESTS, SEED, submittedAt);
        WebhookLoad load = new WebhookLoad(URI.create(stack.baseUrl() + "/webhooks/" + DemoConfiguration.SOURCE_ID),
                DemoConfiguration.SOURCE_SECRET, CONCURRENCY, Instant.now().plusSeconds(SECONDS));

        long sendStarted = System.nanoTime();
        List<WebhookLoad.Sent> results = load.run(scenarios);
        long sendNanos = System.nanoTime() - sendStarted;
        boolean settled = stack.awaitStreamIdle(Duration.ofSeconds(60 + REQUESTS / 20));
        long settleNanos = System.nanoTime() - sendStarted - sendNanos;

        Stores stores = Stores.of(Faults.dynamoDb(URI.create("http://127.0.0.1:" + options.dynamoPort())), LocalStack.TABLE, 730,
                InstantSource.system(), Duration.ofMinutes(5));
        Map<String, List<WebhookLoad.Sent>> byResponse = results.stream().collect(Collectors.groupingBy(r -> r.delivery().responseId()));
        Map<String, Integer> emailsByCustomer = new HashMap<>();
        for (Outbox.Message message : stack.outbox().messages()) {
            emailsByCustomer.merge(message.subject().substring(message.subject().lastIndexOf("Load Customer")), 1, Integer::sum);
        }

        Map<String, AtomicInteger> counts = new LinkedHashMap<>();
        for (String name : List.of("expectedResponses", "storedResponses", "lostResponses", "wrongRevision", "expectedCases", "foundCases",
                "missingCases", "unexpectedCases", "brokenCases", "expectedEmails", "missingEmails", "doubledEmails", "unexpectedEmails",
                "expectedAccepted", "accepted", "expectedDuplicates", "duplicates")) {
            counts.put(name, new AtomicInteger());
        }
        List<String> problems = new ArrayList<>();
        for (WebhookLoad.Scenario scenario : scenarios) {
            List<WebhookLoad.Sent> sent = byResponse.getOrDefault(scenario.responseId(), List.of());
            Expected expected = expected(scenario, sent);
            ResponseId id = new ResponseId(DemoConfiguration.SOURCE_ID, scenario.responseId());
            List<Response> stored = stores.responses().find(DemoConfiguration.CAMPAIGN_ID, day, DemoConfiguration.SOURCE_ID, scenario.responseId());
            var found = stores.cases().find(id.caseId());
            int emails = emailsByCustomer.getOrDefault(scenario.customer(), 0);
            counts.get("expectedAccepted").addAndGet(expected.accepted());
            counts.get("expectedDuplicates").addAndGet(expected.duplicates());
            counts.get("accepted").addAndGet((int) sent.stream().filter(r -> r.status() == 202).count());
            counts.get("duplicates").addAndGet((int) sent.stream().filter(r -> r.status() == 200).count());
            if (expected.revision() >= 0) {
                counts.get("expectedResponses").incrementAndGet();
                if (stored.isEmpty()) {
                    counts.get("lostResponses").incrementAndGet();
                    problems.add(scenario.responseId() + ": acknowledged but not stored");
                } else if (stored.getFirst().revision() != expected.revision()) {
                    counts.get("wrongRevision").incrementAndGet();
                    problems.add(scenario.responseId() + ": stored revision " + stored.getFirst().revision() + ", expected " + expected.revision());
                }
            }
            counts.get("storedResponses").addAndGet(stored.size());
            if (expected.opensCase()) {
                counts.get("expectedCases").incrementAndGet();
                counts.get("expectedEmails").incrementAndGet();
                if (found.isEmpty()) {
                    counts.get("missingCases").incrementAndGet();
                    problems.add(scenario.responseId() + ": no case");
                }
                if (emails == 0) {
                    counts.get("missingEmails").incrementAndGet();
                    problems.add(scenario.responseId() + ": no email");
                }
            } else if (found.isPresent()) {
                counts.get("unexpectedCases").incrementAndGet();
                problems.add(scenario.responseId() + ": a case it should not have");
            }
            if (emails > 1) {
                counts.get("doubledEmails").addAndGet(emails - 1);
                problems.add(scenario.responseId() + ": " + emails + " emails");
            }
            if (!expected.opensCase() && emails > 0) {
                counts.get("unexpectedEmails").addAndGet(emails);
            }
            found.ifPresent(c -> {
                counts.get("foundCases").incrementAndGet();
                if (!whole(c)) {
                    counts.get("brokenCases").incrementAndGet();
                    problems.add(scenario.responseId() + ": case not whole (log gaps, alert not sent once)");
                }
            });
        }
        AtomicInteger responsesOfTheDay = new AtomicInteger();
        stores.responses().forEachInPeriod(DemoConfiguration.CAMPAIGN_ID, day, day, r -> responsesOfTheDay.incrementAndGet());
        int indexedCases = casesInTheCampaignIndex(stores);

        List<Long> latencies = results.stream().filter(WebhookLoad.Sent::attempted).map(WebhookLoad.Sent::nanos).sorted(Comparator.naturalOrder()).toList();
        long attempted = results.stream().filter(WebhookLoad.Sent::attempted).count();
        long errors = results.stream().filter(r -> r.attempted() && !r.acknowledged()).count();
        ObjectNode report = Json.object();
        ObjectNode requests = report.putObject("requests");
        requests.put("planned", scenarios.stream().mapToInt(WebhookLoad.Scenario::requests).sum());
        requests.put("sent", attempted);
        requests.put("notSentBeforeDeadline", results.size() - attempted);
        requests.put("acknowledged", results.stream().filter(WebhookLoad.Sent::acknowledged).count());
        requests.put("accepted202", counts.get("accepted").get());
        requests.put("duplicate200", counts.get("duplicates").get());
        requests.put("errors", errors);
        requests.put("concurrency", CONCURRENCY);
        ObjectNode mix = report.putObject("scenarios");
        Map<WebhookLoad.Kind, Long> kinds = new EnumMap<>(WebhookLoad.Kind.class);
        scenarios.forEach(s -> kinds.merge(s.kind(), 1L, Long::sum));
        kinds.forEach((kind, n) -> mix.put(kind.name(), n));
        ObjectNode table = report.putObject("counts");
        table.putObject("responses").put("expected", counts.get("expectedResponses").get()).put("stored", responsesOfTheDay.get())
                .put("lost", counts.get("lostResponses").get()).put("wrongRevision", counts.get("wrongRevision").get());
        table.putObject("cases").put("expected", counts.get("expectedCases").get()).put("found", counts.get("foundCases").get())
                .put("inCampaignIndex", indexedCases).put("lost", counts.get("missingCases").get())
                .put("unexpected", counts.get("unexpectedCases").get()).put("notWhole", counts.get("brokenCases").get());
        table.putObject("emails").put("expected", counts.get("expectedEmails").get()).put("inOutbox", stack.outbox().messages().size())
                .put("lost", counts.get("missingEmails").get()).put("doubled", counts.get("doubledEmails").get())
                .put("unexpected", counts.get("unexpectedEmails").get());
        table.putObject("answers").put("expected202", counts.get("expectedAccepted").get()).put("got202", counts.get("accepted").get())
                .put("expected200", counts.get("expectedDuplicates").get()).put("got200", counts.get("duplicates").get());
        ObjectNode latency = report.putObject("latencyMs");
        latency.put("p50", millis(percentile(latencies, 50)));
        latency.put("p90", millis(percentile(latencies, 90)));
        latency.put("p99", millis(percentile(latencies, 99)));
        latency.put("max", millis(latencies.isEmpty() ? 0 : latencies.getLast()));
        report.put("sendSeconds", Math.round(sendNanos / 10_000_000.0) / 100.0);
        report.put("streamSettledSeconds", Math.round(settleNanos / 10_000_000.0) / 100.0);
        report.put("requestsPerSecond", Math.round(attempted / (sendNanos / 1e9) * 10) / 10.0);
        report.put("streamSettled", settled);
        Path reportFile = Project.root().resolve("local/target/load-report.json");
        Files.createDirectories(reportFile.getParent());
        Files.writeString(reportFile, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.out.println(render(report));

        assertThat(settled).as("the stream poller caught up").isTrue();
        assertThat(attempted).as("requests sent before the deadline").isPositive();
        assertThat(errors).as("requests not acknowledged").isZero();
        assertThat(problems).as("responses whose outcome is not what their deliveries call for").isEmpty();
        assertThat(responsesOfTheDay.get()).isEqualTo(counts.get("expectedResponses").get());
        assertThat(indexedCases).isEqualTo(counts.get("expectedCases").get());
        assertThat(counts.get("foundCases").get()).isEqualTo(counts.get("expectedCases").get());
        assertThat(stack.outbox().messages()).hasSize(counts.get("expectedEmails").get());
        assertThat(counts.get("accepted").get()).as("202 answers: one per new revision").isEqualTo(counts.get("expectedAccepted").get());
        assertThat(counts.get("duplicates").get()).as("200 answers: every duplicate").isEqualTo(counts.get("expectedDuplicates").get());
    }

    /** Alerts all sent, each recorded once, the log numbered 1..n. */
    private static boolean whole(Case c) {
        boolean numbered = c.activities().stream().map(Activity::seq).toList()
                .equals(IntStream.rangeClosed(1, c.activities().size()).boxed().toList());
        boolean sent = c.alerts().values().stream().allMatch(a -> a.state() == AlertState.SENT);
        long recorded = c.activities().stream().filter(a -> a.type() == ActivityType.ALERT_SENT).count();
        return numbered && sent && recorded == c.alerts().size() && !c.alerts().isEmpty();
    }

    private static int casesInTheCampaignIndex(Stores stores) {
        int count = 0;
        String cursor = null;
        do {
            CasePage page = stores.cases().list(new CaseQuery(DemoConfiguration.CAMPAIGN_ID, null, null, null, null, null, 100, cursor));
            count += page.cases().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return count;
    }

    private static String render(ObjectNode report) {
        StringBuilder text = new StringBuilder("\nWebhook load against the local stack\n");
        var requests = report.path("requests");
        text.append(String.format("  requests  planned %d, sent %d, acknowledged %d (202: %d, 200 duplicate: %d), errors %d, concurrency %d%n",
                requests.path("planned").asInt(), requests.path("sent").asInt(), requests.path("acknowledged").asInt(),
                requests.path("accepted202").asInt(), requests.path("duplicate200").asInt(), requests.path("errors").asInt(),
                requests.path("concurrency").asInt()));
        text.append("  scenarios ").append(report.path("scenarios")).append('\n');
        text.append(String.format("  %-10s %9s %9s %6s %8s%n", "", "expected", "found", "lost", "doubled"));
        var counts = report.path("counts");
        text.append(String.format("  %-10s %9d %9d %6d %8d%n", "responses", counts.path("responses").path("expected").asInt(),
                counts.path("responses").path("stored").asInt(), counts.path("responses").path("lost").asInt(), 0));
        text.append(String.format("  %-10s %9d %9d %6d %8d%n", "cases", counts.path("cases").path("expected").asInt(),
                counts.path("cases").path("inCampaignIndex").asInt(), counts.path("cases").path("lost").asInt(),
                Math.max(0, counts.path("cases").path("inCampaignIndex").asInt() - counts.path("cases").path("expected").asInt())));
        text.append(String.format("  %-10s %9d %9d %6d %8d%n", "emails", counts.path("emails").path("expected").asInt(),
                counts.path("emails").path("inOutbox").asInt(), counts.path("emails").path("lost").asInt(),
                counts.path("emails").path("doubled").asInt()));
        var latency = report.path("latencyMs");
        text.append(String.format("  latency ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f;  %.1f requests/s; sent in %.1f s, stream settled %.1f s later%n",
                latency.path("p50").asDouble(), latency.path("p90").asDouble(), latency.path("p99").asDouble(), latency.path("max").asDouble(),
                report.path("requestsPerSecond").asDouble(), report.path("sendSeconds").asDouble(), report.path("streamSettledSeconds").asDouble()));
        return text.toString();
    }
}
