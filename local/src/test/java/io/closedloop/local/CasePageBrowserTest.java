package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * A responder's whole flow in headless Chromium, on a phone-sized window: the alert's link from the outbox opens
 * the case; "Call the customer → Response – solution found" with a comment, closing the plan with exit state
 * "Closed", closes the case; the timeline shows each step and the completed action is no longer offered. A
 * screenshot of the case page is kept in local/target/screenshots/.
 */
class CasePageBrowserTest {

    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/c/[A-Za-z0-9._~-]+)");

    @TempDir
    Path data;
    private LocalStack stack;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        ChromeOptions options = HeadlessChromium.options();
        browser = HeadlessChromium.start(options);
        browser.manage().window().setSize(new Dimension(360, 800));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        stack.close();
    }

    private String alertLink() throws Exception {
        String sample = LocalPages.freshSample(Files.readString(Project.root().resolve("events/webhook-generic-detractor.json")), Instant.now());
        byte[] body = sample.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/" + DemoConfiguration.SOURCE_ID))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, Instant.now(),
                "msg_" + UUID.randomUUID().toString().replace("-", "")).forEach((name, value) -> {
                    if (!name.equals("content-type")) {
                        post.header(name, value);
                    }
                });
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        JsonNode outbox = Json.tree(http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local/outbox.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body().getBytes(StandardCharsets.UTF_8));
        Matcher link = LINK.matcher(outbox.get(0).path("text").asText());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void responder_callsTheCustomer_andClosesThePlan_fromTheEmailedLink() throws Exception {
        browser.get(alertLink());

        assertThat(browser.getCurrentUrl()).matches(".*/cases/c[a-z0-9]+$");
        assertThat(browser.getPageSource()).contains("Delivery was two weeks late");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("<script>alert('not code, just text')</script>");

        WebElement call = browser.findElement(By.id("action-" + SeedPlans.CALL_THE_CUSTOMER));
        new Select(call.findElement(By.name("statusId"))).selectByValue(SeedPlans.RESPONSE_SOLUTION_FOUND);
        call.findElement(By.name("comment")).sendKeys("Called Ana, refunded the delivery fee.");
        call.findElement(By.cssSelector("input[name=closePlan][value=yes]")).click();
        new Select(call.findElement(By.name("exitStateId"))).selectByValue(SeedPlans.CLOSED);
        HeadlessChromium.submit(browser, call.findElement(By.cssSelector("button[type=submit]")));

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Closed");
        assertThat(browser.findElements(By.id("action-" + SeedPlans.CALL_THE_CUSTOMER))).isEmpty();
        List<String> timeline = browser.findElements(By.cssSelector("ol.plain > li")).stream().map(WebElement::getText).toList();
        assertThat(String.join("\n", timeline)).contains("Response – solution found").contains("Called Ana, refunded the delivery fee.");
        assertThat(browser.findElement(By.id("reopen"))).isNotNull();

        Path screenshots = Project.root().resolve("local/target/screenshots");
        Files.createDirectories(screenshots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("case-page-closed.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
