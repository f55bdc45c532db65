package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign pages over HTTP on the local stack: the list shows each campaign's plan, SLA policy, goal and webhook
 * addresses; an admin adds and changes campaigns through the admin API's validation, with the goal typed as a
 * percentage and hours; a refused form comes back as typed with each bad field named.
 */
class ConsoleCampaignsTest {

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
    void list_showsEachCampaignsPlanGoalAndWebhookAddress() {
        Page list = admin.get("/console/admin/campaigns");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-campaign=\"" + DemoConfiguration.CAMPAIGN_ID + "\"").contains("Resolution for detractors")
                .contains("goal: 85 % resolved within")
                .contains("Webhook: " + stack.baseUrl() + "/webhooks/" + DemoConfiguration.SOURCE_ID + " · Closedloop (generic JSON)")
                .contains("href=\"/console/admin/sources/" + DemoConfiguration.SOURCE_ID + "\"");
    }

    @Test
    void admin_addsACampaign_thenChangesItsGoal() {
        Map<String, String> form = admin.get("/console/admin/campaigns/new").form("campaign");
        assertThat(form).containsEntry("goalPercent", "85").containsEntry("goalHours", "24").containsEntry("slaPolicyId", "");
        form.put("id", "spring-survey");
        form.put("name", "Spring survey");
        form.put("goalPercent", "90");
        form.put("goalHours", "48");

        Page saved = admin.post("/console/admin/campaigns/new", form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Spring survey is saved.").contains("goal: 90 % resolved within");
        Map<String, String> edit = admin.get("/console/admin/campaigns/spring-survey").form("campaign");
        assertThat(edit).containsEntry("goalPercent", "90").containsEntry("goalHours", "48").containsEntry("version", "1");
        edit.put("goalPercent", "92,5");
        assertThat(admin.post("/console/admin/campaigns/spring-survey", edit).status()).isEqualTo(303);
        assertThat(admin.get("/console/admin/campaigns/spring-survey").form("campaign")).containsEntry("goalPercent", "92.5")
                .containsEntry("version", "2");
    }

    @Test
    void refusedForm_namesEachBadField_asTyped_andStoresNothing() {
        Map<String, String> form = admin.get("/console/admin/campaigns/new").form("campaign");
        form.put("id", "broken");
        form.put("name", "Broken");
        form.put("goalPercent", "150");
        form.put("goalHours", "a day");

        Page refused = admin.post("/console/admin/campaigns/new", form);
        form.put("goalPercent", "80");
        form.put("goalHours", "24");
        form.put("actionPlanId", "no-such-plan");
        Page forged = admin.post("/console/admin/campaigns/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"goalPercent-error\">Enter a percentage from 1 to 100")
                .contains("id=\"goalHours-error\">Enter a whole number of hours").contains("value=\"a day\"").contains("value=\"150\"");
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.body()).contains("id=\"actionPlanId-error\">Choose a configured action plan.");
        assertThat(admin.get("/console/admin/campaigns/broken").status()).isEqualTo(404);
    }

    @Test
    void nonAdmins_cannotReadOrChangeCampaigns() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        assertThat(marc.get("/console/admin/campaigns").status()).isEqualTo(403);
        assertThat(marc.post("/console/admin/campaigns/" + DemoConfiguration.CAMPAIGN_ID, "csrf", csrf, "version", "1", "name", "Marc's",
                "actionPlanId", "resolution-for-detractors", "goalPercent", "10", "goalHours", "1").status()).isEqualTo(403);
        assertThat(admin.get("/console/admin/campaigns/" + DemoConfiguration.CAMPAIGN_ID).form("campaign")).containsEntry("name", "Demo NPS survey");
    }
}
