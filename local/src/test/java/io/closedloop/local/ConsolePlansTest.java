package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.SeedPlans;
import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action plan pages over HTTP on the local stack (seed 000): an admin edits the demo plan through its form, which
 * saves the plan's next version; a case opened before keeps the actions it started with and a new case gets the new
 * ones. A refused plan comes back as typed with each bad row named; an edit over a newer version is a conflict.
 */
class ConsolePlansTest {

    private static final String PLAN = "/console/admin/action-plans/" + SeedPlans.RESOLUTION_FOR_DETRACTORS;
    private static final Pattern ROW = Pattern.compile("<li class=\"row\" data-case=\"([^\"]+)\">");

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

    private static String caseOf(String customer) {
        Matcher row = ROW.matcher(admin.get("/console/cases?list=teams&q=" + customer.replace(' ', '+')).body());
        assertThat(row.find()).as("the case of %s", customer).isTrue();
        return row.group(1);
    }

    @Test
    void editedPlan_isTheNextVersion_newCasesOfferItsActions_openCasesKeepTheirs() {
        ConsoleUser.postDetractor(stack, "Olga Before");
        Page edit = admin.get(PLAN);
        Map<String, String> form = edit.form("plan");
        assertThat(form).containsEntry("actions[0].name", "Send an email").containsEntry("actions[1].closesPlan", "OPERATOR_CHOOSES")
                .containsEntry("actions[1].statuses[0].closesAction", "yes").containsEntry("exitStates[2].name", "Closed")
                .containsEntry("exitStates[2].resolved", "yes").doesNotContainKey("exitStates[0].resolved")
                .containsEntry("actions[2].name", "");
        form.put("actions[2].name", "Send a gift card");
        form.put("actions[2].statuses[0].name", "Gift card sent");
        form.put("actions[2].statuses[0].closesAction", "yes");

        Page saved = admin.post(PLAN, form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Resolution for detractors is saved as version 2.")
                .contains("3 action(s), 3 exit state(s)").contains("used by Demo NPS survey");
        ConsoleUser.postDetractor(stack, "Nils After");
        assertThat(admin.get("/console/cases/" + caseOf("Olga Before")).body()).contains("Call the customer").doesNotContain("Send a gift card");
        assertThat(admin.get("/console/cases/" + caseOf("Nils After")).body()).contains("Call the customer").contains("Send a gift card")
                .contains("Gift card sent");
        assertThat(admin.get(PLAN).form("plan")).containsEntry("version", "2").containsEntry("exitStates[2].resolved", "yes")
                .containsEntry("actions[2].id", "send-a-gift-card")
                .containsEntry("actions[2].statuses[0].id", "gift-card-sent");
    }

    @Test
    void refusedPlan_isShownAsTyped_withEachBadRowNamed_andStoresNothing() {
        Map<String, String> form = admin.get("/console/admin/action-plans/new").form("plan");
        form.put("name", "Win back");
        form.put("actions[0].name", "Offer a discount");
        form.put("actions[0].closesPlan", "YES");
        form.put("actions[0].statuses[0].name", "Offered");
        form.put("actions[1].description", "a row with no name");
        form.put("actions[1].statuses[0].name", "Done");

        Page refused = admin.post("/console/admin/action-plans/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-errors\"")
                .contains("none of its statuses completes it")
                .contains("add at least one exit state")
                .contains("Name this action")
                .contains("value=\"Offer a discount\"").contains("value=\"Offered\"").contains("<option value=\"YES\" selected>");
        assertThat(admin.get("/console/admin/action-plans").body()).doesNotContain("Win back");
        assertThat(admin.get("/console/admin/action-plans/win-back").status()).isEqualTo(404);
    }

    @Test
    void newPlan_getsItsIdentifiersFromTheNames() {
        Map<String, String> form = admin.get("/console/admin/action-plans/new").form("plan");
        form.put("name", "Réponse rapide");
        form.put("actions[0].name", "Répondre par écrit");
        form.put("actions[0].statuses[0].name", "Envoyé");

        Page saved = admin.post("/console/admin/action-plans/new", form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo("/console/admin/action-plans?saved=reponse-rapide");
        assertThat(admin.get("/console/admin/action-plans/reponse-rapide").form("plan"))
                .containsEntry("actions[0].id", "repondre-par-ecrit").containsEntry("actions[0].statuses[0].id", "envoye");
    }

    @Test
    void secondEditOverANewerVersion_isAConflict_andOverwritesNothing() {
        Map<String, String> first = admin.get("/console/admin/action-plans/new").form("plan");
        first.put("name", "Escalate");
        first.put("actions[0].name", "Call the manager");
        first.put("actions[0].statuses[0].name", "Called");
        assertThat(admin.post("/console/admin/action-plans/new", first).status()).isEqualTo(303);
        Map<String, String> a = admin.get("/console/admin/action-plans/escalate").form("plan");
        Map<String, String> b = admin.get("/console/admin/action-plans/escalate").form("plan");
        a.put("actions[0].name", "Call the manager first");
        b.put("actions[0].name", "Call the director");

        Page won = admin.post("/console/admin/action-plans/escalate", a);
        Page conflict = admin.post("/console/admin/action-plans/escalate", b);

        assertThat(won.status()).isEqualTo(303);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"").contains("value=\"Call the manager first\"");
        assertThat(admin.get("/console/admin/action-plans/escalate").form("plan")).containsEntry("actions[0].name", "Call the manager first")
                .containsEntry("version", "2");
    }

    @Test
    void nonAdmins_cannotReadOrChangePlans() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        assertThat(marc.get("/console/admin/action-plans").status()).isEqualTo(403);
        assertThat(marc.post(PLAN, "csrf", csrf, "version", "1", "name", "Changed by Marc", "actions[0].name", "x",
                "actions[0].statuses[0].name", "y").status()).isEqualTo(403);
        assertThat(admin.get(PLAN).body()).doesNotContain("Changed by Marc");
    }
}
