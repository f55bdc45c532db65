package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.SeedPlans;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium on the local stack: signing in by the emailed link, a responder working a case from
 * the queue on a phone-sized window, a manager finding the breached cases from the dashboard on a desktop-sized one. Screenshots are kept
 * in local/target/screenshots/.
 */
class ConsoleBrowserTest {

    @TempDir
    Path data;
    private LocalStack stack;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        browser = HeadlessChromium.start(HeadlessChromium.options());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        stack.close();
    }

    private void signIn(String email) throws Exception {
        browser.get(stack.baseUrl() + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
        int before = stack.outbox().messages().size();
        browser.findElement(By.name("email")).sendKeys(email);
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
        String link = new ConsoleUser(stack).signInLink(email, before);
        browser.get(link);
        HeadlessChromium.submit(browser, browser.findElement(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/cases");
    }

    private void screenshot(String name) throws Exception {
        Path screenshots = Project.root().resolve("local/target/screenshots");
        Files.createDirectories(screenshots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> rowsShown() {
        return browser.findElements(By.cssSelector("#queue li.row")).stream().map(WebElement::getText).toList();
    }

    @Test
    void responder_signsInByEmailedLink_andWorksACaseFromTheQueue() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 800));
        ConsoleUser.postDetractor(stack, "Mariana Costa");

        signIn("ana@closedloop.local");

        assertThat(browser.findElement(By.cssSelector("a.tab.current")).getText()).startsWith("Mine");
        assertThat(rowsShown()).singleElement().asString().contains("Mariana Costa").contains("Delivery was two weeks late").contains("due in");
        screenshot("console-queue-phone.png");

        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("#queue a.row-link")));
        assertThat(browser.getCurrentUrl()).matches(".*/console/cases\\?list=mine&case=c[a-z0-9]+$");
        assertThat(browser.findElement(By.id("queue")).isDisplayed()).as("on a phone the case takes the list's place").isFalse();
        assertThat(browser.findElement(By.id("back-to-list")).isDisplayed()).isTrue();
        WebElement call = browser.findElement(By.id("action-" + SeedPlans.CALL_THE_CUSTOMER));
        new Select(call.findElement(By.name("statusId"))).selectByValue(SeedPlans.RESPONSE_SOLUTION_FOUND);
        call.findElement(By.name("comment")).sendKeys("Called Mariana, refunded the delivery fee.");
        call.findElement(By.cssSelector("input[name=closePlan][value=yes]")).click();
        new Select(call.findElement(By.name("exitStateId"))).selectByValue(SeedPlans.CLOSED);
        HeadlessChromium.submit(browser, call.findElement(By.cssSelector("button[type=submit]")));

        assertThat(browser.getCurrentUrl()).contains("/console/cases?list=mine&case=c").endsWith("&done=action");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Called Mariana, refunded the delivery fee.");
        screenshot("console-case-phone.png");

        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("nav.console-nav a")));
        assertThat(rowsShown()).isEmpty();
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("a[data-list=closed]")));
        assertThat(rowsShown()).singleElement().asString().contains("Mariana Costa").contains("closed");
    }

    @Test
    void manager_findsTheBreachedCasesFromTheDashboard_raisesTheirPriority_andExportsThemAsCsv_onADesktop() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        ConsoleUser.postDetractor(stack, "Mariana Costa");
        ConsoleUser.postDetractor(stack, "Jonas Weber");
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local/clock?hours=49")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        stack.runSchedule("SlaCheckFunction");
        assertThat(stack.awaitStreamIdle(java.time.Duration.ofSeconds(30))).isTrue();

        signIn("marc@closedloop.local");
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("nav.console-nav a[href='/console/dashboard']")));
        WebElement breaches = browser.findElement(By.cssSelector("dl.kpis a[href*='list=breached']"));
        assertThat(breaches.getText()).isEqualTo("2");
        screenshot("console-dashboard-desktop.png");
        HeadlessChromium.submit(browser, breaches);

        assertThat(browser.findElement(By.cssSelector("a.tab.current")).getText()).startsWith("En dépassement");
        assertThat(rowsShown()).hasSize(2).allSatisfy(row -> assertThat(row).contains("en retard de"));
        browser.findElements(By.cssSelector("#queue input[type=checkbox]")).forEach(WebElement::click);
        new Select(browser.findElement(By.cssSelector("#bulk select[name=priority]"))).selectByValue("URGENT");
        HeadlessChromium.submit(browser, browser.findElement(By.id("bulk-priority")));
        assertThat(browser.findElement(By.id("bulk-summary")).getText()).isEqualTo("2 dossier(s) modifié(s) sur 2 sélectionné(s).");
        HeadlessChromium.submit(browser, browser.findElement(By.id("bulk-back")));
        assertThat(rowsShown()).hasSize(2).allSatisfy(row -> assertThat(row).contains("Urgente"));

        assertThat(browser.findElement(By.cssSelector("details.filters")).getAttribute("open")).as("the dashboard's campaign filter is shown").isNotNull();
        browser.findElement(By.name("q")).sendKeys("jonas");
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("#filters button[type=submit]")));

        assertThat(rowsShown()).singleElement().asString().contains("Jonas Weber");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Europe/Paris");
        screenshot("console-breached-desktop.png");

        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("#queue a.row-link")));
        WebElement beside = browser.findElement(By.id("case-beside"));
        assertThat(browser.findElement(By.id("queue")).isDisplayed()).as("on a desktop the list stays beside the case").isTrue();
        assertThat(beside.getLocation().getX()).isGreaterThan(browser.findElement(By.id("queue")).getLocation().getX() + 300);
        assertThat(beside.findElement(By.tagName("h1")).getText()).contains("Jonas Weber");
        beside.findElement(By.cssSelector("details summary")).click();
        new Select(beside.findElement(By.cssSelector("form#priority select[name=priority]"))).selectByValue("HIGH");
        HeadlessChromium.submit(browser, beside.findElement(By.cssSelector("form#priority button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("list=breached").contains("q=jonas").contains("&case=c").endsWith("&done=priority");
        assertThat(browser.findElement(By.id("case-beside")).getText()).contains("Haute");
        assertThat(rowsShown()).singleElement().asString().contains("Jonas Weber").contains("Haute");
        assertThat(browser.findElement(By.cssSelector("#queue li.row.selected a")).getAttribute("aria-current")).isEqualTo("true");
        screenshot("console-list-beside-case-desktop.png");

        String csvHref = browser.findElement(By.id("export-csv")).getAttribute("href");
        String session = browser.manage().getCookieNamed("cl_console").getValue();
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref)).header("cookie", "cl_console=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csvHref).contains("list=breached").contains("q=jonas");
        assertThat(csv.headers().firstValue("content-type")).contains("text/csv; charset=utf-8");
        assertThat(List.of(csv.body().split("\r\n"))).hasSize(2).last().asString().contains("Jonas Weber").contains(",high,").contains(",yes,");
        Path exported = Project.root().resolve("local/target/screenshots/console-breached.csv");
        Files.writeString(exported, csv.body());
    }

    @Test
    void admin_addsAPerson_fixingTheFieldThePageNames() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn(io.closedloop.testing.DemoConfiguration.ADMIN_EMAIL);

        openSettings("/console/admin/people");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-person")));
        browser.findElement(By.id("id")).sendKeys("nina");
        browser.findElement(By.id("name")).sendKeys("Nina Martin");
        browser.findElement(By.id("email")).sendKeys("nina@closedloop.local");
        new Select(browser.findElement(By.id("role"))).selectByValue("MANAGER");
        new Select(browser.findElement(By.id("teamId"))).selectByValue("support");
        new Select(browser.findElement(By.id("locale"))).selectByValue("fr");
        browser.findElement(By.id("timeZone")).sendKeys("Paris");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-person")));

        assertThat(browser.findElement(By.id("timeZone-error")).getText()).startsWith("Enter an IANA time zone");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Nina Martin");
        screenshot("console-person-refused-desktop.png");
        browser.findElement(By.id("timeZone")).clear();
        browser.findElement(By.id("timeZone")).sendKeys("Europe/Paris");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-person")));

        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/people?saved=nina");
        assertThat(browser.findElement(By.cssSelector("[data-person=nina]")).getText()).contains("Nina Martin").contains("manager")
                .contains("Customer support").contains("Europe/Paris");
        screenshot("console-people-desktop.png");
    }

    @Test
    void admin_addsAnActionToThePlan_andSavesItsNextVersion() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn(io.closedloop.testing.DemoConfiguration.ADMIN_EMAIL);

        openSettings("/console/admin/action-plans");
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("[data-plan=resolution-for-detractors] a")));
        browser.findElement(By.id("actions[2].name")).sendKeys("Send a gift card");
        browser.findElement(By.cssSelector("[data-status='actions[2].statuses[0]'] input[type=text]")).sendKeys("Gift card sent");
        browser.findElement(By.cssSelector("[data-status='actions[2].statuses[0]'] input[type=checkbox]")).click();
        screenshot("console-plan-desktop.png");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-plan")));

        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/action-plans?saved=resolution-for-detractors");
        assertThat(browser.findElement(By.cssSelector("[data-plan=resolution-for-detractors]")).getText()).contains("version 2")
                .contains("3 action(s)");
    }

    @Test
    void admin_addsATypeformSource_onAPhone_andSeesItsSecretOnce() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 800));
        signIn(io.closedloop.testing.DemoConfiguration.ADMIN_EMAIL);

        openSettings("/console/admin/sources");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-source")));
        browser.findElement(By.id("id")).sendKeys("typeform-nps");
        new Select(browser.findElement(By.id("format"))).selectByValue("TYPEFORM");
        browser.findElement(By.id("scoreQuestion")).sendKeys("nps_score");
        browser.findElement(By.id("commentQuestion")).sendKeys("nps_reason");
        browser.findElement(By.id("respondent.name")).sendKeys("answer:first_name");
        screenshot("console-source-phone.png");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-source")));

        assertThat(browser.findElement(By.id("secret-value")).getText()).matches("[0-9a-f]{64}");
        assertThat(browser.findElement(By.id("webhook")).getText()).isEqualTo(stack.baseUrl() + "/webhooks/typeform-nps");
        screenshot("console-source-secret-phone.png");
        assertThat(sidewaysScroll()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0L);
        HeadlessChromium.submit(browser, browser.findElement(By.id("to-source")));
        assertThat(browser.findElements(By.id("secret-value"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#secrets li[data-secret]"))).hasSize(1);
        assertThat(sidewaysScroll()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0L);
    }

    @Test
    void admin_setsUpTheLoopFromNothing_thenAWebhookThroughTheNewSourceOpensTheCaseAsTheRuleSays() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn(io.closedloop.testing.DemoConfiguration.ADMIN_EMAIL);

        openSettings("/console/admin/calendars");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-calendar")));
        browser.findElement(By.id("id")).sendKeys("paris");
        browser.findElement(By.id("name")).sendKeys("Support Paris");
        browser.findElement(By.id("ics")).sendKeys(Project.root().resolve("shared/console/src/test/resources/ics/fr-holidays.ics").toString());
        HeadlessChromium.submit(browser, browser.findElement(By.id("import-ics")));

        assertThat(browser.findElement(By.id("imported")).getText()).startsWith("8 holiday(s) added from the file");
        assertThat(browser.findElement(By.id("holidays")).getAttribute("value")).contains("2026-12-25 Noël").contains("2027-07-14 Fête nationale");
        screenshot("console-calendar-imported-desktop.png");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-calendar")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/calendars?saved=paris");
        assertThat(browser.findElement(By.cssSelector("[data-calendar=paris]")).getText()).contains("Holidays: 8").contains("Monday–Friday 09:00–17:00");

        openSettings("/console/admin/sla-policies");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-sla")));
        browser.findElement(By.id("id")).sendKeys("paris-business");
        browser.findElement(By.id("name")).sendKeys("Paris, working hours");
        new Select(browser.findElement(By.id("basis"))).selectByValue("BUSINESS");
        new Select(browser.findElement(By.id("calendarId"))).selectByValue("paris");
        WebElement hours = browser.findElement(By.name("firstResponse.hours"));
        hours.clear();
        hours.sendKeys("8");
        browser.manage().window().setSize(new Dimension(360, 800));
        screenshot("console-sla-phone.png");
        assertThat(sidewaysScroll()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0L);
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-sla")));

        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/sla-policies?saved=paris-business");
        assertThat(browser.findElement(By.cssSelector("[data-sla=paris-business]")).getText()).contains("Only working hours count · Support Paris")
                .contains("first response within 8 h");

        browser.manage().window().setSize(new Dimension(1280, 900));
        openSettings("/console/admin/action-plans");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-plan")));
        browser.findElement(By.id("id")).sendKeys("recovery");
        browser.findElement(By.id("name")).sendKeys("Recovery for detractors");
        browser.findElement(By.id("description")).sendKeys("Re-engage each dissatisfied customer to resolve their specific issue.");
        browser.findElement(By.id("actions[0].name")).sendKeys("Send an email");
        new Select(browser.findElement(By.id("actions[0].closesPlan"))).selectByValue("NO");
        statusName("actions[0].statuses[0]").sendKeys("email sent – request to return to the store");
        statusName("actions[0].statuses[1]").sendKeys("email sent – request to call customer service");
        browser.findElement(By.id("actions[1].name")).sendKeys("Call the customer");
        new Select(browser.findElement(By.id("actions[1].closesPlan"))).selectByValue("OPERATOR_CHOOSES");
        List<String> callStatuses = List.of("Response – solution found", "Response – still dissatisfied – escalation management", "No response – message");
        for (int i = 0; i < callStatuses.size(); i++) {
            statusName("actions[1].statuses[" + i + "]").sendKeys(callStatuses.get(i));
            browser.findElement(By.cssSelector("[data-status='actions[1].statuses[" + i + "]'] input[type=checkbox]")).click();
        }
        List<String> exits = List.of("Not started", "In progress", "Closed");
        for (int i = 0; i < exits.size(); i++) {
            browser.findElement(By.cssSelector("[data-exit='exitStates[" + i + "]'] input[type=text]")).sendKeys(exits.get(i));
        }
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-plan")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/action-plans?saved=recovery");
        assertThat(browser.findElement(By.cssSelector("[data-plan=recovery]")).getText()).contains("2 action(s)");

        openSettings("/console/admin/campaigns");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-campaign")));
        browser.findElement(By.id("id")).sendKeys("pro-nps");
        browser.findElement(By.id("name")).sendKeys("Pro customers NPS");
        new Select(browser.findElement(By.id("actionPlanId"))).selectByValue("recovery");
        new Select(browser.findElement(By.id("slaPolicyId"))).selectByValue("paris-business");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-campaign")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/campaigns?saved=pro-nps");

        openSettings("/console/admin/sources");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-source")));
        browser.findElement(By.id("id")).sendKeys("typeform-pro");
        new Select(browser.findElement(By.id("format"))).selectByValue("TYPEFORM");
        new Select(browser.findElement(By.id("campaignId"))).selectByValue("pro-nps");
        browser.findElement(By.id("scoreQuestion")).sendKeys("nps_score");
        browser.findElement(By.id("commentQuestion")).sendKeys("nps_reason");
        browser.findElement(By.id("respondent.name")).sendKeys("answer:first_name");
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-source")));
        String secret = browser.findElement(By.id("secret-value")).getText();
        assertThat(SignedWebhooks.typeform(stack, "typeform-pro", secret, "Jonas Weber", 2, "The export has been broken for two weeks.")).isEqualTo(202);

        browser.manage().window().setSize(new Dimension(360, 800));
        openSettings("/console/admin/rules");
        HeadlessChromium.submit(browser, browser.findElement(By.id("new-rule")));
        browser.findElement(By.id("id")).sendKeys("pro-broken");
        browser.findElement(By.id("name")).sendKeys("Pro detractors with a broken export or a refund");
        new Select(browser.findElement(By.id("campaignId"))).selectByValue("pro-nps");
        addCondition("c", "any");
        addCondition("c.1", "text");
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("button[name=edit][value='remove:c.1.0']")));
        addCondition("c.1", "text");
        browser.findElement(By.name("c.1.0.text")).sendKeys("broken");
        browser.findElement(By.name("c.1.1.text")).sendKeys("refund");
        new Select(browser.findElement(By.id("assignment"))).selectByValue("fixed");
        new Select(browser.findElement(By.id("responderId"))).selectByValue("louis");
        HeadlessChromium.submit(browser, browser.findElement(By.id("try-rule")));

        assertThat(browser.findElement(By.id("trial-summary")).getText())
                .isEqualTo("Tried on the latest 1 responses of Pro customers NPS: this rule matches 1, would win 1, and changes the winner of 1.");
        assertThat(browser.findElement(By.id("trial-lines")).getText()).contains("Jonas Weber").contains("comment contains \"broken\"")
                .contains("Case now: no case → with this rule: this rule");
        browser.executeScript("document.getElementById('condition').scrollIntoView()");
        screenshot("console-rule-builder-phone.png");
        browser.executeScript("document.getElementById('trial').scrollIntoView()");
        screenshot("console-rule-dry-run-phone.png");
        assertThat(sidewaysScroll()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0L);
        HeadlessChromium.submit(browser, browser.findElement(By.id("save-rule")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/admin/rules?saved=pro-broken");
        assertThat(browser.findElement(By.cssSelector("[data-rule=pro-broken]")).getText()).contains("to Louis Martin")
                .contains("the campaign's SLA policy: Paris, working hours");

        // The configuration cache lives 2 s on the local stack
        stack.clock().advance(java.time.Duration.ofSeconds(3));
        int before = stack.outbox().messages().size();
        assertThat(SignedWebhooks.typeform(stack, "typeform-pro", secret, "Second Customer", 1, "Asking for a refund.")).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(java.time.Duration.ofSeconds(20))).isTrue();
        assertThat(stack.outbox().messages().subList(before, stack.outbox().messages().size()))
                .as("the alert of the case the rule assigned to Louis").anySatisfy(m -> assertThat(m.to()).isEqualTo("louis@closedloop.local"));

        browser.manage().window().setSize(new Dimension(1280, 900));
        openSettings("/console/admin/configuration");
        assertThat(browser.findElement(By.id("download")).getAttribute("href")).endsWith("/console/admin/configuration.yaml");
        browser.findElement(By.id("yaml")).sendKeys("closedloop: 1\nroot-causes:\n  onboarding:\n    name: Onboarding\n");
        HeadlessChromium.submit(browser, browser.findElement(By.id("preview-import")));
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("1 to add, 0 to change, 0 unchanged.");
        screenshot("console-config-preview-desktop.png");
        browser.manage().window().setSize(new Dimension(360, 800));
        assertThat(sidewaysScroll()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(0L);
        screenshot("console-config-preview-phone.png");
        HeadlessChromium.submit(browser, browser.findElement(By.id("apply-import")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Imported: 1 entries added or changed.");
    }

    private WebElement statusName(String prefix) {
        return browser.findElement(By.cssSelector("[data-status='" + prefix + "'] input[type=text]"));
    }

    /** The builder's "Add" under the group at {@code path}: a test or a group of this kind, the page shown again. */
    private void addCondition(String path, String kind) {
        new Select(browser.findElement(By.name("addKind." + path))).selectByValue(kind);
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("button[name=edit][value='add:" + path + "']")));
    }

    /** Through the bar's "Settings" to one of its pages, as an admin finds it. */
    private void openSettings(String page) {
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("nav.console-nav a[href='/console/admin']")));
        HeadlessChromium.submit(browser, browser.findElement(By.cssSelector("#settings a[href='" + page + "']")));
    }

    private Long sidewaysScroll() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}
