package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.SeedPlans;
import io.closedloop.json.Json;
import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The check-in after a close, end to end on the local stack: the demo campaign set to check in after every close in
 * the console; a case closed from the console; the processor mailing the customer one signed link; the link's GET
 * changing nothing (mail scanners); a "no" answered in headless Chromium reopening the case and alerting its
 * assignee once; a "yes" leaving it closed; a second answer, a tampered and an expired link each getting a clear page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckInTest {

    private static final Pattern ROW = Pattern.compile("<li class=\"row\" data-case=\"([^\"]+)\">");
    private static final Pattern CHECK_IN_LINK = Pattern.compile("(https?://[^\\s\"]+/k/[A-Za-z0-9._~-]+)");
    private static final String CUSTOMER_ADDRESS = "mariana.costa@example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    private static LocalStack stack;
    private static ConsoleUser admin;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        admin = new ConsoleUser(stack);
        assertThat(admin.signIn(DemoConfiguration.ADMIN_EMAIL).status()).isEqualTo(303);
        Map<String, String> campaign = admin.get("/console/admin/campaigns/demo-nps").form("campaign");
        assertThat(campaign).containsEntry("checkIn", "NEVER");
        campaign.put("checkIn", "ALWAYS");
        assertThat(admin.post("/console/admin/campaigns/demo-nps", campaign).status()).isEqualTo(303);
        stack.clock().advance(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void customerSaysNo_inTheBrowser_reopensTheCase_andAlertsTheAssigneeOnce() throws Exception {
        String caseId = closedCase("Carmen Nogueira");
        String link = checkInLink(caseId);
        long version = apiCase(caseId).path("version").asLong();
        int mails = stack.outbox().messages().size();

        assertThat(get(link).body()).contains("Was your issue resolved?").contains("Carmen, we closed the case");
        assertThat(get(link).statusCode()).isEqualTo(200);
        assertThat(apiCase(caseId).path("version").asLong()).as("a GET changes nothing").isEqualTo(version);

        ChromeDriver browser = HeadlessChromium.start(HeadlessChromium.options());
        try {
            browser.manage().window().setSize(new Dimension(360, 800));
            browser.get(link);
            browser.findElement(By.cssSelector("input[name=resolved][value=no]")).click();
            new Select(browser.findElement(By.id("rescore"))).selectByValue("4");
            browser.findElement(By.id("comment")).sendKeys("The refund never arrived.");
            screenshot(browser, "check-in-phone.png");
            HeadlessChromium.submit(browser, browser.findElement(By.id("send-answer")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you: we are on it");
            screenshot(browser, "check-in-reopened-phone.png");
        } finally {
            browser.quit();
        }
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        JsonNode reopened = apiCase(caseId);
        assertThat(reopened.path("status").asText()).isEqualTo("OPEN");
        assertThat(alertsTo("ana@closedloop.local", mails)).singleElement().extracting(Outbox.Message::subject).asString()
                .startsWith("Not resolved, says the customer");
        HttpResponse<String> again = post(link, "resolved=yes");
        assertThat(again.body()).contains("You have answered already");
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(apiCase(caseId).path("status").asText()).isEqualTo("OPEN");
        assertThat(alertsTo("ana@closedloop.local", mails)).hasSize(1);
        assertThat(kpis().path("recovery").path("reopenedByCustomer").asLong()).isEqualTo(1);
        Page casePage = admin.get("/console/cases/" + caseId);
        assertThat(casePage.body()).contains("The customer says the issue is not resolved").contains("New score: 4 (was 3)")
                .contains("The refund never arrived.").contains("Check-in sent to the customer");
    }

    @Test
    void customerSaysYes_isRecorded_andTheCaseStaysClosed() throws Exception {
        String caseId = closedCase("Paulo Yamada");
        String link = checkInLink(caseId);

        HttpResponse<String> answered = post(link, "resolved=yes&rescore=9&comment=Sorted%2C+thanks");

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("We are glad the issue is resolved");
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(apiCase(caseId).path("status").asText()).isEqualTo("CLOSED");
        assertThat(admin.get("/console/cases/" + caseId).body()).contains("The customer says the issue is resolved").contains("New score: 9 (was 3)");
        JsonNode recovery = kpis().path("recovery");
        assertThat(recovery.path("recovered").asLong()).isEqualTo(1);
        assertThat(recovery.path("rescoredDetractors").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(recovery.path("detractorsNowPromoter").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(kpis().path("byAssignee")).filteredOn(o -> o.path("id").asText().equals("ana")).singleElement()
                .satisfies(ana -> assertThat(ana.path("recovered").asLong()).isEqualTo(1));
        assertThat(kpis().path("recoveryBy")).filteredOn(r -> r.path("dimension").asText().equals("RULE")).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.path("id").asText()).isEqualTo("detractors");
                    assertThat(rule.path("recovery").path("recovered").asLong()).isEqualTo(1);
                    assertThat(rule.path("recovery").path("checkInsSent").asLong()).isGreaterThanOrEqualTo(1);
                });
        String dashboard = admin.get("/console/dashboard?campaignId=demo-nps&days=7").body();
        assertThat(dashboard).contains("<dd id=\"recovered\">1</dd>")
                .contains("<tr data-dimension=\"RULE\" data-id=\"detractors\"><td>Detractors (NPS 0–6) open a case</td>")
                .contains("<tr data-dimension=\"ASSIGNEE\" data-id=\"ana\">");
        java.time.LocalDate today = java.time.LocalDate.ofInstant(stack.clock().instant(), java.time.ZoneOffset.UTC);
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/kpis.csv?campaignId=demo-nps&part=recovery&from="
                + today.minusDays(1) + "&to=" + today.plusDays(1))).header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body().split("\r\n")).anySatisfy(row -> assertThat(row).startsWith("demo-nps,rule,detractors,"))
                .anySatisfy(row -> assertThat(row).startsWith("demo-nps,assignee,ana,"));
    }

    private static JsonNode kpis() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(stack.clock().instant(), java.time.ZoneOffset.UTC);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/kpis?campaignId=demo-nps&from="
                + today.minusDays(1) + "&to=" + today.plusDays(1))).header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.tree(answer.body().getBytes());
    }

    /** Last: it moves the stack's clock a month on, past every session. */
    @Test
    @Order(Integer.MAX_VALUE)
    void badLinksAndAnswers_getAClearPage_andRecordNothing() throws Exception {
        String caseId = closedCase("Rita Tavares");
        String link = checkInLink(caseId);
        long version = apiCase(caseId).path("version").asLong();
        String tampered = link.substring(0, link.length() - 3) + (link.endsWith("A") ? "BBB" : "AAA");

        assertThat(get(tampered).statusCode()).isEqualTo(404);
        assertThat(get(tampered).body()).contains("This link cannot be opened");
        assertThat(post(tampered, "resolved=no").statusCode()).isEqualTo(404);
        HttpResponse<String> noChoice = post(link, "comment=hello");
        assertThat(noChoice.statusCode()).isEqualTo(422);
        assertThat(noChoice.body()).contains("Choose yes or no.");
        HttpResponse<String> crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(link)).header("content-type", "application/x-www-form-urlencoded")
                .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("resolved=no")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(apiCase(caseId).path("version").asLong()).isEqualTo(version);

        stack.clock().advance(Duration.ofDays(31));
        assertThat(get(link).statusCode()).isEqualTo(410);
        assertThat(post(link, "resolved=no").statusCode()).isEqualTo(410);
        assertThat(apiCase(caseId).path("status").asText()).isEqualTo("CLOSED");
    }

    /** A detractor's case (assigned to Ana by the demo rules), closed from the console; its check-in sent. */
    private static String closedCase(String customer) throws Exception {
        ConsoleUser.postDetractor(stack, customer);
        Matcher row = ROW.matcher(admin.get("/console/cases?list=teams&q=" + customer.replace(' ', '+')).body());
        assertThat(row.find()).as("the case of %s", customer).isTrue();
        String caseId = row.group(1);
        Map<String, String> close = admin.get("/console/cases/" + caseId).form("close");
        close.put("exitStateId", SeedPlans.CLOSED);
        assertThat(admin.post("/console/cases/" + caseId + "/close", close).status()).isEqualTo(303);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        return caseId;
    }

    /** The link of the check-in mailed to the customer about that case (the token names it). */
    private static String checkInLink(String caseId) {
        List<Outbox.Message> toCustomer = stack.outbox().messages().stream()
                .filter(m -> m.to().equals(CUSTOMER_ADDRESS) && m.subject().equals("Was your issue resolved?")).toList();
        for (Outbox.Message message : toCustomer.reversed()) {
            Matcher link = CHECK_IN_LINK.matcher(message.text());
            if (link.find() && payload(link.group(1)).startsWith(caseId + "~")) {
                assertThat(message.html()).contains("href=\"" + link.group(1) + "\"");
                return link.group(1);
            }
        }
        throw new AssertionError("no check-in mailed for " + caseId + " among " + toCustomer.size() + ": " + debug(caseId));
    }

    private static String debug(String caseId) {
        try {
            return apiCase(caseId).toString() + " / " + admin.get("/console/admin/campaigns/demo-nps").form("campaign");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String payload(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<Outbox.Message> alertsTo(String address, int since) {
        List<Outbox.Message> all = stack.outbox().messages();
        return all.subList(since, all.size()).stream().filter(m -> m.to().equals(address)).toList();
    }

    private static JsonNode apiCase(String caseId) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/cases/" + caseId))
                .header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.tree(answer.body().getBytes());
    }

    private static HttpResponse<String> get(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String link, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).header("content-type", "application/x-www-form-urlencoded")
                .header("origin", stack.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path screenshots = Project.root().resolve("local/target/screenshots");
        Files.createDirectories(screenshots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
