package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.closedloop.app.CaseOpening;
import io.closedloop.app.IngestWebhook;
import io.closedloop.app.LinkKeys;
import io.closedloop.cases.Case;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.Stores;
import io.closedloop.functions.ingest.IngestHandler;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.links.CaseLinks;
import io.closedloop.rules.RuleEngine;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Faults;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.SamTemplate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Every HTTP function (ingest, web, API), served over real HTTP by the local stack's API emulator from
 * template.yaml's routes, with its table failing underneath (throttling, a 5xx, the database unreachable): the
 * client gets a 5xx problem+json that says nothing about what failed — no exception name, no stack frame, no SDK
 * message, no table name, no address.
 */
class ClientFacingFaultsTest {

    private static final String TABLE_PREFIX = "client-faults";

    private final Faults faults = new Faults();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;
    private String baseUrl;
    private String table;
    private Case opened;
    private String sessionCookie;
    private String dashboardCookie;
    private String csrf;

    /** One way the table can fail, with the text it carries: none of it may reach a client. */
    record Failure(String name, Supplier<RuntimeException> exception, List<String> secrets) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> failures() {
        String throttled = "Rate of requests exceeds the allowed throughput for table " + TABLE_PREFIX;
        String internal = "Internal server error (Service: DynamoDb, Status Code: 500, Request ID: 7P4S0Q4LBQ)";
        String refused = "Unable to execute HTTP request: Connect to 127.0.0.1:8000 [/127.0.0.1] failed: Connection refused";
        return Stream.of(
                Arguments.of(new Failure("throttled", () -> ProvisionedThroughputExceededException.builder().message(throttled).statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").errorMessage(throttled).build())
                        .build(), List.of(throttled, "ProvisionedThroughput"))),
                Arguments.of(new Failure("5xx", () -> InternalServerErrorException.builder().message(internal).statusCode(500).build(),
                        List.of(internal, "7P4S0Q4LBQ"))),
                Arguments.of(new Failure("unreachable", () -> SdkClientException.create(refused), List.of(refused, "Connection refused"))));
    }

    @BeforeEach
    void start() throws IOException {
        LocalDynamo dynamo = LocalDynamo.shared();
        table = dynamo.createTable(TABLE_PREFIX);
        Stores stores = Stores.of(Faults.dynamoDb(dynamo.endpoint(), faults), table, 730, clock, Duration.ofHours(1));
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), clock.instant());

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, RequestStreamHandler> handlers = new HashMap<>();
        handlers.put(IngestHandler.class.getName(), new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock)));
        LocalFunctions.addWebAndApi(handlers, stores, clock, baseUrl, new Outbox(Files.createTempFile("outbox", ".jsonl"), clock), "closedloop@example.com");
        SamTemplate template = SamTemplate.load();
        Map<String, LocalFunction> functions = new HashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            @SuppressWarnings("unchecked")
            String handler = String.valueOf(((Map<String, Object>) resource.get("Properties")).get("Handler")).split("::")[0];
            if (handlers.containsKey(handler)) {
                functions.put(id, new LocalFunction(id, handlers.get(handler), 30, LocalStack.HTTP_CONCURRENCY));
            }
        });
        HttpApiEmulator api = new HttpApiEmulator(template.routes().stream().filter(r -> functions.containsKey(r.functionId())).toList(), functions);
        server.createContext("/", exchange -> {
            if (!api.serve(exchange)) {
                LocalHttp.send(exchange, 404, "application/json", "{}");
            }
        });
        server.start();

        Response response = new Response(DemoConfiguration.SOURCE_ID, "client-faults-1", DemoConfiguration.CAMPAIGN_ID, clock.instant(),
                new Respondent("cust-9", "joao@example.com", "João Pereira", null, "pt-BR"), new Score(ScoreType.NPS, 2), "Late",
                Map.of(), Map.of("country", "BR"), 0);
        stores.responses().store(response);
        var config = stores.configCache().current();
        opened = CaseOpening.open(response, RuleEngine.decide(config, response, stores.roundRobin()::next), config, clock.instant());
        stores.cases().create(opened);
        String link = CaseLinks.linkToken(new LinkKeys(stores.configCache(), stores.config()).signingKey(clock.instant()), opened.id(), "ana",
                opened.linkGeneration(), clock.instant().plus(CaseLinks.LINK_LIFETIME));
        sessionCookie = cookie(send(get("/c/" + link)));
        dashboardCookie = cookie(send(form("/dashboard/login", "apiKey=" + URLEncoder.encode(DemoConfiguration.ADMIN_KEY, StandardCharsets.UTF_8), null)));
        csrf = CaseLinks.csrfToken(config, sessionCookie.substring(sessionCookie.indexOf('=') + 1));
        assertThat(send(get("/cases/" + opened.id()).header("cookie", sessionCookie)).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    }

    private HttpRequest.Builder form(String path, String body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return cookie == null ? request : request.header("cookie", cookie);
    }

    private HttpRequest.Builder api(String method, String path, String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY)
                .header("content-type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder webhook(String id) {
        byte[] body = ("{\"id\":\"" + id + "\",\"submittedAt\":\"" + clock.instant() + "\",\"score\":{\"type\":\"NPS\",\"value\":3},"
                + "\"comment\":\"Late\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/" + DemoConfiguration.SOURCE_ID))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, clock.instant(), "msg_" + id).forEach((name, value) -> {
            if (!name.equals("content-type")) {
                request.header(name, value);
            }
        });
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every route that reads or writes the table, as its client calls it. */
    private Map<String, HttpRequest.Builder> requests() {
        String caseId = opened.id();
        return Map.of(
                "POST /webhooks/{sourceId}", webhook("client-faults-2"),
                "GET /cases/{caseId}", get("/cases/" + caseId).header("cookie", sessionCookie),
                "POST /cases/{caseId}/note", form("/cases/" + caseId + "/note", "version=1&csrf=" + csrf + "&text=Called", sessionCookie),
                "GET /dashboard", get("/dashboard").header("cookie", dashboardCookie),
                "GET /api/cases/{id}", api("GET", "/api/cases/" + caseId, null),
                "GET /api/cases", api("GET", "/api/cases?campaignId=" + DemoConfiguration.CAMPAIGN_ID, null),
                "POST /api/cases/{id}/note", api("POST", "/api/cases/" + caseId + "/note", "{\"text\":\"Synced\"}"),
                "GET /admin/responders", api("GET", "/admin/responders", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void everyRoute_tableFailing_answersA5xxProblemThatSaysNothingOfTheCause(Failure failure) {
        faults.failBefore(request -> true, failure.exception());

        requests().forEach((route, request) -> {
            HttpResponse<String> answer = send(request);
            assertThat(answer.statusCode()).as(route).isBetween(500, 599);
            assertThat(answer.headers().firstValue("content-type")).as(route).hasValue("application/problem+json");
            JsonNode problem = Json.tree(answer.body().getBytes(StandardCharsets.UTF_8));
            assertThat(problem.properties()).as(route).extracting(Map.Entry::getKey).isSubsetOf("type", "title", "status", "detail", "instance");
            assertThat(answer.body()).as(route)
                    .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("dynamo").doesNotContainIgnoringCase("throughput")
                    .doesNotContain("software.amazon", "io.closedloop", "java.", "\tat ", table, TABLE_PREFIX, "127.0.0.1", "CASE#", "RESP#");
            failure.secrets().forEach(secret -> assertThat(answer.body()).as(route).doesNotContain(secret));
        });
    }
}
