package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Every vector of {@code xss/vectors.txt} (OWASP filter-evasion style, 100+) put where customer and configuration
 * text goes (comments, respondent names, the country, store and segment attributes; campaign, responder, team and
 * root-cause names), then shown in headless Chromium everywhere a person reads it: the case page (opened through the
 * emailed link), the HTML part of each alert email, the text part (as the outbox shows it) and the dashboard. On every
 * page: no JavaScript dialog opened, no vector's console marker was logged, the title was not rewritten, and each
 * text is there verbatim, as readable text (not parsed as markup).
 */
class XssBrowserTest {

    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/c/[A-Za-z0-9._~-]+)");
    /** Vectors per comment: a few responses carry the whole corpus, so the run stays short. */
    private static final int VECTORS_PER_COMMENT = 15;

    @TempDir
    Path data;
    private LocalStack stack;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> vectors = vectors();

    /** What one ingested response carried. */
    private record Sent(String comment, String name, Map<String, String> attributes) {

        List<String> texts() {
            List<String> texts = new ArrayList<>(List.of(comment, name));
            texts.addAll(attributes.values());
            return texts;
        }
    }

    private static List<String> vectors() {
        try (InputStream in = XssBrowserTest.class.getResourceAsStream("/xss/vectors.txt")) {
            List<String> vectors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    vectors.add(line.replace("{n}", Integer.toString(vectors.size() + 1)));
                }
            }
            return vectors;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        ChromeOptions options = HeadlessChromium.options();
        // A dialog stays open for the test to find, instead of being dismissed by the driver
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = HeadlessChromium.start(options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        stack.close();
    }

    @Test
    void everyVector_inCustomerAndConfigurationText_neverRuns_andReadsVerbatim() throws Exception {
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(100);
        Map<String, String> configNames = renameConfiguration();
        List<Sent> sent = new ArrayList<>();
        for (int from = 0; from < vectors.size(); from += VECTORS_PER_COMMENT) {
            sent.add(ingest(from));
        }
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(60))).isTrue();
        JsonNode outbox = get("/local/outbox.json");
        assertThat(outbox).hasSize(sent.size());

        String firstCase = null;
        for (JsonNode email : outbox) {
            Sent response = sent.stream().filter(s -> email.path("text").asText().contains(s.comment())).findFirst().orElseThrow();
            assertThat(email.path("subject").asText()).doesNotContain("\n").doesNotContain("\r");

            Matcher link = LINK.matcher(email.path("text").asText());
            assertThat(link.find()).isTrue();
            browser.get(link.group(1));
            assertThat(browser.getCurrentUrl()).matches(".*/cases/c[a-z0-9]+$");
            firstCase = firstCase == null ? browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1) : firstCase;
            assertNothingRan("case page");
            assertThat(textOf(By.cssSelector("blockquote.text"))).as("comment on the case page").isEqualTo(response.comment());
            assertThat(textOf(By.tagName("h1"))).as("name on the case page").isEqualTo(response.name());
            assertReadable("case page", response.texts());
            assertReadable("case page", List.of(configNames.get("responder")));

            browser.get(stack.baseUrl() + "/local/outbox/" + email.path("id").asText());
            assertNothingRan("HTML email");
            assertReadable("HTML email", response.texts());
        }

        browser.get(stack.baseUrl() + "/local/outbox");
        assertNothingRan("text emails");
        for (Sent response : sent) {
            assertReadable("text email", response.texts());
        }

        closeWithRootCause(firstCase);
        browser.get(stack.baseUrl() + "/dashboard");
        browser.findElement(By.name("apiKey")).sendKeys(DemoConfiguration.ADMIN_KEY);
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")));
        assertNothingRan("dashboard");
        assertReadable("dashboard", List.copyOf(configNames.values()));
    }

    /** Puts a vector into the names the case page and the dashboard show; returns them by what they name. */
    private Map<String, String> renameConfiguration() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("campaign", vectors.get(0));
        names.put("responder", vectors.get(21));
        names.put("team", vectors.get(45));
        names.put("cause", vectors.get(79));
        rename("/admin/campaigns/" + DemoConfiguration.CAMPAIGN_ID, names.get("campaign"));
        rename("/admin/responders/ana", names.get("responder"));
        rename("/admin/teams/support", names.get("team"));
        rename("/admin/root-causes/delivery-late", names.get("cause"));
        return names;
    }

    private void rename(String path, String name) throws Exception {
        HttpResponse<String> current = http.send(admin(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(current.statusCode()).as(path).isEqualTo(200);
        ObjectNode entry = (ObjectNode) Json.tree(current.body().getBytes(StandardCharsets.UTF_8));
        entry.put("name", name);
        HttpResponse<String> renamed = http.send(admin(path).header("content-type", "application/json")
                .header("if-match", current.headers().firstValue("etag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(Json.string(entry))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(renamed.statusCode()).as(path + " " + renamed.body()).isEqualTo(200);
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY);
    }

    /** Sets a root cause and closes the case through the case API, so the dashboard lists the cause. */
    private void closeWithRootCause(String caseId) throws Exception {
        for (String[] command : List.of(new String[] {"root-cause", "{\"rootCauseId\": \"delivery-late\"}"},
                new String[] {"close", "{\"exitStateId\": \"closed\"}"})) {
            HttpResponse<String> done = http.send(admin("/api/cases/" + caseId + "/" + command[0]).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(command[1])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(done.statusCode()).as(command[0] + " " + done.body()).isEqualTo(200);
        }
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
    }

    /** Posts a detractor whose comment carries vectors {@code from…from+14} and whose name and attributes carry others. */
    private Sent ingest(int from) throws Exception {
        List<String> batch = vectors.subList(from, Math.min(from + VECTORS_PER_COMMENT, vectors.size()));
        String comment = String.join("\n", batch);
        String name = vectors.get((from + 3) % vectors.size());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("country", vectors.get((from + 5) % vectors.size()));
        attributes.put("store", vectors.get((from + 7) % vectors.size()));
        attributes.put("segment", vectors.get((from + 11) % vectors.size()));

        String sample = LocalPages.freshSample(Files.readString(Project.root().resolve("events/webhook-generic-detractor.json")), Instant.now());
        ObjectNode json = (ObjectNode) Json.tree(sample.getBytes(StandardCharsets.UTF_8));
        json.put("comment", comment);
        ((ObjectNode) json.get("respondent")).put("name", name);
        ObjectNode attributeNode = json.putObject("attributes");
        attributes.forEach(attributeNode::put);
        byte[] body = Json.bytes(json);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/" + DemoConfiguration.SOURCE_ID))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, Instant.now(),
                "msg_" + UUID.randomUUID().toString().replace("-", "")).forEach((header, value) -> {
                    if (!header.equals("content-type")) {
                        post.header(header, value);
                    }
                });
        HttpResponse<String> answer = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return new Sent(comment, name, attributes);
    }

    private JsonNode get(String path) throws Exception {
        return Json.tree(http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body().getBytes(StandardCharsets.UTF_8));
    }

    /** No dialog is open, no vector logged its marker, the title is the page's own. */
    private void assertNothingRan(String page) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a JavaScript dialog opened on the " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // no dialog: nothing ran
        }
        assertThat(browser.getTitle()).as("title of the " + page).doesNotStartWith("XSS-");
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            assertThat(entry.getMessage()).as("console of the " + page).doesNotContain("XSS-MARKER");
        }
    }

    /** Each text appears verbatim in what the page shows as text (not parsed as markup). */
    private void assertReadable(String page, List<String> texts) {
        String shown = (String) browser.executeScript("return document.body.textContent");
        for (String text : texts) {
            assertThat(shown).as("text of the " + page).contains(text);
        }
    }

    private String textOf(By element) {
        return (String) browser.executeScript("return arguments[0].textContent", browser.findElement(element));
    }
}
