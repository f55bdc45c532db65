package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.cases.ActivityType;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mail to the customer end to end on the local stack: the demo campaign acknowledges detractors after 30 minutes and
 * promoters (who open no case) after 20 (set in the console); the acknowledgement goes once after the delay, even with the webhook delivered twice; its
 * opt-out link's GET changes nothing in the table and its POST (RFC 8058 one-click) stops the next one; a responder
 * who writes from the case page first replaces it, and the customer's answer goes to the responder (Reply-To); an SES
 * bounce suppresses the address, shows on the case and stops the next one.
 */
class CustomerMailTest {

    private static final Pattern ROW = Pattern.compile("<li class=\"row\" data-case=\"([^\"]+)\">");
    private static final Pattern OPT_OUT = Pattern.compile("<(https?://[^>]+/u/[A-Za-z0-9._~-]+)>");
    private static final String ACK_SUBJECT = "We read your feedback";
    private static final Duration AFTER_THE_DELAY = Duration.ofMinutes(31);
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
        assertThat(campaign).containsEntry("ackDetractor", "");
        campaign.put("ackDetractor", "30");
        campaign.put("ackPromoter", "20");
        campaign.put("ackCompany", "Loja Azul");
        assertThat(admin.post("/console/admin/campaigns/demo-nps", campaign).status()).isEqualTo(303);
        assertThat(admin.get("/console/admin/campaigns/demo-nps").form("campaign")).containsEntry("ackDetractor", "30").containsEntry("ackPromoter", "20")
                .containsEntry("ackCompany", "Loja Azul");
        stack.clock().advance(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void detractor_isAcknowledgedAfterTheDelay_once_evenWhenTheWebhookComesTwice_andTheOptOutGetChangesNothing() throws Exception {
        String address = "helena.prado@example.com";
        byte[] body = detractor("Helena Prado", address);
        post(body);
        post(body);
        String caseId = caseOf("Helena Prado");

        stack.runSchedule("SlaCheckFunction");
        assertThat(acknowledgementsTo(address)).as("not before the delay").isEmpty();
        assertThat(admin.get("/console/cases/" + caseId).body()).contains("An automatic acknowledgement goes to the customer");

        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");

        Outbox.Message ack = acknowledgementsTo(address).getFirst();
        assertThat(acknowledgementsTo(address)).hasSize(1);
        assertThat(ack.text()).startsWith("Hello Helena,").contains("Ana Souza is looking into it").contains("The Loja Azul team");
        assertThat(ack.html()).doesNotContain("<script");
        assertThat(ack.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(admin.get("/console/cases/" + caseId).body()).contains("Acknowledgement sent to the customer")
                .doesNotContain("An automatic acknowledgement goes to the customer");

        String optOut = optOutLink(ack);
        Set<String> before = table();
        HttpResponse<String> shown = get(optOut);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Send me no more emails");
        assertThat(get(optOut).statusCode()).isEqualTo(200);
        assertThat(table()).as("a mail scanner's GETs change nothing").isEqualTo(before);

        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        assertThat(acknowledgementsTo(address)).as("sent once, whatever runs later").hasSize(1);
    }

    @Test
    void promoter_opensNoCase_isAcknowledgedAfterItsDelay_once_evenWhenTheWebhookComesTwice_andTheOptOutGetChangesNothing() throws Exception {
        String address = "rita.lopes@example.com";
        byte[] body = promoter("Rita Lopes", address);
        post(body);
        post(body);

        assertThat(ROW.matcher(admin.get("/console/cases?list=teams&q=Rita").body()).find()).as("no rule opens a case for a promoter").isFalse();
        assertThat(acknowledgementItems()).as("queued once, with its own due entry").singleElement()
                .satisfies(item -> assertThat(item).containsEntry("st", "PENDING").containsKey("gsi3pk"));
        stack.runSchedule("SlaCheckFunction");
        assertThat(promoterThanksTo(address)).as("not before the delay").isEmpty();
        long acknowledgedBefore = kpis().path("contact").path("acknowledged").asLong();

        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(kpis().path("contact").path("acknowledged").asLong()).as("counted once sent").isEqualTo(acknowledgedBefore + 1);
        assertThat(admin.get("/console/dashboard?campaignId=demo-nps&days=7").body())
                .contains("<dd id=\"acknowledged\">" + (acknowledgedBefore + 1) + "</dd>");

        assertThat(promoterThanksTo(address)).singleElement().satisfies(ack -> {
            assertThat(ack.text()).startsWith("Hello Rita,").contains("Thank you for your kind words").contains("The Loja Azul team");
            assertThat(ack.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        });
        assertThat(acknowledgementItems()).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("st", "SENT").doesNotContainKey("gsi3pk").doesNotContainKey("fail"));

        String optOut = optOutLink(promoterThanksTo(address).getFirst());
        Set<String> before = table();
        assertThat(get(optOut).statusCode()).isEqualTo(200);
        assertThat(table()).as("a mail scanner's GET changes nothing").isEqualTo(before);

        post(body);
        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        assertThat(promoterThanksTo(address)).as("one per response, ever").hasSize(1);
    }

    @Test
    void customerOptsOut_withOneClick_andTheNextAcknowledgementIsNotSent_andTheCaseSaysWhy() throws Exception {
        String address = "igor.matos@example.com";
        post(detractor("Igor Matos", address));
        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        String optOut = optOutLink(acknowledgementsTo(address).getFirst());
        String first = caseOf("Igor Matos");

        HttpResponse<String> applied = HTTP.send(HttpRequest.newBuilder(URI.create(optOut)).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).contains("You will get no more emails from us");
        assertThat(table()).anyMatch(item -> item.startsWith("SUPPRESS#"));

        post(detractor("Igor Matos", address, 2));
        String second = otherCaseOf("Igor Matos", first);
        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");

        assertThat(acknowledgementsTo(address)).hasSize(1);
        assertThat(admin.get("/console/cases/" + second).body()).contains("The acknowledgement to the customer was not sent")
                .contains("The customer unsubscribed from our emails.");
        String tampered = optOut.substring(0, optOut.length() - 2) + (optOut.endsWith("A") ? "BB" : "AA");
        assertThat(get(tampered).statusCode()).isEqualTo(404);
        assertThat(get(tampered).body()).contains("This link cannot be opened");
    }

    @Test
    void responderWritesFromTheCasePage_beforeTheDelay_theMessageReplacesTheAcknowledgement_withReplyToTheResponder() throws Exception {
        String address = "tomas.ribeiro@example.com";
        post(detractor("Tomás Ribeiro", address));
        String caseId = caseOf("Tomás Ribeiro");
        Map<String, String> email = admin.get("/console/cases/" + caseId).form("email");
        email.put("subject", "About your delivery");
        email.put("message", "Dear Tomás,\n\nI am sorry about the delay. <b>A new parcel</b> left today.\n\nAlex");
        long messagesBefore = kpis().path("contact").path("customerMessages").asLong();

        assertThat(admin.post("/console/cases/" + caseId + "/email", email).status()).isEqualTo(303);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        List<Outbox.Message> toCustomer = stack.outbox().messages().stream().filter(m -> m.to().equals(address)).toList();
        assertThat(toCustomer).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("About your delivery");
            assertThat(m.replyTo()).isEqualTo(DemoConfiguration.ADMIN_EMAIL);
            assertThat(m.text()).contains("I am sorry about the delay. <b>A new parcel</b> left today.").contains("You can answer this email directly.");
            assertThat(m.html()).contains("&lt;b&gt;A new parcel&lt;/b&gt;").doesNotContain("<b>A new parcel");
            assertThat(m.headers()).containsKey("List-Unsubscribe");
        });
        String page = admin.get("/console/cases/" + caseId).body();
        assertThat(kpis().path("contact").path("customerMessages").asLong()).isEqualTo(messagesBefore + 1);
        assertThat(page).contains("Wrote to the customer: About your delivery").contains("This message replaces the automatic acknowledgement.")
                .contains("Message sent to the customer").contains("I am sorry about the delay.");

        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        assertThat(acknowledgementsTo(address)).isEmpty();
        JsonNode events = apiCase(caseId).path("activities");
        assertThat(events.toString()).contains(ActivityType.CUSTOMER_CONTACTED.name());
    }

