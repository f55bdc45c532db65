package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file page over HTTP on the local stack: the export holds every kind and no secret; importing the
 * export changes nothing; an import is previewed field by field before it applies, in one transaction; a file with a
 * broken reference is refused whole; a preview made stale by another change imports nothing. Only an admin gets any of it.
 */
class ConsoleConfigFileTest {

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

    private static final String NEW_TEAM_AND_RULE = """
            closedloop: 1
            teams:
              vip-desk:
                name: VIP desk
                memberIds: [carla, ana]
                leadId: carla
            rules:
              vip-detractors:
                name: VIP detractors go to the VIP desk
                campaignId: demo-nps
                priority: 500
                condition:
                  type: all
                  conditions:
                    - {type: category, categories: [DETRACTOR]}
                    - type: any
                      conditions:
                        - {type: attribute, name: segment, op: EQ, values: [vip]}
                        - {type: text, text: cancel my contract}
                outcome:
                  priority: HIGH
                  assignment: {type: roundRobin, teamId: vip-desk}
            campaigns:
              demo-nps:
                name: Demo NPS survey (imported)
                actionPlanId: resolution-for-detractors
                slaPolicyId: detractor-48h
                goal: {share: 0.85, within: PT24H}
            """;

    private static Page preview(String yaml) {
        return admin.postMultipart("/console/admin/configuration/preview", Map.of("csrf", csrf()), "file", "closedloop.yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String basisOf(Page preview) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-basis=\"([0-9a-f]+)\"").matcher(preview.body());
        assertThat(m.find()).as("a preview on the page").isTrue();
        return m.group(1);
    }

    private static String csrf() {
        return admin.get("/console/cases").input("csrf");
    }

    @Test
    void export_holdsEveryKind_andNoSecret_andImportingItChangesNothing() {
        Page file = admin.get("/console/admin/configuration.yaml");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment; filename=\"closedloop-configuration-"));
        assertThat(file.body()).contains("closedloop: 1").contains("calendars:").contains("root-causes:").contains("sla-policies:")
                .contains("action-plans:").contains("responders:").contains("teams:").contains("campaigns:").contains("sources:").contains("rules:")
                .contains("detractors:").contains("Resolution for detractors")
                .doesNotContain(DemoConfiguration.SOURCE_SECRET).doesNotContain("secrets:").doesNotContain("api-keys").doesNotContain("secretHash");
        Page again = preview(file.body());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("0 to add, 0 to change,").doesNotContain("id=\"apply\"");
    }

    @Test
    void import_isPreviewedFieldByField_thenAppliesWhatWasShown() {
        Page shown = preview(NEW_TEAM_AND_RULE);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("2 to add, 1 to change, 0 unchanged.").contains("data-entry=\"team/vip-desk\"")
                .contains("data-entry=\"rule/vip-detractors\"").contains("name: Demo NPS survey → Demo NPS survey (imported)");
        assertThat(admin.get("/console/admin/rules").body()).as("nothing before Import").doesNotContain("data-rule=\"vip-detractors\"");

        Page applied = admin.post("/console/admin/configuration/apply", "csrf", csrf(), "basis", shown.input("basis"), "yaml", NEW_TEAM_AND_RULE);

        assertThat(applied.status()).isEqualTo(303);
        assertThat(admin.get(applied.location()).body()).contains("Imported: 3 entries added or changed.");
        assertThat(admin.get("/console/admin/rules").body()).contains("data-rule=\"vip-detractors\"").contains("in turn within VIP desk")
                .contains("Demo NPS survey (imported)");
        assertThat(preview(NEW_TEAM_AND_RULE).body()).contains("0 to add, 0 to change, 3 unchanged.");
    }

    @Test
    void brokenReference_refusesTheWholeFile_andNamesEachProblem() {
        String yaml = """
                closedloop: 1
                calendars:
                  lisbon-office:
                    name: Lisbon office
                    zone: Europe/Lisbon
                rules:
                  to-nobody:
                    name: To nobody
                    campaignId: demo-nps
                    priority: 5
                    condition: {type: score, min: 0, max: 3}
                    outcome: {assignment: {type: fixed, responderId: no-such-person}}
                """;

        Page refused = preview(yaml);
        Page forced = admin.post("/console/admin/configuration/apply", "csrf", csrf(), "basis", basisOf(refused), "yaml", yaml);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing can be imported").contains("rules.to-nobody.outcome.assignment.responderId: unknown responder no-such-person")
                .doesNotContain("id=\"apply\"");
        assertThat(forced.status()).isEqualTo(422);
        assertThat(admin.get("/console/admin/calendars").body()).doesNotContain("lisbon-office");
    }

    @Test
    void stalePreview_importsNothing_andShowsThePreviewAsThingsAreNow() {
        String yaml = """
                closedloop: 1
                root-causes:
                  billing:
                    name: Billing
                """;
        Page shown = preview(yaml);
        assertThat(shown.body()).contains("1 to add");
        String other = """
                closedloop: 1
                root-causes:
                  shipping:
                    name: Shipping
                """;
        Page first = preview(other);
        assertThat(admin.post("/console/admin/configuration/apply", "csrf", csrf(), "basis", first.input("basis"), "yaml", other).status()).isEqualTo(303);

        Page stale = admin.post("/console/admin/configuration/apply", "csrf", csrf(), "basis", shown.input("basis"), "yaml", yaml);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("the configuration changed since the preview").contains("id=\"apply\"");
        assertThat(admin.get("/console/admin/root-causes").body()).contains("Shipping").doesNotContain("Billing");
    }

    @Test
    void unreadableFile_saysWhy_andResponderGetsNoneOfIt() {
        Page notYaml = preview("closedloop: 1\nrules: [unclosed");
        Page wrongSection = preview("closedloop: 1\napi-keys:\n  k: {name: x}\n");

        assertThat(notYaml.status()).isEqualTo(422);
        assertThat(notYaml.body()).contains("The file cannot be read: it is not YAML");
        assertThat(wrongSection.body()).contains("has an unknown section api-keys");
        ConsoleUser ana = new ConsoleUser(stack);
        assertThat(ana.signIn("ana@closedloop.local").status()).isEqualTo(303);
        assertThat(ana.get("/console/admin/configuration.yaml").status()).isEqualTo(403);
        assertThat(ana.get("/console/admin/configuration").status()).isEqualTo(403);
    }
}
