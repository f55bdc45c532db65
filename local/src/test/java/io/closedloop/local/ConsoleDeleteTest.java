package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.SeedPlans;
import io.closedloop.json.Json;
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
 * Deleting configuration from the console over HTTP on the local stack: the confirmation names what still uses the
 * entry (with links) and offers no button then; an action plan followed by open cases is refused on the page and in
 * the admin API alike until they close; a confirmation older than the entry is a conflict; only an admin deletes.
 */
class ConsoleDeleteTest {

    private static final String PLAN = "/console/admin/action-plans/" + SeedPlans.RESOLUTION_FOR_DETRACTORS;
    private static final Pattern ROW = Pattern.compile("<li class=\"row\" data-case=\"([^\"]+)\">");
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
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void planFollowedByAnOpenCase_isRefusedOnThePageAndInTheApi_untilTheCaseCloses() throws Exception {
        ConsoleUser.postDetractor(stack, "Dora Delete");
        String caseId = caseOf("Dora Delete");

        Page referenced = admin.get(PLAN + "/delete");
        assertThat(referenced.status()).isEqualTo(200);
        assertThat(referenced.body()).contains("It cannot be deleted while it is in use")
                .contains("<a href=\"/console/admin/campaigns/demo-nps\">campaign Demo NPS survey</a>")
                .contains("1 open case(s) follow it").doesNotContain("id=\"confirm-delete\"");
        assertThat(admin.get(PLAN).body()).contains("href=\"" + PLAN + "/delete\"");

        createPlan("call-back", "Call back");
        Map<String, String> campaign = admin.get("/console/admin/campaigns/demo-nps").form("campaign");
        campaign.put("actionPlanId", "call-back");
        assertThat(admin.post("/console/admin/campaigns/demo-nps", campaign).status()).isEqualTo(303);

        Page followed = admin.get(PLAN + "/delete");
        assertThat(followed.body()).doesNotContain("campaign Demo NPS survey").contains("1 open case(s) follow it")
                .doesNotContain("id=\"confirm-delete\"");
        Page forced = admin.post(PLAN + "/delete", "csrf", csrf(), "version", "1");
        assertThat(forced.status()).isEqualTo(409);
        assertThat(forced.body()).contains("1 open case(s) follow it");
        HttpResponse<String> api = api("DELETE", "/admin/action-plans/" + SeedPlans.RESOLUTION_FOR_DETRACTORS);
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(Json.tree(api.body().getBytes()).path("type").asText()).endsWith("/in-use");
        assertThat(Json.tree(api.body().getBytes()).path("detail").asText()).contains("is followed by 1 open case(s)");

        Map<String, String> close = admin.get("/console/cases/" + caseId).form("close");
        close.put("exitStateId", SeedPlans.CLOSED);
        assertThat(admin.post("/console/cases/" + caseId + "/close", close).status()).isEqualTo(303);
        assertThat(stack.awaitStreamIdle(Duration.ofSeconds(30))).isTrue();

        Page confirm = admin.get(PLAN + "/delete");
        assertThat(confirm.body()).doesNotContain("in use").contains("with all its versions");
        Page deleted = admin.post(PLAN + "/delete", confirm.form("delete"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).isEqualTo(PLAN + "/deleted");
        assertThat(admin.get(deleted.location()).body()).contains("Deleted: action plan " + SeedPlans.RESOLUTION_FOR_DETRACTORS);
        assertThat(admin.get("/console/admin/action-plans").body()).doesNotContain("data-plan=\"" + SeedPlans.RESOLUTION_FOR_DETRACTORS + "\"")
                .contains("data-plan=\"call-back\"");
        assertThat(admin.get(PLAN).status()).isEqualTo(404);
        assertThat(api("GET", "/admin/action-plans/" + SeedPlans.RESOLUTION_FOR_DETRACTORS).statusCode()).isEqualTo(404);
        assertThat(admin.get("/console/cases/" + caseId).status()).as("the closed case still shows").isEqualTo(200);
    }

    @Test
    void staleConfirmation_isAConflict_showingTheCurrentVersion_andNothingIsDeleted() {
        String cause = "/console/admin/root-causes/product-price";
        Page confirm = admin.get(cause + "/delete");
        Map<String, String> stale = confirm.form("delete");
        Map<String, String> edit = admin.get(cause).form("cause");
        edit.put("name", "Price too high");
        assertThat(admin.post(cause, edit).status()).isEqualTo(303);

        Page conflict = admin.post(cause + "/delete", stale);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("Not deleted: another admin changed it").contains("root cause Price too high");
        assertThat(admin.get(cause).status()).isEqualTo(200);
        Page again = admin.post(cause + "/delete", conflict.form("delete"));
        assertThat(again.status()).isEqualTo(303);
        assertThat(admin.get("/console/admin/root-causes").body()).doesNotContain("Price too high");
    }

    @Test
    void referencedEntry_namesEachReferrerOnce_withItsLink() {
        Page team = admin.get("/console/admin/teams/support/delete");

        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains("<a href=\"/console/admin/people/ana\">person Ana Souza</a>")
                .contains("<a href=\"/console/admin/people/louis\">person Louis Martin</a>").doesNotContain("id=\"confirm-delete\"");
        assertThat(count(team.body(), "person Ana Souza")).isEqualTo(1);
        assertThat(admin.post("/console/admin/teams/support/delete", "csrf", csrf(), "version", "1").status()).isEqualTo(409);
        assertThat(admin.get("/console/admin/teams/support").status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdmin_deletes_andNeverWithoutTheFormToken() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);

        assertThat(marc.get("/console/admin/root-causes/service-attitude/delete").status()).isEqualTo(403);
        assertThat(marc.post("/console/admin/root-causes/service-attitude/delete", "csrf", marc.get("/console/cases").input("csrf"), "version", "1")
                .status()).isEqualTo(403);
        assertThat(admin.post("/console/admin/root-causes/service-attitude/delete", "csrf", "forged", "version", "1").status()).isEqualTo(403);
        assertThat(admin.get("/console/admin/root-causes/service-attitude").status()).isEqualTo(200);
        assertThat(admin.get("/console/admin/root-causes/no-such-cause/delete").status()).isEqualTo(404);
    }

    private static void createPlan(String id, String name) {
        Map<String, String> form = admin.get("/console/admin/action-plans/new").form("plan");
        form.put("id", id);
        form.put("name", name);
        form.put("actions[0].name", "Call the customer");
        form.put("actions[0].statuses[0].name", "Reached");
        form.put("actions[0].statuses[0].closesAction", "yes");
        assertThat(admin.post("/console/admin/action-plans/new", form).status()).isEqualTo(303);
    }

    private static String caseOf(String customer) {
        Matcher row = ROW.matcher(admin.get("/console/cases?list=teams&q=" + customer.replace(' ', '+')).body());
        assertThat(row.find()).as("the case of %s", customer).isTrue();
        return row.group(1);
    }

    private static String csrf() {
        return admin.get("/console/cases").input("csrf");
    }

    private static HttpResponse<String> api(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)).header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String body, String text) {
        return body.split(Pattern.quote(text), -1).length - 1;
    }
}
