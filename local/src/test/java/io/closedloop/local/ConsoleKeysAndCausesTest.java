package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The keys page and the root-cause pages over HTTP on the local stack: an API key made on the page is shown once and
 * works on the API until it is revoked; a link key rotates in and the old one is retired, never the one that signs;
 * the two-level root-cause taxonomy is edited with the admin API's rules; only an admin gets any of it.
 */
class ConsoleKeysAndCausesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern KEY = Pattern.compile("<code id=\"key-value\">([^<]+)</code>");

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
    void apiKey_madeOnThePage_isShownOnce_worksOnTheApi_untilRevoked() throws Exception {
        Map<String, String> form = admin.get("/console/admin/keys").form("new-key");
        assertThat(form).containsEntry("scope.CASES_READ", "yes").doesNotContainKey("scope.ADMIN");
        form.put("name", "CRM sync");
        form.put("campaign." + DemoConfiguration.CAMPAIGN_ID, "yes");

        Page shown = admin.post("/console/admin/keys/api/new", form);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("cache-control")).isEqualTo("no-store");
        Matcher key = KEY.matcher(shown.body());
        assertThat(key.find()).isTrue();
        assertThat(api("/api/cases", key.group(1))).isEqualTo(200);
        assertThat(api("/admin/campaigns", key.group(1))).as("a key without ADMIN").isEqualTo(403);
        Page keys = admin.get("/console/admin/keys");
        assertThat(keys.body()).contains("CRM sync").contains("Read cases · Demo NPS survey").doesNotContain(key.group(1));
        String keyId = key.group(1).split("_")[1];
        Map<String, String> revoke = keys.form("revoke-" + keyId);

        Page revoked = admin.post("/console/admin/keys/api/" + keyId + "/revoke", revoke);

        assertThat(revoked.status()).isEqualTo(303);
        assertThat(admin.get(revoked.location()).body()).contains("The key is revoked.").contains("Revoked");
        stack.clock().advance(Duration.ofSeconds(3));
        assertThat(api("/api/cases", key.group(1))).isEqualTo(401);
        assertThat(admin.post("/console/admin/keys/api/" + keyId + "/revoke", revoke).status()).as("the version shown is gone").isEqualTo(409);
    }

    @Test
    void newKeyForm_refusedWithoutAScope_keepsWhatWasTyped() {
        Map<String, String> form = admin.get("/console/admin/keys").form("new-key");
        form.remove("scope.CASES_READ");
        form.put("name", "Nothing allowed");

        Page refused = admin.post("/console/admin/keys/api/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"scopes-error\">Tick at least one thing the key may do.").contains("value=\"Nothing allowed\"")
                .doesNotContain("key-value");
    }

    @Test
    void linkKey_rotatesIn_andOnlyAKeyThatNoLongerSignsIsRetired() {
        ConsoleUser rotator = new ConsoleUser(stack);
        assertThat(rotator.signIn(DemoConfiguration.ADMIN_EMAIL).status()).isEqualTo(303);
        Page before = rotator.get("/console/admin/keys");
        assertThat(before.body()).contains("Signs new links and sessions").doesNotContain("id=\"retire-");

        assertThat(rotator.post("/console/admin/keys/link/rotate", "csrf", before.input("csrf")).status()).isEqualTo(303);

        Page after = rotator.get("/console/admin/keys?done=rotated");
        assertThat(after.body()).contains("A new link key signs from now on").contains("Verifies the links it signed");
        Matcher retire = Pattern.compile("id=\"retire-([^\"]+)\"").matcher(after.body());
        assertThat(retire.find()).isTrue();
        Matcher signing = Pattern.compile("data-link-key=\"([^\"]+)\" data-signing=\"true\"").matcher(after.body());
        assertThat(signing.find()).isTrue();
        Page refused = rotator.post("/console/admin/keys/link/" + signing.group(1) + "/retire", "csrf", after.input("csrf"), "version", "1");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("this key signs new links and sessions");
        Page retired = rotator.post("/console/admin/keys/link/" + retire.group(1) + "/retire", after.form("retire-" + retire.group(1)));
        assertThat(retired.status()).isEqualTo(303);
        assertThat(rotator.get(retired.location()).body()).contains("The link key is retired").contains("Retired");
    }

    @Test
    void rootCauses_areTwoLevels_andACauseGoesUnderACategory() {
        Page list = admin.get("/console/admin/root-causes");
        assertThat(list.body()).contains("data-cause=\"delivery\"").contains("Late delivery").contains("Damaged parcel");
        Map<String, String> form = admin.get("/console/admin/root-causes/new").form("cause");
        assertThat(form).containsEntry("parentId", "");
        form.put("id", "delivery-lost");
        form.put("name", "Lost parcel");
        form.put("parentId", "delivery");

        Page saved = admin.post("/console/admin/root-causes/new", form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Lost parcel is saved.").contains("Lost parcel");
        form.put("id", "too-deep");
        form.put("parentId", "delivery-lost");
        Page refused = admin.post("/console/admin/root-causes/new", form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"parentId-error\">Choose a category");
    }

    @Test
    void settings_listEveryConfigurationPage_andOnlyAnAdminIsLinkedToThem() {
        Page settings = admin.get("/console/admin");

        assertThat(settings.status()).isEqualTo(200);
        for (String page : new String[] {"people", "teams", "keys", "campaigns", "sources", "action-plans", "sla-policies", "calendars",
                "root-causes"}) {
            assertThat(settings.body()).contains("href=\"/console/admin/" + page + "\"");
            assertThat(admin.get("/console/admin/" + page).status()).as(page).isEqualTo(200);
        }
        ConsoleUser ana = new ConsoleUser(stack);
        assertThat(ana.signIn("ana@closedloop.local").status()).isEqualTo(303);
        assertThat(ana.get("/console/cases").body()).doesNotContain("href=\"/console/admin\"");
        assertThat(ana.get("/console/admin").status()).isEqualTo(403);
    }

    @Test
    void nonAdmins_cannotReachKeysOrRootCauses() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        assertThat(marc.get("/console/admin/keys").status()).isEqualTo(403);
        assertThat(marc.get("/console/admin/root-causes").status()).isEqualTo(403);
        Page refused = marc.post("/console/admin/keys/api/new", "csrf", csrf, "name", "Marc's", "scope.ADMIN", "yes");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("key-value");
        assertThat(marc.post("/console/admin/keys/link/rotate", "csrf", csrf).status()).isEqualTo(403);
    }

    private static int api(String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).header("authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
