package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule pages over HTTP on the local stack: each campaign's rules in evaluation order, moved up and down; the
 * builder's AND / OR / NOT groups edited without JavaScript; the dry run on the latest stored responses (which match,
 * why, which rule wins now and with the draft) saving nothing; a saved rule deciding the next webhook's case; refusals
 * named on the condition's own line. Only an admin gets any of it.
 */
class ConsoleRulesTest {

    @TempDir
    static Path data;
    private static LocalStack stack;
    private static ConsoleUser admin;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        admin = new ConsoleUser(stack);
        assertThat(admin.signIn(DemoConfiguration.ADMIN_EMAIL).status()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void list_showsEachCampaignsRules_inTheOrderTheyAreTried_inWords() {
        Page list = admin.get("/console/admin/rules");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Demo NPS survey").contains("When NPS score in 0–6")
                .contains("Normal · by country · Detractors: first response within 48 h").contains("Opens no case: adds watchers only");
        assertThat(admin.get("/console/admin").body()).contains("href=\"/console/admin/rules\"");
    }

    @Test
    void moveUp_putsTheRuleFirst_andAStaleVersionMovesNothing() {
        Page list = admin.get("/console/admin/rules");
        String version = versionOf(list.body(), "promoters");

        Page moved = admin.post("/console/admin/rules/promoters/up", "csrf", csrf(admin), "version", version);
        Page again = admin.post("/console/admin/rules/promoters/down", "csrf", csrf(admin), "version", version);

        assertThat(moved.status()).isEqualTo(303);
        String after = admin.get(moved.location()).body();
        assertThat(after).contains("Saved “Promoters (NPS 9–10): invite to review”: it is tried ");
        assertThat(after.indexOf("data-rule=\"promoters\"")).isLessThan(after.indexOf("data-rule=\"detractors\""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Nothing moved");
        String restored = versionOf(after, "promoters");
        assertThat(admin.post("/console/admin/rules/promoters/down", "csrf", csrf(admin), "version", restored).status()).isEqualTo(303);
        String back = admin.get("/console/admin/rules").body();
        assertThat(back.indexOf("data-rule=\"detractors\"")).isLessThan(back.indexOf("data-rule=\"promoters\""));
    }

    @Test
    void builder_addsAndRemovesTestsAndGroups_byPostingTheForm_withNothingSaved() {
        Map<String, String> form = admin.get("/console/admin/rules/new").form("rule");
        assertThat(form).containsEntry("c.kind", "all").containsEntry("c.0.kind", "score").containsEntry("c.0.min", "0").containsEntry("c.0.max", "6");
        form.put("edit", "add:c");
        form.put("addKind.c", "any");

        Page withGroup = admin.post("/console/admin/rules/new", form);

        assertThat(withGroup.status()).isEqualTo(200);
        Map<String, String> grouped = withGroup.form("rule");
        assertThat(grouped).containsEntry("c.1.kind", "any").containsEntry("c.1.0.kind", "score");
        grouped.put("edit", "add:c.1");
        grouped.put("addKind.c.1", "attribute");
        Map<String, String> three = admin.post("/console/admin/rules/new", grouped).form("rule");
        assertThat(three).containsEntry("c.1.1.kind", "attribute").containsEntry("c.1.1.op", "EQ");
        three.put("edit", "remove:c.1.0");
        Map<String, String> removed = admin.post("/console/admin/rules/new", three).form("rule");
        assertThat(removed).containsEntry("c.1.0.kind", "attribute").doesNotContainKey("c.1.1.kind");
        assertThat(admin.get("/console/admin/rules").body()).doesNotContain("data-rule=\"draft");
    }

    @Test
    void dryRun_onTheLatestResponses_saysWhichMatchWhyAndWhoWins_andSavesNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(postResponse("dry-fr-refund", now.minusSeconds(3), 3, "FR", "I want a refund")).isEqualTo(202);
        assertThat(postResponse("dry-br-quiet", now.minusSeconds(2), 5, "BR", null)).isEqualTo(202);
        assertThat(postResponse("dry-fr-promoter", now.minusSeconds(1), 10, "FR", "Great")).isEqualTo(202);
        Map<String, String> form = draft("draft-fr", "French or angry detractors", "200");
        form.put("last", "3");
        form.put("edit", "try");

        Page tried = admin.post("/console/admin/rules/new", form);

        assertThat(tried.status()).isEqualTo(200);
        assertThat(tried.body()).contains("Tried on the latest 3 responses of Demo NPS survey: this rule matches 1, would win 1, and changes the winner of 1.")
                .contains("Case now: Detractors (NPS 0–6) open a case → with this rule: this rule")
                .contains("Case now: no case → with this rule: no case")
                .contains("<code>score 3 (NPS) is detractor</code>").contains("<code>any of: attribute country FR in [FR, BE]</code>");
        assertThat(count(tried.body(), "data-matches=\"true\"")).isEqualTo(1);
        assertThat(count(tried.body(), "data-changed=\"true\"")).isEqualTo(1);
        assertThat(tried.form("rule")).as("the form comes back as typed").containsEntry("c.1.0.values", "FR, BE").containsEntry("name", "French or angry detractors");
        assertThat(admin.get("/console/admin/rules").body()).doesNotContain("data-rule=\"draft-fr\"");
    }

    @Test
    void savedRule_withAnAndOrGroup_decidesTheNextWebhooksCase() throws Exception {
        Map<String, String> form = draft("pt-or-angry", "Portuguese or angry detractors go to Carla", "300");
        form.put("c.1.0.values", "PT, ES");
        form.put("c.1.1.text", "cancel");
        form.put("assignment", "fixed");
        form.put("responderId", "carla");
        form.put("casePriority", "HIGH");

        Page saved = admin.post("/console/admin/rules/new", form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Saved “Portuguese or angry detractors go to Carla”: it is tried 1 of ")
                .contains("When all of: NPS category in [detractor]; (any of: attribute country in [PT, ES]; comment contains ");
        Map<String, String> reread = admin.get("/console/admin/rules/pt-or-angry").form("rule");
        assertThat(reread).containsEntry("c.kind", "all").containsEntry("c.0.kind", "category").containsEntry("c.0.cat.DETRACTOR", "yes")
                .containsEntry("c.1.kind", "any").containsEntry("c.1.0.values", "PT, ES").containsEntry("c.1.1.text", "cancel")
                .containsEntry("responderId", "carla").containsEntry("casePriority", "HIGH");
        // The configuration cache lives 2 s on the local stack
        stack.clock().advance(Duration.ofSeconds(3));
        int before = stack.outbox().messages().size();
        // An hour old, so that it is never among the latest responses another test tries
        assertThat(postResponse("rule-pt-" + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600), 4, "PT", "Late again"))
                .isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(stack.outbox().messages().subList(before, stack.outbox().messages().size()))
                .anySatisfy(m -> assertThat(m.to()).isEqualTo("carla@closedloop.local"));
    }

    @Test
    void refusedDraft_namesTheBadTestOnItsOwnLine_asTyped() {
        Map<String, String> form = draft("bad-rule", "Bad", "50");
        form.put("c.0.kind", "score");
        form.remove("c.0.cat.DETRACTOR");
        form.put("c.0.min", "eleven");
        form.put("c.0.max", "6");
        form.put("assignment", "fixed");
        form.put("responderId", "");

        Page refused = admin.post("/console/admin/rules/new", form);
        form.put("c.0.min", "9");
        Page reversed = admin.post("/console/admin/rules/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"c.0-error\"").contains("Enter whole scores within the scale");
        assertThat(refused.form("rule")).containsEntry("c.0.min", "eleven");
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.body()).contains("id=\"c.0-error\"").contains("id=\"responderId-error\"").contains("Choose a person who has the right to respond.");
        assertThat(admin.get("/console/admin/rules/bad-rule").status()).isEqualTo(404);
    }

    @Test
    void responder_getsNoRulePage_andNoCommand() {
        ConsoleUser ana = new ConsoleUser(stack);
        assertThat(ana.signIn("ana@closedloop.local").status()).isEqualTo(303);

        assertThat(ana.get("/console/admin/rules").status()).isEqualTo(403);
        assertThat(ana.get("/console/admin/rules/detractors").status()).isEqualTo(403);
        assertThat(ana.post("/console/admin/rules/promoters/up", "csrf", csrf(ana), "version", "1").status()).isEqualTo(403);
        assertThat(ana.post("/console/admin/rules/new", "csrf", csrf(ana), "id", "x", "edit", "try").status()).isEqualTo(403);
    }

    /** A new rule's form filled in: detractors AND (country FR or BE OR "refund" in the comment), to Louis. */
    private static Map<String, String> draft(String id, String name, String priority) {
        Map<String, String> form = admin.get("/console/admin/rules/new").form("rule");
        form.put("id", id);
        form.put("name", name);
        form.put("campaignId", DemoConfiguration.CAMPAIGN_ID);
        form.put("priority", priority);
        form.put("c.0.kind", "category");
        form.remove("c.0.min");
        form.put("c.0.cat.DETRACTOR", "yes");
        form.put("c.0.scale", "NPS");
        form.put("c.1.kind", "any");
        form.put("c.1.0.kind", "attribute");
        form.put("c.1.0.attribute", "country");
        form.put("c.1.0.op", "IN");
        form.put("c.1.0.values", "FR, BE");
        form.put("c.1.1.kind", "text");
        form.put("c.1.1.text", "refund");
        form.put("assignment", "fixed");
        form.put("responderId", "louis");
        return form;
    }

    private static int postResponse(String id, Instant at, int score, String country, String comment) throws Exception {
        return SignedWebhooks.demo(stack, id, at, score, country, comment);
    }

    private static String versionOf(String list, String ruleId) {
        Matcher m = Pattern.compile("data-rule=\"" + Pattern.quote(ruleId) + "\".*?name=\"version\" value=\"([0-9]+)\"", Pattern.DOTALL).matcher(list);
        assertThat(m.find()).as("a move form of " + ruleId).isTrue();
        return m.group(1);
    }

    private static String csrf(ConsoleUser user) {
        return user.get("/console/cases").input("csrf");
    }

    private static int count(String body, String text) {
        return body.split(Pattern.quote(text), -1).length - 1;
    }
}