    @Test
    void responderPicksAReplyTemplate_theFormIsFilledForThisCustomer_theEditedMessageGoesOut_andTheConsoleFormKeepsTheTemplates()
            throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode campaign = (com.fasterxml.jackson.databind.node.ObjectNode) admin("GET",
                "/admin/campaigns/demo-nps", null, null).body();
        long version = campaign.remove("version").asLong();
        campaign.remove("id");
        var templates = campaign.putArray("replyTemplates");
        templates.addObject().put("id", "late-delivery").put("name", "Late delivery").put("locale", "en")
                .put("subject", "About your order, {firstName}")
                .put("body", "Hello {firstName},\n\nI am sorry your order was late. I am {owner}, and I will follow it myself.\n\nThe {company} team");
        templates.addObject().put("id", "retard").put("name", "Retard de livraison").put("locale", "fr")
                .put("subject", "Votre commande").put("body", "Bonjour {firstName},\n\n{owner}");
        assertThat(admin("PUT", "/admin/campaigns/demo-nps", campaign, version).status()).isEqualTo(200);
        stack.clock().advance(Duration.ofSeconds(3));
        String address = "joana.dias@example.com";
        post(detractor("Joana Dias", address));
        String caseId = caseOf("Joana Dias");

        assertThat(admin.get("/console/cases/" + caseId).body()).contains("<select id=\"reply\" name=\"reply\">")
                .contains("Late delivery (EN)").contains("Retard de livraison (FR)");
        Set<String> before = table();
        Map<String, String> email = admin.get("/console/cases/" + caseId + "?reply=late-delivery").form("email");
        assertThat(table()).as("picking a template is a GET: it changes nothing").isEqualTo(before);
        assertThat(email).containsEntry("subject", "About your order, Joana");
        assertThat(email.get("message")).startsWith("Hello Joana,").contains("I am Ana Souza, and I will follow it myself.")
                .contains("The Loja Azul team");
        email.put("message", email.get("message") + "\n\nPS: a new parcel left today.");

