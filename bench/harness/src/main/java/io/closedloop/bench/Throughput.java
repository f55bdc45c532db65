package io.closedloop.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Response;
import io.closedloop.dynamodb.ResponseItem;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local stack (its own JVM: DynamoDB Local inside, the real handlers behind the template's routes, the stream
 * processor running) under concurrent signed webhooks over loopback HTTP; then, in the same run, the same
 * DynamoDB Local taking the same number of raw conditional PutItem calls of the same items at the same concurrency.
 * Bounded in count and time; loopback only.
 */
final class Throughput {

    private final Path localJar;
    private final Path workDir;
    private final int requests;
    private final int concurrency;
    private final Duration limit;

    Throughput(Path localJar, Path workDir, int requests, int concurrency, Duration limit) {
        this.localJar = localJar;
        this.workDir = workDir;
        this.requests = requests;
        this.concurrency = concurrency;
        this.limit = limit;
    }

    ObjectNode measure() throws IOException, InterruptedException {
        int port = LocalDynamo.freePort();
        int dynamoPort = LocalDynamo.freePort();
        Path data = Files.createDirectories(workDir.resolve("local-stack"));
        ProcessBuilder builder = new ProcessBuilder(LambdaJvm.java().toString(), "-XX:+UseSerialGC", "-Xss1m",
                "--enable-native-access=ALL-UNNAMED", "-jar", localJar.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("CLOSEDLOOP_PORT", Integer.toString(port));
        builder.environment().put("CLOSEDLOOP_DYNAMODB_PORT", Integer.toString(dynamoPort));
        builder.environment().put("CLOSEDLOOP_DATA", data.toString());
        builder.redirectErrorStream(true).redirectOutput(workDir.resolve("local-stack.log").toFile());
        Process stack = builder.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            awaitHealthy(http, base, stack);
            int warmup = Math.max(50, requests / 10);
            List<HttpRequest> warmRequests = signedRequests(base, "warm", warmup);
            List<HttpRequest> measured = signedRequests(base, "run", requests);
            run(warmup, i -> send(http, warmRequests.get(i)));
            Sample ingest = run(requests, i -> send(http, measured.get(i)));

            DynamoDbClient dynamo = LocalDynamo.clientFor(URI.create("http://127.0.0.1:" + dynamoPort));
            List<Map<String, AttributeValue>> items = new ArrayList<>(requests + warmup);
            Instant now = Instant.now();
            for (int i = 0; i < requests + warmup; i++) {
                items.add(ResponseItem.toItem(response("raw-" + i, now), 730));
            }
            run(warmup, i -> put(dynamo, items.get(requests + i)));
            Sample raw = run(requests, i -> put(dynamo, items.get(i)));

            ObjectNode result = Json.object();
            result.put("requests", requests);
            result.put("concurrency", concurrency);
            result.put("writeCallsPerIngestRequest", 1);
            result.set("ingestOverHttp", ingest.json());
            result.set("rawPutItem", raw.json());
            result.put("ratio", ingest.perSecond() * 1 / raw.perSecond());
            return result;
        } finally {
            stack.destroy();
            if (!stack.waitFor(20, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    /** One measured phase: its rate and its latency percentiles. */
    record Sample(int done, int failed, double seconds, double[] latenciesMs) {
        double perSecond() {
            return done / seconds;
        }

        ObjectNode json() {
            ObjectNode node = Json.object();
            node.put("completed", done);
            node.put("failed", failed);
            node.put("seconds", seconds);
            node.put("perSecond", perSecond());
            node.put("p50Ms", Stats.percentile(latenciesMs, 50));
            node.put("p90Ms", Stats.percentile(latenciesMs, 90));
            node.put("p99Ms", Stats.percentile(latenciesMs, 99));
            return node;
        }
    }

    private Sample run(int count, IntConsumer call) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        double[] latencies = new double[count];
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                        call.accept(i);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    latencies[i] = (System.nanoTime() - t) / 1e6;
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(limit.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int done = Math.min(count, next.get());
        double[] measured = new double[done];
        System.arraycopy(latencies, 0, measured, 0, done);
        return new Sample(done - failed.get(), failed.get(), seconds, measured);
    }

    private static Response response(String id, Instant now) {
        return io.closedloop.ingest.Webhooks.parse(
                new io.closedloop.config.Source(DemoConfiguration.SOURCE_ID, DemoConfiguration.CAMPAIGN_ID, WebhookFormat.GENERIC, List.of(),
                        null, null, null, null, true),
                BenchData.genericPayload(id, now, 8), now).deliveries().getFirst().response();
    }

    private static void put(DynamoDbClient dynamo, Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(io.closedloop.local.LocalStack.TABLE).item(item)
                .conditionExpression("attribute_not_exists(pk) OR rev < :rev")
                .expressionAttributeValues(Map.of(":rev", item.get("rev")))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
    }

    private List<HttpRequest> signedRequests(URI base, String prefix, int count) {
        Instant now = Instant.now();
        List<HttpRequest> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = BenchData.genericPayload("tp-" + prefix + "-" + i + "-" + now.toEpochMilli(), now, 8);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/webhooks/" + DemoConfiguration.SOURCE_ID))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, now).forEach(request::header);
            list.add(request.build());
        }
        return list;
    }

    private static void send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitHealthy(HttpClient http, URI base, Process stack) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!stack.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + stack.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the local stack did not become healthy in 120 s");
    }
}
