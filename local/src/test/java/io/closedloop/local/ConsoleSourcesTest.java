package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source pages over HTTP on the local stack: an admin adds a Typeform source, copies the secret shown once, and a
 * response signed with it opens a case; rotation keeps two secrets active, then the old one stops verifying; a refused
 * form names each bad field and never shows a secret back.
 */
class ConsoleSourcesTest {

    private static final Pattern SECRET = Pattern.compile("<code id=\"secret-value\">([^<]+)</code>");

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
    void admin_addsATypeformSource_andAResponseSignedWithTheSecretShownOnceOpensACase() throws Exception {
        Map<String, String> form = admin.get("/console/admin/sources/new").form("source");
        form.put("id", "typeform-nps");
        form.put("format", "TYPEFORM");
        form.put("scoreQuestion", "nps_score");
        form.put("commentQuestion", "nps_reason");
        form.put("respondent.name", "answer:first_name");
        form.put("attribute.0.name", "plan");
        form.put("attribute.0.reference", "hidden:plan");

        Page shown = admin.post("/console/admin/sources/new", form);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("cache-control")).isEqualTo("no-store");
        assertThat(shown.body()).contains("shown this once").contains(stack.baseUrl() + "/webhooks/typeform-nps").contains("In Typeform");
        String secret = secretOf(shown);
        assertThat(postTypeform("typeform-nps", secret, "Jonas Weber")).isEqualTo(202);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(admin.get("/console/cases?list=teams&q=Jonas").body()).contains("Jonas Weber").contains("export has been broken");
        Page page = admin.get("/console/admin/sources/typeform-nps");
        assertThat(page.body()).doesNotContain(secret).contains("Survey tool: Typeform.");
        assertThat(page.form("source")).containsEntry("scoreQuestion", "nps_score").containsEntry("respondent.name", "answer:first_name")
                .containsEntry("attribute.0.name", "plan").containsEntry("attribute.0.reference", "hidden:plan").containsEntry("enabled", "yes");
        assertThat(admin.get("/console/admin/sources").body()).contains("data-source=\"typeform-nps\"").contains("Active secrets: 1");
    }

    @Test
    void rotation_keepsTwoSecretsActive_thenTheRemovedOneIsRefused() throws Exception {
        String oldSecret = secretOf(admin.post("/console/admin/sources/new", newSource("rotating")));
        Map<String, String> add = admin.get("/console/admin/sources/rotating").form("add-secret");

        Page added = admin.post("/console/admin/sources/rotating/secrets", add);

        String newSecret = secretOf(added);
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(postTypeform("rotating", oldSecret, "Old Signer")).isEqualTo(202);
        assertThat(postTypeform("rotating", newSecret, "New Signer")).isEqualTo(202);
        Page page = admin.get("/console/admin/sources/rotating");
        Matcher oldId = Pattern.compile("<li data-secret=\"([^\"]+)\">").matcher(page.body());
        assertThat(oldId.find()).isTrue();
        Map<String, String> remove = page.form("remove-" + oldId.group(1));
        assertThat(admin.post("/console/admin/sources/rotating/secrets/" + oldId.group(1) + "/remove", remove).status()).isEqualTo(303);
        // The front door keeps a source for the configuration cache's time to live (2 s on the local stack)
        stack.clock().advance(Duration.ofSeconds(3));
        assertThat(postTypeform("rotating", oldSecret, "Old Signer")).isEqualTo(401);
        assertThat(postTypeform("rotating", newSecret, "New Signer Again")).isEqualTo(202);

        Page last = admin.get("/console/admin/sources/rotating");
        assertThat(last.body()).contains("Signing secrets").doesNotContain("id=\"remove-");
        String lastId = last.body().replaceAll("(?s).*<li data-secret=\"([^\"]+)\">.*", "$1");
        Page refused = admin.post("/console/admin/sources/rotating/secrets/" + lastId + "/remove", "csrf", last.input("csrf"), "version",
                last.input("version"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("last secret");
        assertThat(postTypeform("rotating", newSecret, "Still Accepted")).isEqualTo(202);
    }

    @Test
    void providerIssuedSecret_isPasted_andASecretThatDoesNotSuitTheFormatIsRefused() {
        Map<String, String> form = newSource("delighted-nps");
        form.put("format", "DELIGHTED");
        form.put("secret", "   ");

        Page created = admin.post("/console/admin/sources/new", form);

        assertThat(created.status()).isEqualTo(303);
        assertThat(created.location()).isEqualTo("/console/admin/sources/delighted-nps#secrets");
        Page page = admin.get("/console/admin/sources/delighted-nps");
        assertThat(page.body()).contains("No secret yet: every delivery is refused").contains("Paste the secret Delighted shows.");
        Map<String, String> add = page.form("add-secret");
        assertThat(admin.post("/console/admin/sources/delighted-nps/secrets", add).body())
                .contains("id=\"secret-error\">Paste the secret Delighted shows.");
        add.put("secret", "delighted-project-api-key-0042");
        Page pasted = admin.post("/console/admin/sources/delighted-nps/secrets", add);
        assertThat(pasted.status()).isEqualTo(303);
        assertThat(admin.get(pasted.location()).body()).contains("Source delighted-nps is saved.").doesNotContain("delighted-project-api-key-0042");

        Map<String, String> generic = newSource("generic-pasted");
        generic.put("format", "GENERIC");
        generic.put("secret", "not base64 at all!");
        Page refused = admin.post("/console/admin/sources/new", generic);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"secret-error\">This secret does not suit this survey tool").doesNotContain("not base64 at all!");
        assertThat(admin.get("/console/admin/sources/generic-pasted").status()).isEqualTo(404);
        Map<String, String> addToGeneric = admin.get("/console/admin/sources/" + DemoConfiguration.SOURCE_ID).form("add-secret");
        addToGeneric.put("secret", "not base64 at all!");
        Page refusedAdd = admin.post("/console/admin/sources/" + DemoConfiguration.SOURCE_ID + "/secrets", addToGeneric);
        assertThat(refusedAdd.status()).isEqualTo(422);
        assertThat(refusedAdd.body()).contains("id=\"secret-error\">This secret does not suit this survey tool").doesNotContain("not base64 at all!");
    }

    @Test
    void refusedForm_namesEachBadField_asTyped_inTheAdminsLanguage() {
        Map<String, String> form = newSource("broken");
        form.put("campaignId", "no-such-campaign");
        form.put("respondent.email", "cookie:email");
        form.put("attribute.0.name", "country");
        form.put("attribute.0.reference", "nowhere");

        Page refused = admin.post("/console/admin/sources/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"campaignId-error\">Choose a configured campaign.")
                .contains("id=\"respondent.email-error\">Write kind:name, with a kind Typeform has: answer, hidden, meta, variable.")
                .contains("value=\"cookie:email\"").contains("value=\"nowhere\"");
        assertThat(admin.get("/console/admin/sources/broken").status()).isEqualTo(404);
    }

    @Test
    void nonAdmins_cannotReadSourcesOrTouchTheirSecrets() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        assertThat(marc.get("/console/admin/sources").status()).isEqualTo(403);
        assertThat(marc.get("/console/admin/sources/" + DemoConfiguration.SOURCE_ID).status()).isEqualTo(403);
        Page refused = marc.post("/console/admin/sources/" + DemoConfiguration.SOURCE_ID + "/secrets", "csrf", csrf, "version", "1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("secret-value");
        assertThat(admin.get("/console/admin/sources").body()).contains("data-source=\"" + DemoConfiguration.SOURCE_ID + "\"");
    }

    private static Map<String, String> newSource(String id) {
        Map<String, String> form = admin.get("/console/admin/sources/new").form("source");
        form.put("id", id);
        form.put("format", "TYPEFORM");
        form.put("scoreQuestion", "nps_score");
        form.put("commentQuestion", "nps_reason");
        return form;
    }

    private static String secretOf(Page shown) {
        Matcher m = SECRET.matcher(shown.body());
        assertThat(m.find()).as("a secret shown on the page").isTrue();
        return m.group(1);
    }

    private static int postTypeform(String sourceId, String secret, String name) throws IOException, InterruptedException {
        return SignedWebhooks.typeform(stack, sourceId, secret, name, 2, "The export has been broken for two weeks and nobody answers our tickets.");
    }
}
