package io.closedloop.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.closedloop.app.AlertDispatcher;
import io.closedloop.app.Alerting;
import io.closedloop.customer.ResponseAcknowledgements;
import io.closedloop.app.IngestWebhook;
import io.closedloop.app.ProcessChanges;
import io.closedloop.app.SlaCheck;
import io.closedloop.dynamodb.Stores;
import io.closedloop.eventbridge.EventBridgePublisher;
import io.closedloop.functions.ingest.IngestHandler;
import io.closedloop.functions.processor.ProcessorHandler;
import io.closedloop.functions.sla.SlaCheckHandler;
import io.closedloop.functions.mailevents.MailEventsHandler;
import io.closedloop.customer.MailFeedback;
import io.closedloop.json.Json;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import io.closedloop.ports.DomainEvent;
import io.closedloop.ports.EventPublisher;
import io.closedloop.ports.Mailer;
import io.closedloop.ses.SesMailer;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.SamTemplate;
import io.closedloop.testing.TemplateTables;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system on one machine, no AWS account, no Docker: DynamoDB Local in this JVM (data on disk), the table
 * created from template.yaml, the template's HTTP routes served on localhost by the real handlers with real
 * API Gateway events, the table's stream delivered to the processor as Lambda would, the template's schedules on
 * a timer, email captured in an outbox page, and a demo configuration. With {@code AWS_ENDPOINT_URL_SESV2} or
 * {@code AWS_ENDPOINT_URL_EVENTBRIDGE} (or {@code AWS_ENDPOINT_URL}) set, the real SES and EventBridge adapters are
 * used against that endpoint instead of the outbox and the local event list.
 */
public final class LocalStack implements AutoCloseable {

    public static final String TABLE = "closedloop-local";
    static final String EVENT_BUS = "closedloop-local";
    /**
     * Concurrent invocations of an HTTP function without reserved concurrency: Lambda adds an environment per
     * concurrent request up to the account's limit; 64 here keeps a laptop responsive. A function's
     * ReservedConcurrentExecutions in the template is honoured; the stream function runs one batch at a time (a shard).
     */
    static final int HTTP_CONCURRENCY = 64;

    /** Where to listen and where to keep data. */
    public record Options(int port, int dynamoPort, Path dataDir) {

        public static Options fromEnvironment() {
            return new Options(
                    Integer.parseInt(env("CLOSEDLOOP_PORT", "3000")),
                    Integer.parseInt(env("CLOSEDLOOP_DYNAMODB_PORT", "8000")),
                    Path.of(env("CLOSEDLOOP_DATA", ".local")).toAbsolutePath());
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private final Options options;
    private final LocalDynamo dynamo;
    private final HttpServer server;
    private final ScheduledExecutorService timer;
    private final StreamPoller poller;
    private final Thread pollerThread;
    private final LocalClock clock;
    private final Outbox outbox;
    private final LocalEventBus localBus;
    private final Map<String, ScheduleRunner> schedules = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions;
    private final String baseUrl;
    private final boolean seeded;

    private LocalStack(Options options) throws IOException {
        this.options = options;
        Files.createDirectories(options.dataDir().resolve("dynamodb"));
        this.baseUrl = "http://localhost:" + options.port();
        this.clock = new LocalClock(options.dataDir().resolve("clock-offset"));
        this.outbox = new Outbox(options.dataDir().resolve("outbox.jsonl"), clock);
        this.localBus = new LocalEventBus();

        SamTemplate template = SamTemplate.load();
        applyFunctionEnvironment(template);
        this.dynamo = LocalDynamo.start(options.dynamoPort(), options.dataDir().resolve("dynamodb"));
        DynamoDbClient client = dynamo.client();
        TemplateTables.create(client, template, "Table", TABLE);
        Stores stores = Stores.of(client, TABLE, 730, clock, Duration.ofSeconds(2));
        this.seeded = DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), clock.instant());

        Mailer mailer = realEndpoint("AWS_ENDPOINT_URL_SESV2") ? new SesMailer(SesMailer.client()) : outbox;
        EventPublisher events = realEndpoint("AWS_ENDPOINT_URL_EVENTBRIDGE")
                ? new EventBridgePublisher(EventBridgePublisher.client(), EVENT_BUS) : localBus;
        AlertDispatcher dispatcher = Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(), stores.suppressions(),
                System.getProperty("SENDER_ADDRESS"), baseUrl);
        ResponseAcknowledgements acknowledgements = stores.acknowledgementSender(mailer, System.getProperty("SENDER_ADDRESS"), baseUrl);

