package io.closedloop.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded webhook load against a running stack (localhost only): a seeded mix of scenarios — new detractors,
 * passives and promoters, exact duplicates (two copies at once, a third later, as a provider retries), and
 * provider "updated" deliveries (a higher {@code revision}: a passive that becomes a detractor, a detractor whose
 * comment changes, then the stale first revision once more) — signed as the source signs, sent with at most
 * {@code concurrency} requests in flight, and never after {@code deadline}: it stops by itself.
 */
final class WebhookLoad {

    /** What a scenario is, and so what it must leave behind. */
    enum Kind {
        /** One detractor: one response, one case, one email. */
        DETRACTOR,
        /** One passive or promoter: one response, no case. */
        NO_CASE,
        /** One detractor delivered three times (two at once, one later): one response, one case, one email. */
        DUPLICATE,
        /** A passive, then its update to a detractor: one response (revision 1), one case, one email. */
        BECOMES_DETRACTOR,
        /** A detractor, its update with a new comment, then the stale first revision again: one case, one email. */
        COMMENT_CHANGED
    }

    /** One delivery of one revision of a response. */
    record Delivery(String responseId, long revision, int score, String customer, byte[] body) {

        boolean detractor() {
            return score <= 6;
        }
    }

    /** Deliveries sent at the same moment (copies of one revision in flight together). */
    record Step(List<Delivery> together) {}

    /** One response's story, its steps one after the other. */
    record Scenario(Kind kind, String responseId, String customer, List<Step> steps) {

        int requests() {
            return steps.stream().mapToInt(s -> s.together().size()).sum();
        }
    }

    /** What one request got: the step it belonged to, its status (0 when it was not sent or failed in transport), its latency. */
    record Sent(Scenario scenario, int step, Delivery delivery, int status, long nanos, boolean attempted) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final URI endpoint;
    private final String secret;
    private final int concurrency;
    private final Instant deadline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookLoad(URI webhookEndpoint, String secret, int concurrency, Instant deadline) {
        this.endpoint = webhookEndpoint;
        this.secret = secret;
        this.concurrency = concurrency;
        this.deadline = deadline;
    }

    /** Scenarios adding up to at least {@code requests} requests; the same seed gives the same plan. */
    static List<Scenario> plan(int requests, long seed, Instant submittedAt) {
        Random random = new Random(seed);
        List<Scenario> scenarios = new ArrayList<>();
        int total = 0;
        for (int n = 1; total < requests; n++) {
            String id = "load-" + seed + "-" + n;
            String customer = String.format("Load Customer %06d", n);
            int dice = random.nextInt(100);
            Kind kind = dice < 35 ? Kind.DETRACTOR : dice < 60 ? Kind.NO_CASE : dice < 80 ? Kind.DUPLICATE
                    : dice < 90 ? Kind.BECOMES_DETRACTOR : Kind.COMMENT_CHANGED;
            String country = random.nextInt(4) == 0 ? "FR" : "BR";
            int detractorScore = random.nextInt(7);
            Scenario scenario = switch (kind) {
                case DETRACTOR -> new Scenario(kind, id, customer, List.of(
                        step(1, delivery(id, 0, detractorScore, customer, country, "Delivery was late", submittedAt))));
                case NO_CASE -> new Scenario(kind, id, customer, List.of(
                        step(1, delivery(id, 0, 7 + random.nextInt(4), customer, country, "Fine", submittedAt))));
                case DUPLICATE -> {
                    Delivery d = delivery(id, 0, detractorScore, customer, country, "Nobody answered the phone", submittedAt);
                    yield new Scenario(kind, id, customer, List.of(step(2, d), step(1, d)));
                }
                case BECOMES_DETRACTOR -> new Scenario(kind, id, customer, List.of(
                        step(1, delivery(id, 0, 7 + random.nextInt(2), customer, country, "OK I guess", submittedAt)),
                        step(1, delivery(id, 1, detractorScore, customer, country, "Actually the parcel arrived broken", submittedAt))));
                case COMMENT_CHANGED -> {
                    Delivery first = delivery(id, 0, detractorScore, customer, country, "Late", submittedAt);
                    yield new Scenario(kind, id, customer, List.of(step(1, first),
                            step(1, delivery(id, 1, detractorScore, customer, country, "Late, and the invoice was wrong", submittedAt)),
                            step(1, first)));
                }
            };
            scenarios.add(scenario);
            total += scenario.requests();
        }
        return scenarios;
    }

    private static Step step(int copies, Delivery delivery) {
        return new Step(Collections.nCopies(copies, delivery));
    }

    private static Delivery delivery(String id, long revision, int score, String customer, String country, String comment, Instant submittedAt) {
        ObjectNode body = Json.object();
        body.put("id", id);
        body.put("submittedAt", submittedAt.toString());
        body.put("revision", revision);
        body.putObject("respondent").put("id", "cust-" + id).put("email", id + "@example.com").put("name", customer).put("locale", "en");
        body.putObject("score").put("type", "NPS").put("value", score);
        body.put("comment", comment);
        body.putObject("attributes").put("country", country).put("segment", "load");
        return new Delivery(id, revision, score, customer, Json.bytes(body));
    }

    /** Runs every scenario (its steps in order, each step's copies at once) and returns every request's outcome. */
    List<Sent> run(List<Scenario> scenarios) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService scenarioThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Scenario scenario : scenarios) {
                scenarioThreads.submit(() -> runScenario(scenario, inFlight, sent));
            }
            scenarioThreads.shutdown();
            if (!scenarioThreads.awaitTermination(Duration.between(Instant.now(), deadline).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                scenarioThreads.shutdownNow();
            }
        }
        return List.copyOf(sent);
    }

    private void runScenario(Scenario scenario, Semaphore inFlight, List<Sent> sent) {
        String messageId = "msg_" + scenario.responseId();
        for (int index = 0; index < scenario.steps().size(); index++) {
            Step step = scenario.steps().get(index);
            int stepIndex = index;
            // Every copy of a revision carries the same message id, as a provider's retries do
            List<Future<Sent>> copies = new ArrayList<>();
            try (ExecutorService copyThreads = Executors.newVirtualThreadPerTaskExecutor()) {
                Map<String, String> headers = WebhookSigner.headers(WebhookFormat.GENERIC, secret, step.together().getFirst().body(), Instant.now(),
                        messageId + "_" + step.together().getFirst().revision());
                for (Delivery delivery : step.together()) {
                    copies.add(copyThreads.submit(() -> send(scenario, stepIndex, delivery, headers, inFlight)));
                }
            }
            for (Future<Sent> copy : copies) {
                try {
                    sent.add(copy.get());
                } catch (Exception e) {
                    sent.add(new Sent(scenario, stepIndex, step.together().getFirst(), 0, 0, true));
                }
            }
        }
    }

    private Sent send(Scenario scenario, int step, Delivery delivery, Map<String, String> headers, Semaphore inFlight) throws InterruptedException {
        inFlight.acquire();
        try {
            if (Instant.now().isAfter(deadline)) {
                return new Sent(scenario, step, delivery, 0, 0, false);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
            headers.forEach((name, value) -> {
                if (!name.equals("content-type")) {
                    request.header(name, value);
                }
            });
            long started = System.nanoTime();
            try {
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                return new Sent(scenario, step, delivery, status, System.nanoTime() - started, true);
            } catch (IOException e) {
                return new Sent(scenario, step, delivery, 0, System.nanoTime() - started, true);
            }
        } finally {
            inFlight.release();
        }
    }
}
