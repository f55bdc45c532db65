package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the local stack over HTTP, as a survey tool, a responder and a tester would. */
class LocalStackEndToEndTest {

    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/c/[A-Za-z0-9._~-]+)");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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

    private byte[] sample(String id) throws IOException {
        String body = LocalPages.freshSample(Files.readString(Project.root().resolve("events/webhook-generic-detractor.json")), Instant.now());
        return body.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String sourceId, byte[] body, Map<String, String> headers, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/" + sourceId))
                .header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("content-type")) {
                request.header(name, value);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postSigned(byte[] body) throws Exception {
        return post(DemoConfiguration.SOURCE_ID, body, signed(body), "application/json");
    }

    private static Map<String, String> signed(byte[] body) {
        return WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, Instant.now(),
                "msg_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> outbox() throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        Json.tree(get(stack.baseUrl() + "/local/outbox.json", null).body().getBytes(StandardCharsets.UTF_8)).forEach(messages::add);
        return messages;
    }

    @Test
    void health_answers200() throws Exception {
        assertThat(get(stack.baseUrl() + "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void sampleDetractor_isStored_emailed_andItsLinkOpensTheCasePage_evenAfterRestart() throws Exception {
        HttpResponse<String> accepted = postSigned(sample("e2e-1"));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        List<JsonNode> mail = outbox();
        assertThat(mail).hasSize(1);
        Matcher link = LINK.matcher(mail.getFirst().path("text").asText());
        assertThat(link.find()).isTrue();

        HttpResponse<String> opened = get(link.group(1), null);
        assertThat(opened.statusCode()).isEqualTo(303);
        String location = opened.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("/cases/").doesNotContain(".");
        String cookie = opened.headers().firstValue("set-cookie").orElseThrow().split(";")[0];

        HttpResponse<String> page = get(stack.baseUrl() + location, cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Delivery was two weeks late")
                .contains("&lt;script&gt;").doesNotContain("<script>alert");

        stack.close();
        stack = LocalStack.start(options);

        HttpResponse<String> afterRestart = get(stack.baseUrl() + location, cookie);
        assertThat(afterRestart.statusCode()).isEqualTo(200);
        assertThat(afterRestart.body()).contains("Delivery was two weeks late");
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void fiftyParallelDeliveriesOfOneResponse_giveOneCaseAndOneEmail() throws Exception {
        byte[] body = sample("e2e-parallel");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                deliveries.add(() -> postSigned(body).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(deliveries)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 202);
            assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(outbox()).hasSize(1);
    }

    @Test
    void badInput_isRefusedWithProblemJson_andNothingIsStored() throws Exception {
        byte[] malformed = "{\"id\": \"x\", \"submittedAt\": ".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> bad = post(DemoConfiguration.SOURCE_ID, malformed, signed(malformed), "application/json");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");

        byte[] body = sample("e2e-bad");
        assertThat(post(DemoConfiguration.SOURCE_ID, body, signed(body), "text/plain").statusCode()).isEqualTo(415);
        assertThat(post("no-such-source", body, signed(body), "application/json").statusCode()).isEqualTo(404);
        assertThat(post(DemoConfiguration.SOURCE_ID, body, Map.of(), "application/json").statusCode()).isEqualTo(401);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"value\":3", "\"value\":9").getBytes(StandardCharsets.UTF_8);
        assertThat(post(DemoConfiguration.SOURCE_ID, tampered, signed(body), "application/json").statusCode()).isEqualTo(401);
        byte[] huge = ("{\"id\":\"big\",\"comment\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = post(DemoConfiguration.SOURCE_ID, huge, signed(huge), "application/json");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).doesNotContain("Exception");

        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(outbox()).isEmpty();
    }

    @Test
    void slaBreach_movingTheClock49Hours_sendsTheEscalationToTheTeamLead() throws Exception {
        assertThat(postSigned(sample("e2e-sla")).statusCode()).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local/clock?hours=49")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local/run?function=SlaCheckFunction"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(outbox()).extracting(m -> m.path("to").asText()).contains("carla@closedloop.local");
        assertThat(outbox()).extracting(m -> m.path("subject").asText()).anyMatch(s -> s.startsWith("Escalation"));

        String dashboard = dashboardPage();
        assertThat(kpi(dashboard, "Breaches")).isEqualTo("1");
        assertThat(kpi(dashboard, "First response within target")).isEqualTo("–");
        assertThat(kpi(dashboard, "Opened")).isEqualTo("1");
    }

    private String dashboardPage() throws Exception {
        byte[] form = ("apiKey=" + java.net.URLEncoder.encode(DemoConfiguration.ADMIN_KEY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/dashboard/login"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        HttpResponse<String> page = get(stack.baseUrl() + "/dashboard", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** The value shown under a KPI's label on the dashboard. */
    private static String kpi(String page, String label) {
        Matcher value = Pattern.compile("<dt>" + Pattern.quote(label) + "</dt><dd>([^<]*)</dd>").matcher(page);
        assertThat(value.find()).as(label).isTrue();
        return value.group(1);
    }

    @Test
    void sameAction_throughThePageOrTheApi_givesTheSameCaseAndLog() throws Exception {
        assertThat(postSigned(sample("e2e-page")).statusCode()).isEqualTo(202);
        assertThat(postSigned(sample("e2e-api")).statusCode()).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        String pageCase = new io.closedloop.domain.ResponseId(DemoConfiguration.SOURCE_ID, "e2e-page").caseId();
        String apiCase = new io.closedloop.domain.ResponseId(DemoConfiguration.SOURCE_ID, "e2e-api").caseId();

        Matcher link = LINK.matcher(outbox().stream().map(m -> m.path("text").asText()).filter(t -> t.contains("/c/"))
                .filter(t -> linkCaseId(t).equals(pageCase)).findFirst().orElseThrow());
        assertThat(link.find()).isTrue();
        HttpResponse<String> opened = get(link.group(1), null);
        String cookie = opened.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        String page = get(stack.baseUrl() + "/cases/" + pageCase, cookie).body();
        String csrf = hidden(page, "csrf");
        String version = hidden(page, "version");
        String form = "version=" + version + "&csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                + "&actionId=call-the-customer&statusId=response-solution-found&comment=Refund+agreed&closePlan=yes&exitStateId=closed";
        HttpResponse<String> acted = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/cases/" + pageCase + "/action"))
                .header("content-type", "application/x-www-form-urlencoded").header("cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(acted.statusCode()).isEqualTo(303);

        HttpResponse<String> viaApi = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/cases/" + apiCase + "/action"))
                .header("content-type", "application/json").header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"actionId\":\"call-the-customer\",\"statusId\":\"response-solution-found\","
                        + "\"comment\":\"Refund agreed\",\"closePlan\":true,\"exitStateId\":\"closed\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaApi.statusCode()).as(viaApi.body()).isEqualTo(200);

        JsonNode fromPage = apiCase(pageCase);
        JsonNode fromApi = apiCase(apiCase);
        for (String field : List.of("status", "version")) {
            assertThat(fromApi.path(field)).as(field).isEqualTo(fromPage.path(field));
        }
        assertThat(fromApi.path("plan")).isEqualTo(fromPage.path("plan"));
        assertThat(logWithoutActor(fromApi)).isEqualTo(logWithoutActor(fromPage));
    }

    private JsonNode apiCase(String caseId) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/cases/" + caseId))
                .header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.tree(answer.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Each log entry's type and details, without who did it and when (the page acts as a responder, the API as a key). */
    private static List<String> logWithoutActor(JsonNode c) {
        List<String> entries = new ArrayList<>();
        c.path("activities").forEach(a -> entries.add(a.path("type").asText() + " " + a.path("details").toString()));
        return entries;
    }

    private static String linkCaseId(String text) {
        Matcher link = LINK.matcher(text);
        if (!link.find()) {
            return "";
        }
        return io.closedloop.links.CaseLinks.unverifiedCaseId(link.group(1).substring(link.group(1).indexOf("/c/") + 3)).orElse("");
    }

    private static String hidden(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(value.find()).as(name).isTrue();
        return value.group(1).replace("&#61;", "=").replace("&#43;", "+");
    }
}