        Map<String, RequestStreamHandler> handlers = new HashMap<>();
        handlers.put(IngestHandler.class.getName(), new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock)));
        handlers.put(ProcessorHandler.class.getName(), new ProcessorHandler(new ProcessChanges(stores.cases(), stores.configCache(),
                stores.roundRobin(), dispatcher, acknowledgements, events, stores.kpis(), clock)));
        handlers.put(SlaCheckHandler.class.getName(), new SlaCheckHandler(new SlaCheck(stores.cases(), stores.configCache(), dispatcher,
                acknowledgements, clock)));
        handlers.put(MailEventsHandler.class.getName(), new MailEventsHandler(new MailFeedback(stores.suppressions(), stores.cases())));
        LocalFunctions.addWebAndApi(handlers, stores, clock, baseUrl, mailer, System.getProperty("SENDER_ADDRESS"));

        this.functions = new HashMap<>();
        Set<String> httpFunctions = template.routes().stream().map(SamTemplate.Route::functionId).collect(Collectors.toSet());
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
            String handlerName = String.valueOf(props.get("Handler")).split("::")[0];
            RequestStreamHandler handler = handlers.get(handlerName);
            if (handler == null) {
                throw new IllegalStateException("template function " + id + " names handler " + handlerName + ", which the local stack does not know");
            }
            int timeout = Integer.parseInt(String.valueOf(props.getOrDefault("Timeout", template.globalsFunction().getOrDefault("Timeout", 15))));
            Object reserved = props.get("ReservedConcurrentExecutions");
            int concurrency = reserved != null ? Integer.parseInt(String.valueOf(reserved)) : httpFunctions.contains(id) ? HTTP_CONCURRENCY : 1;
            functions.put(id, new LocalFunction(id, handler, timeout, concurrency));
        });

        HttpApiEmulator api = new HttpApiEmulator(template.routes(), functions);
        this.timer = Executors.newScheduledThreadPool(1, Thread.ofVirtual().factory());
        for (SamTemplate.Schedule schedule : template.schedules()) {
            ScheduleRunner runner = new ScheduleRunner(functions.get(schedule.functionId()), schedule.expression(), schedule.input());
            runner.start(timer);
            schedules.put(schedule.functionId(), runner);
        }
        SamTemplate.StreamSubscription subscription = template.streamSubscriptions().getFirst();
        String streamArn = client.describeTable(r -> r.tableName(TABLE)).table().latestStreamArn();
        this.poller = new StreamPoller(dynamo.streamsClient(), streamArn, functions.get(subscription.functionId()),
                subscription.batchSize(), subscription.keyPrefixes(), options.dataDir());
        this.pollerThread = Thread.ofPlatform().name("stream-poller").daemon().start(poller);

        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try {
                if (!serveLocal(exchange) && !api.serve(exchange)) {
                    LocalHttp.send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
                }
            } catch (RuntimeException | IOException e) {
                Log.error("local request failed", Map.of("error", Failures.describe(e)));
                LocalHttp.send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
            }
        });
        server.start();
    }

    public static LocalStack start(Options options) throws IOException {
        return new LocalStack(options);
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = start(Options.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        System.out.println(stack.banner());
        Thread.currentThread().join();
    }

    /** Every function reads its settings as the template sets them; here as system properties of this JVM. */
    private void applyFunctionEnvironment(SamTemplate template) {
        System.setProperty("TABLE_NAME", TABLE);
        System.setProperty("EVENT_BUS_NAME", EVENT_BUS);
        System.setProperty("SENDER_ADDRESS", template.parameterDefault("SenderAddress"));
        System.setProperty("PUBLIC_BASE_URL", baseUrl);
        System.setProperty("RESPONSE_RETENTION_DAYS", template.parameterDefault("ResponseRetentionDays"));
        if (System.getProperty("aws.region") == null && System.getenv("AWS_REGION") == null) {
            System.setProperty("aws.region", "us-east-1");
        }
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    private static boolean realEndpoint(String variable) {
        String specific = System.getenv(variable);
        String general = System.getenv("AWS_ENDPOINT_URL");
        return (specific != null && !specific.isBlank()) || (general != null && !general.isBlank());
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The local table's client, for tests that look at what is stored (they may scan it). */
    public DynamoDbClient dynamo() {
        return dynamo.client();
    }

    public LocalClock clock() {
        return clock;
    }

    /** Invokes one of the template's functions with a raw event, as Lambda would; returns its raw answer. */
    public byte[] invoke(String functionId, byte[] event) {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionId);
        }
        return function.invoke(event);
    }

    /** Runs a scheduled function now, as its schedule would. */
    public String runSchedule(String functionId) {
        return schedules.get(functionId).runNow();
    }

    /** Waits until the stream poller has nothing pending (tests use it instead of sleeping). */
    public boolean awaitStreamIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietRounds = 0;
        while (System.nanoTime() < deadline) {
            long before = poller.delivered();
            Thread.sleep(250);
            quietRounds = poller.idle() && poller.delivered() == before ? quietRounds + 1 : 0;
            if (quietRounds >= 3) {
                return true;
            }
        }
        return false;
    }

    private boolean serveLocal(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        switch (path) {
            case "/health" -> LocalHttp.send(exchange, 200, "application/json", "{\"status\":\"ok\"}");
            case "/" -> LocalHttp.send(exchange, 200, "text/html; charset=utf-8", LocalPages.home(baseUrl, schedules.keySet()));
            case "/local/outbox" -> LocalHttp.send(exchange, 200, "text/html; charset=utf-8", LocalPages.outbox(outbox.messages()));
            case "/local/outbox.json" -> LocalHttp.send(exchange, 200, "application/json", Json.string(outbox.messages()));
            case "/local/events.json" -> LocalHttp.send(exchange, 200, "application/json", eventsJson());
            case "/local/clock" -> {
                if (method.equals("POST")) {
                    Map<String, String> query = query(exchange);
                    Duration by = Duration.ofHours(Long.parseLong(query.getOrDefault("hours", "0")))
                            .plusMinutes(Long.parseLong(query.getOrDefault("minutes", "0")));
                    clock.advance(by);
                }
                LocalHttp.send(exchange, 200, "application/json",
                        "{\"now\":\"" + clock.instant() + "\",\"offset\":\"" + clock.offset() + "\"}");
            }
            case "/local/run" -> {
                if (!method.equals("POST")) {
                    LocalHttp.send(exchange, 405, "application/json", "{\"message\":\"POST to run\"}");
                    return true;
                }
                String function = query(exchange).getOrDefault("function", "SlaCheckFunction");
                ScheduleRunner runner = schedules.get(function);
                if (runner == null) {
                    LocalHttp.send(exchange, 404, "application/json", "{\"message\":\"no scheduled function of that name\"}");
                    return true;
                }
                LocalHttp.send(exchange, 200, "application/json", runner.runNow());
            }
            case "/local/outbox/fail" -> {
                outbox.failNext(Integer.parseInt(query(exchange).getOrDefault("count", "1")));
                LocalHttp.send(exchange, 200, "application/json", "{\"status\":\"the next sends will fail\"}");
            }
            default -> {
                if (path.startsWith("/local/outbox/")) {
                    Outbox.Message message = outbox.message(path.substring("/local/outbox/".length()));
                    if (message == null) {
                        LocalHttp.send(exchange, 404, "text/plain", "no such message");
                    } else {
                        // The captured HTML as the recipient's mail client would show it
                        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                        LocalHttp.send(exchange, 200, "text/html; charset=utf-8", message.html());
                    }
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    private String eventsJson() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (DomainEvent event : localBus.events()) {
            ObjectNode node = list.addObject();
            node.put("id", event.id());
            node.put("type", event.type());
            node.put("time", event.time().toString());
            node.set("detail", Json.tree(event.detailJson().getBytes(StandardCharsets.UTF_8)));
        }
        return Json.string(list);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    String banner() {
        String sample = "events/webhook-generic-detractor.json";
        return String.join("\n",
                "",
                "Closedloop local stack is up" + (seeded ? " (demo configuration seeded)" : ""),
                "  Home and links ........ " + baseUrl + "/",
                "  Health ................ " + baseUrl + "/health",
                "  Email outbox .......... " + baseUrl + "/local/outbox",
                "  Domain events ......... " + baseUrl + "/local/events.json",
                "  Console ............... " + baseUrl + "/console   sign in as " + DemoConfiguration.ADMIN_EMAIL
                        + " (demo admin): the sign-in link lands in the email outbox",
                "  Dashboard ............. " + baseUrl + "/dashboard   (API key: " + DemoConfiguration.ADMIN_KEY + ")",
                "  DynamoDB Local ........ http://localhost:" + options.dynamoPort() + "  table " + TABLE + ", data in " + options.dataDir(),
                "",
                "Post the sample detractor (signed with the demo source's secret, valid for 5 minutes):",
                "  " + LocalPages.curl(baseUrl, DemoConfiguration.SOURCE_ID, DemoConfiguration.SOURCE_SECRET, Path.of(sample)),
                "or, any time:  ./local/post-sample " + sample,
                "",
                "Move the clock and run the SLA check:",
                "  curl -X POST '" + baseUrl + "/local/clock?hours=49' && curl -X POST '" + baseUrl + "/local/run?function=SlaCheckFunction'",
                "");
    }

    @Override
    public void close() {
        poller.stop();
        pollerThread.interrupt();
        timer.shutdownNow();
        server.stop(0);
        dynamo.close();
    }
}