        assertThat(admin.post("/console/cases/" + caseId + "/email", email).status()).isEqualTo(303);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(stack.outbox().messages()).filteredOn(m -> m.to().equals(address) && m.subject().equals("About your order, Joana"))
                .singleElement().satisfies(m -> assertThat(m.text()).contains("I am Ana Souza").contains("PS: a new parcel left today."));

        Map<String, String> form = admin.get("/console/admin/campaigns/demo-nps").form("campaign");
        assertThat(admin.post("/console/admin/campaigns/demo-nps", form).status()).isEqualTo(303);
        assertThat(admin("GET", "/admin/campaigns/demo-nps", null, null).body().path("replyTemplates").size())
                .as("saving the console's campaign form keeps the templates").isEqualTo(2);
    }

    @Test
    void sesBounce_suppressesTheAddress_showsOnTheCase_andTheNextAcknowledgementIsNotSent() throws Exception {
        String address = "quim.barros@example.com";
        post(detractor("Quim Barros", address));
        String caseId = caseOf("Quim Barros");
        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        assertThat(acknowledgementsTo(address)).hasSize(1);
        byte[] bounce = Files.readString(Project.root().resolve("events/ses-email-bounced.json"))
                .replace("mariana.costa@example.com", address).replace("CASE_ID", caseId).getBytes(StandardCharsets.UTF_8);

        JsonNode outcome = Json.tree(stack.invoke("MailEventsFunction", bounce));
        JsonNode again = Json.tree(stack.invoke("MailEventsFunction", bounce));

        assertThat(outcome.path("suppressed").asInt()).isEqualTo(1);
        assertThat(outcome.path("caseMarked").asBoolean()).isTrue();
        assertThat(again.path("caseMarked").asBoolean()).as("SES may report a bounce twice: the case says it once").isFalse();
        assertThat(admin.get("/console/cases/" + caseId).body()).contains("The customer's address bounced: no more email goes to it");

        post(detractor("Quim Barros", address, 2));
        afterTheDelay();
        stack.runSchedule("SlaCheckFunction");
        assertThat(acknowledgementsTo(address)).hasSize(1);
    }

    /** The demo's sample as a promoter's answer (NPS 10), which no demo rule opens a case for. */
    private static byte[] promoter(String name, String address) throws java.io.IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(detractor(name, address));
        tree.putObject("score").put("type", "NPS").put("value", 10);
        tree.put("comment", "Quick delivery, friendly people.");
        return Json.bytes(tree);
    }

    /** The demo's detractor sample from another customer, with a response id of its own. */
    private static byte[] detractor(String name, String address) {
        return detractor(name, address, 1);
    }

    private static byte[] detractor(String name, String address, int answer) {
        try {
            String sample = Files.readString(Project.root().resolve("events/webhook-generic-detractor.json"))
                    .replace("Mariana Costa", name).replace("mariana.costa@example.com", address);
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(sample.getBytes(StandardCharsets.UTF_8));
            tree.put("id", "mail-" + address + "-" + answer);
            tree.put("submittedAt", stack.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            return Json.bytes(tree);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void post(byte[] body) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/" + DemoConfiguration.SOURCE_ID))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSigner.headers(WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET, body, stack.clock().instant(),
                "msg_" + UUID.randomUUID().toString().replace("-", "")).forEach((name, value) -> {
                    if (!name.equals("content-type")) {
                        post.header(name, value);
                    }
                });
        assertThat(HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("accepted, or a duplicate").isIn(200, 202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
    }

    private static String caseOf(String customer) throws Exception {
        Matcher row = ROW.matcher(admin.get("/console/cases?list=teams&q=" + java.net.URLEncoder.encode(customer, StandardCharsets.UTF_8)).body());
        assertThat(row.find()).as("the case of %s", customer).isTrue();
        return row.group(1);
    }

    private static String otherCaseOf(String customer, String known) throws Exception {
        Matcher row = ROW.matcher(admin.get("/console/cases?list=teams&q=" + java.net.URLEncoder.encode(customer, StandardCharsets.UTF_8)).body());
        while (row.find()) {
            if (!row.group(1).equals(known)) {
                return row.group(1);
            }
        }
        throw new AssertionError("no second case of " + customer);
    }

    private static void afterTheDelay() throws InterruptedException {
        stack.clock().advance(AFTER_THE_DELAY);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
    }

    private static List<Outbox.Message> acknowledgementsTo(String address) {
        return stack.outbox().messages().stream().filter(m -> m.to().equals(address) && m.subject().equals(ACK_SUBJECT)).toList();
    }

    private static List<Outbox.Message> promoterThanksTo(String address) {
        return stack.outbox().messages().stream().filter(m -> m.to().equals(address) && m.subject().equals("Thank you!")).toList();
    }

    /** The acknowledgement items of responses with no case, each as attribute name → its value as text. */
    private static List<Map<String, String>> acknowledgementItems() {
        List<Map<String, String>> items = new java.util.ArrayList<>();
        for (Map<String, AttributeValue> item : stack.dynamo().scanPaginator(r -> r.tableName(LocalStack.TABLE)).items()) {
            if (item.get("pk").s().startsWith("ACK#")) {
                Map<String, String> values = new java.util.TreeMap<>();
                item.forEach((name, value) -> values.put(name, value.s() != null ? value.s() : String.valueOf(value.n())));
                items.add(values);
            }
        }
        return items;
    }

    private static String optOutLink(Outbox.Message message) {
        Matcher link = OPT_OUT.matcher(message.headers().get("List-Unsubscribe"));
        assertThat(link.matches()).as(message.headers().toString()).isTrue();
        assertThat(message.text()).contains(link.group(1));
        assertThat(message.html()).contains("href=\"" + link.group(1) + "\"");
        return link.group(1);
    }

    /** Every item of the table, keys and attributes, as text: what a GET must leave exactly as it was. */
    private static Set<String> table() {
        Set<String> items = new TreeSet<>();
        for (Map<String, AttributeValue> item : stack.dynamo().scanPaginator(r -> r.tableName(LocalStack.TABLE)).items()) {
            items.add(item.get("pk").s() + "|" + item.get("sk").s() + "|" + new java.util.TreeMap<>(item));
        }
        return items;
    }

    private static JsonNode apiCase(String caseId) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/cases/" + caseId))
                .header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.tree(answer.body().getBytes());
    }

    private record ApiAnswer(int status, JsonNode body) {}

    private static ApiAnswer admin(String method, String path, JsonNode body, Long ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (ifMatch != null) {
            request.header("if-match", "\"" + ifMatch + "\"");
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ApiAnswer(answer.statusCode(), answer.body().isEmpty() ? null : Json.tree(answer.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode kpis() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(stack.clock().instant(), java.time.ZoneOffset.UTC);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/kpis?campaignId=demo-nps&from="
                + today.minusDays(1) + "&to=" + today.plusDays(1))).header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.tree(answer.body().getBytes());
    }

    private static HttpResponse<String> get(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
