package io.closedloop.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.cases.Case;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Response;
import io.closedloop.dynamodb.CapacityMeter;
import io.closedloop.dynamodb.DynamoDbResponseStore;
import io.closedloop.console.ConsoleSessions;
import io.closedloop.console.WorkQueue;
import io.closedloop.dynamodb.Stores;
import io.closedloop.ingest.Webhooks;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MotoServer;
import io.closedloop.testing.Project;
import io.closedloop.testing.SamTemplate;
import io.closedloop.testing.TemplateTables;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The benchmark: {@code bench/run} (full) or {@code bench/run --quick} (CI). Starts DynamoDB Local (own JVM) and
 * moto once, creates the table from template.yaml and seeds the demo configuration grown to 50 rules; measures cold
 * starts and first invocations after priming of each function's own artifact in fresh JVMs next to the floor and
 * the baseline, warm CPU per invocation with JMH, local throughput against raw DynamoDB Local writes, write units,
 * artifact sizes; writes bench/results/latest.json and prints the table.
 */
public final class Bench {

    static final String TABLE = "closedloop-bench";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Bench() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // HTTP client and DynamoDB Local threads must not keep the JVM alive
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        // --only=<target>: that target's cold and after-priming figures (or --only=throughput: that phase) and nothing else
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7)).findFirst().orElse(null);
        Path root = Project.root();
        Path out = root.resolve(only != null ? "bench/results/only-" + only + ".json" : quick ? "bench/results/quick.json" : "bench/results/latest.json");
        Path work = Files.createTempDirectory("closedloop-bench-");
        int runs = quick ? 2 : 5;
        int warm = quick ? 30 : 200;
        long started = System.nanoTime();

        ObjectNode report = Json.object();
        report.put("command", quick ? "bench/run --quick" : "bench/run");
        report.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)));
        report.set("machine", Machine.describe());
        report.put("coldRunsPerFigure", runs);
        report.put("warmInvocationsPerRun", warm);
        ObjectNode flags = report.putObject("jvmFlags");
        flags.put("onDemand", String.join(" ", LambdaJvm.onDemandFlags()));
        flags.put("snapStart", String.join(" ", LambdaJvm.snapStartFlags()));

        Path harnessJar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Artifacts artifacts = new Artifacts(root);
        report.set("artifacts", artifacts.describe());

        int dynamoPort = LocalDynamo.freePort();
        Process dynamoProcess = new ProcessBuilder(LambdaJvm.java().toString(), "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", harnessJar.toString(), DynamoLocalMain.class.getName(), Integer.toString(dynamoPort))
                .redirectErrorStream(true).redirectOutput(work.resolve("dynamodb-local.log").toFile()).start();
        MotoServer moto = null;
        try {
            URI dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
            CapacityMeter meter = new CapacityMeter();
            DynamoDbClient dynamo = LocalDynamo.clientFor(dynamoEndpoint, meter);
            awaitDynamo(dynamo, dynamoProcess);
            step("DynamoDB Local on " + dynamoEndpoint);
            moto = MotoServer.start();
            step("moto on " + moto.endpoint());
            TemplateTables.create(dynamo, SamTemplate.load(), "Table", TABLE);
            Stores stores = Stores.of(dynamo, TABLE, 730, InstantSource.system(), Duration.ZERO);
            Instant now = Instant.now();
            BenchData.seed(stores.config(), stores.configCache(), now.minus(Duration.ofDays(1)));
            Case openCase = BenchData.detractorCase("bench-case", now.minus(Duration.ofHours(2)));
            stores.cases().create(openCase);
            String session = BenchData.session(stores.configCache().current().signingKey().orElseThrow(), openCase, now);
            // A full first page of the responder's queue (the work queue's default list for a responder is their own cases)
            for (int i = 0; i < WorkQueue.PAGE_SIZE + 5; i++) {
                stores.cases().create(BenchData.detractorCase("bench-queue-" + i, now.minus(Duration.ofMinutes(30 + i))));
            }
            String consoleCookie = new ConsoleSessions(stores.sessions())
                    .start(stores.configCache().current().responder(BenchData.RESPONDER).orElseThrow(), now).cookieValue();
            String adminCookie = new ConsoleSessions(stores.sessions())
                    .start(stores.configCache().current().responder("admin").orElseThrow(), now).cookieValue();

            report.set("capacity", capacity(dynamo, meter, stores));

            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("TABLE_NAME", TABLE);
            environment.put("EVENT_BUS_NAME", "closedloop-bench");
            environment.put("SENDER_ADDRESS", "closedloop@example.com");
            environment.put("PUBLIC_BASE_URL", BenchData.ORIGIN);
            environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
            environment.put("AWS_ENDPOINT_URL_SESV2", moto.endpoint().toString());
            environment.put("AWS_ENDPOINT_URL_EVENTBRIDGE", moto.endpoint().toString());
            environment.put("AWS_REGION", "us-east-1");
            environment.put("AWS_DEFAULT_REGION", "us-east-1");
            environment.put("AWS_ACCESS_KEY_ID", "local");
            environment.put("AWS_SECRET_ACCESS_KEY", "local");
            environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
            environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            environment.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
            Map<String, String> baselineEnvironment = new LinkedHashMap<>(environment);
            baselineEnvironment.put("WEBHOOK_SECRET", DemoConfiguration.SOURCE_SECRET);

            IntFunction<List<String>> webhooks = count -> webhookEvents(count);
            IntFunction<List<String>> casePages = count -> {
                List<String> events = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    events.add(BenchData.casePageEvent(openCase.id(), session, Instant.now(), "req-" + i));
                }
                return events;
            };
            IntFunction<List<String>> queuePages = count -> {
                List<String> events = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    events.add(BenchData.queuePageEvent(consoleCookie, Instant.now(), "req-" + i));
                }
                return events;
            };
            IntFunction<List<String>> rulePages = count -> {
                List<String> events = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    events.add(BenchData.consolePageEvent(adminCookie, "/console/admin/rules", Instant.now(), "req-" + i));
                }
                return events;
            };
            IntFunction<List<String>> schedules = count -> java.util.Collections.nCopies(count, BenchData.scheduleEvent());

            ColdStarts.Target floor = new ColdStarts.Target("floor", artifacts.floorJar(), "io.closedloop.bench.floor.FloorHandler",
                    environment, webhooks, 202);
            ColdStarts.Target ingest = new ColdStarts.Target("ingest", artifacts.functionJar("ingest"),
                    "io.closedloop.functions.ingest.IngestHandler", environment, webhooks, 202);
            ColdStarts.Target baseline = new ColdStarts.Target("baseline-ingest", artifacts.baselineBenchJar(),
                    "io.closedloop.bench.baseline.RuntimeEmulation", baselineEnvironment, webhooks, 202);
            ColdStarts.Target web = new ColdStarts.Target("case-page", artifacts.functionJar("web"),
                    "io.closedloop.functions.web.WebHandler", environment, casePages, 200);
            ColdStarts.Target console = new ColdStarts.Target("console-queue", artifacts.functionJar("console"),
                    "io.closedloop.functions.console.ConsoleHandler", environment, queuePages, 200);
            ColdStarts.Target consoleAdmin = new ColdStarts.Target("console-rules", artifacts.functionJar("console"),
                    "io.closedloop.functions.console.ConsoleHandler", environment, rulePages, 200);
            ColdStarts.Target sla = new ColdStarts.Target("sla-check", artifacts.functionJar("sla"),
                    "io.closedloop.functions.sla.SlaCheckHandler", environment, schedules, 0);

            ColdStarts cold = new ColdStarts(artifacts.runnerJar(), work);
            ArrayNode coldResults = report.putArray("cold");
            for (ColdStarts.Target target : List.of(floor, ingest, baseline, web, console, consoleAdmin, sla)) {
                if (only != null && !target.name().equals(only)) {
                    continue;
                }
                step("cold: " + target.name() + " x" + runs);
                coldResults.add(cold.measure(target, "cold", runs, warm));
            }
            ArrayNode primedResults = report.putArray("primed");
            for (ColdStarts.Target target : List.of(floor, ingest, web, console, consoleAdmin, sla)) {
                if (only != null && !target.name().equals(only)) {
                    continue;
                }
                step("after priming: " + target.name() + " x" + runs);
                primedResults.add(cold.measure(target, "primed", runs, warm));
            }
            report.set("capacity", capacity(dynamo, meter, stores, (ObjectNode) report.get("capacity")));
        } finally {
            if (moto != null) {
                moto.close();
            }
            dynamoProcess.getOutputStream().close();
            if (!dynamoProcess.waitFor(10, TimeUnit.SECONDS)) {
                dynamoProcess.destroyForcibly();
            }
        }

        if (only != null) {
            if (only.equals("throughput")) {
                step("throughput: local stack vs raw DynamoDB Local writes");
                report.set("throughput", new Throughput(artifacts.localJar(), work, quick ? 200 : 2000, 16, Duration.ofSeconds(60)).measure());
                System.out.println(report.get("throughput").toPrettyString());
            }
            Files.createDirectories(out.getParent());
            Files.write(out, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
            System.out.println("Results written to " + root.relativize(out));
            return;
        }
        step("warm: JMH");
        report.set("warm", Warm.run(quick));

        step("throughput: local stack vs raw DynamoDB Local writes");
        int requests = quick ? 200 : 2000;
        report.set("throughput", new Throughput(artifacts.localJar(), work, requests, 16, Duration.ofSeconds(60)).measure());

        report.put("elapsedSeconds", (System.nanoTime() - started) / 1e9);
        Report.addRatios(report);
        Files.createDirectories(out.getParent());
        Files.write(out, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
        System.out.println(Report.markdown(report));
        System.out.println("Results written to " + root.relativize(out));
    }

    private static List<String> webhookEvents(int count) {
        List<String> events = new ArrayList<>(count);
        Instant now = Instant.now();
        int run = SEQUENCE.incrementAndGet();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + run + "-" + i + "-" + now.toEpochMilli();
            events.add(BenchData.webhookEvent(DemoConfiguration.SOURCE_ID, WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET,
                    BenchData.genericPayload(id, now, 8), now, "req-" + run + "-" + i));
        }
        return events;
    }

    /** Write units of a new and a duplicate response, read units of the configuration read; measured on DynamoDB Local. */
    private static ObjectNode capacity(DynamoDbClient dynamo, CapacityMeter meter, Stores stores) {
        ObjectNode capacity = Json.object();
        Instant now = Instant.now();
        Response response = Webhooks.parse(stores.configCache().current().source(DemoConfiguration.SOURCE_ID).orElseThrow(),
                BenchData.genericPayload("capacity-" + now.toEpochMilli(), now, 8), now).deliveries().getFirst().response();
        DynamoDbResponseStore store = new DynamoDbResponseStore(dynamo, TABLE, 730);
        meter.reset();
        store.store(response);
        capacity.put("newResponseWriteUnits", meter.writeUnits());
        meter.reset();
        store.store(response);
        capacity.put("duplicateConditionalFailures", meter.conditionalFailures());
        meter.reset();
        stores.config().loadAll();
        capacity.put("configurationReadUnits", meter.readUnits());
        capacity.put("configurationItems", stores.config().loadAll().size());
        return capacity;
    }

    /** Adds the write units of the item the baseline stored (read back and written again, measured). */
    private static ObjectNode capacity(DynamoDbClient dynamo, CapacityMeter meter, Stores stores, ObjectNode capacity) {
        Map<String, AttributeValue> baselineItem = dynamo.scanPaginator(r -> r.tableName(TABLE)
                        .filterExpression("begins_with(pk, :p)").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("RESP#demo#"))))
                .items().stream().findFirst().orElse(null);
        if (baselineItem != null) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(baselineItem);
            copy.put("pk", AttributeValue.fromS(baselineItem.get("pk").s() + "-copy"));
            double units = dynamo.putItem(r -> r.tableName(TABLE).item(copy).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                    .consumedCapacity().capacityUnits();
            capacity.put("baselineNewResponseWriteUnits", units);
            capacity.put("baselineItemBytes", ItemSize.of(baselineItem));
        }
        Map<String, AttributeValue> ours = dynamo.scanPaginator(r -> r.tableName(TABLE)
                        .filterExpression("begins_with(pk, :p)").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("RESP#demo-nps#"))))
                .items().stream().findFirst().orElse(null);
        if (ours != null) {
            capacity.put("newResponseItemBytes", ItemSize.of(ours));
        }
        return capacity;
    }

    private static void awaitDynamo(DynamoDbClient dynamo, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("DynamoDB Local exited with " + process.exitValue());
            }
            try {
                dynamo.listTables();
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("DynamoDB Local did not answer in 60 s");
    }

    static void step(String what) {
        System.out.println("==> " + what);
    }
}
