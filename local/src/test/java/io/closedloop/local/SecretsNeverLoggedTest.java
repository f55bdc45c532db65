package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every log line the whole local stack writes (ingest, processor, web and API functions, through {@link Log}) during
 * a full responder flow, with refusals along the way: webhook in, alert email, link, session, case page, form POST,
 * dashboard sign-in, admin API. No line carries the link token, the session token, the CSRF token, an API key (or its
 * secret part), the dashboard session, the webhook secret or a webhook signature.
 */
class SecretsNeverLoggedTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/c/([A-Za-z0-9._~-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @TempDir
    Path data;
    private LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private Consumer<String> previousSink;

    @BeforeEach
    void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        previousSink = Log.sink(lines::add);
    }

    @AfterEach
    void stop() {
        Log.sink(previousSink);
        stack.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(stack.baseUrl() + path));
    }

    private static String cookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
    }

    @Test
    void fullFlowWithRefusals_noLogLineCarriesATokenKeyOrSecret() throws Exception {
        List<String> secrets = new ArrayList<>();
        secrets.add(DemoConfiguration.SOURCE_SECRET);
        secrets.add(DemoConfiguration.SOURCE_SECRET.substring("whsec_".length()));
        secrets.add(DemoConfiguration.ADMIN_KEY);
        secrets.add(DemoConfiguration.ADMIN_KEY.substring(DemoConfiguration.ADMIN_KEY.lastIndexOf('_') + 1));

        String sample = LocalPages.freshSample(Files.readString(Project.root().resolve("events/webhook-generic-detractor.json")), Instant.now());
        byte[] body = sample.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, Instant.now(),
                "msg_" + UUID.randomUUID().toString().replace("-", ""));
        secrets.add(signed.get("webhook-signature"));
        secrets.add(signed.get("webhook-signature").substring(3));
        HttpRequest.Builder forged = to("/webhooks/" + DemoConfiguration.SOURCE_ID).header("content-type", "application/json")
                .header("webhook-id", signed.get("webhook-id")).header("webhook-timestamp", signed.get("webhook-timestamp"))
                .header("webhook-signature", signed.get("webhook-signature")).POST(HttpRequest.BodyPublishers.ofString(sample + " "));
        assertThat(send(forged).statusCode()).isEqualTo(401);
        HttpRequest.Builder delivery = to("/webhooks/" + DemoConfiguration.SOURCE_ID).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach(delivery::header);
        assertThat(send(delivery).statusCode()).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        JsonNode outbox = Json.tree(send(to("/local/outbox.json")).body().getBytes(StandardCharsets.UTF_8));
        Matcher link = LINK.matcher(outbox.get(0).path("text").asText());
        assertThat(link.find()).isTrue();
        String linkToken = link.group(1);
        secrets.add(linkToken);
        String tamperedLink = linkToken.substring(0, linkToken.length() - 2) + "xx";
        assertThat(send(to("/c/" + tamperedLink)).statusCode()).isEqualTo(403);

        HttpResponse<String> opened = send(to("/c/" + linkToken).header("sec-fetch-site", "cross-site"));
        assertThat(opened.statusCode()).isEqualTo(303);
        String casePath = opened.headers().firstValue("location").orElseThrow();
        String session = cookie(opened, "cl_session");
        secrets.add(session);
        HttpResponse<String> page = send(to(casePath).header("cookie", "cl_session=" + session));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        secrets.add(csrf.group(1));
        Matcher version = VERSION.matcher(page.body());
        assertThat(version.find()).isTrue();
        String form = "version=" + version.group(1) + "&csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&text=Called+back";
        HttpResponse<String> crossSite = send(to(casePath + "/note").header("cookie", "cl_session=" + session)
                .header("content-type", "application/x-www-form-urlencoded").header("origin", "https://evil.example")
                .header("sec-fetch-site", "cross-site").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> noted = send(to(casePath + "/note").header("cookie", "cl_session=" + session)
                .header("content-type", "application/x-www-form-urlencoded").header("origin", stack.baseUrl())
                .header("sec-fetch-site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(noted.statusCode()).isEqualTo(303);

        HttpResponse<String> signedIn = send(to("/dashboard/login").header("content-type", "application/x-www-form-urlencoded")
                .header("origin", stack.baseUrl()).header("sec-fetch-site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + URLEncoder.encode(DemoConfiguration.ADMIN_KEY, StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String dashboard = cookie(signedIn, "cl_dash");
        secrets.add(dashboard);
        assertThat(send(to("/dashboard").header("cookie", "cl_dash=" + dashboard)).statusCode()).isEqualTo(200);
        String wrongKey = DemoConfiguration.ADMIN_KEY.substring(0, DemoConfiguration.ADMIN_KEY.length() - 4) + "AAAA";
        secrets.add(wrongKey);
        assertThat(send(to("/admin/responders").header("authorization", "Bearer " + wrongKey)).statusCode()).isEqualTo(401);
        assertThat(send(to("/admin/responders").header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY)).statusCode()).isEqualTo(200);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(lines).as("log lines of the ingest, web and API functions")
                .anyMatch(l -> l.contains("\"function\":\"ingest\""))
                .anyMatch(l -> l.contains("\"function\":\"web\""))
                .anyMatch(l -> l.contains("\"function\":\"api\""));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }
}
