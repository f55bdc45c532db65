package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work queue's lists over HTTP on the local stack: sorting, the CSV export of the list shown, and bulk changes
 * (each case its own conditional write: a case changed meanwhile is reported and the others still apply). Three
 * support-team detractors, all assigned to Ana by the demo rules; Marc manages the support team.
 */
class ConsoleListsTest {

    private static final Pattern PICK = Pattern.compile("name=\"pick\\.([^\"]+)\" value=\"([0-9]+)\"");
    private static final Pattern ROW = Pattern.compile("<li class=\"row\" data-case=\"([^\"]+)\">(.*?)</li>", Pattern.DOTALL);
    private static final String FORMULA_NAME = "=SUM(1+2)Eve";

    @TempDir
    static Path data;
    private static LocalStack stack;
    private static ConsoleUser marc;
    private static ConsoleUser ana;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        ConsoleUser.postDetractor(stack, "Ines Lindqvist");
        ConsoleUser.postDetractor(stack, "Jonas Weber");
        ConsoleUser.postDetractor(stack, FORMULA_NAME);
        marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        ana = new ConsoleUser(stack);
        assertThat(ana.signIn("ana@closedloop.local").status()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Map<String, String> picks(Page queue) {
        Map<String, String> picks = new LinkedHashMap<>();
        Matcher m = PICK.matcher(queue.body());
        while (m.find()) {
            picks.put(m.group(1), m.group(2));
        }
        return picks;
    }

    /** Each row's text (tags dropped) by case id, in the order shown. */
    private static Map<String, String> rows(Page queue) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(queue.body());
        while (m.find()) {
            rows.put(m.group(1), m.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        }
        return rows;
    }

    @Test
    void rowLink_showsTheCaseBesideTheList_andItsFormsLeadBackThere_neverElsewhere() {
        Page queue = marc.get("/console/cases?list=teams&q=ines");
        String caseId = rows(queue).keySet().iterator().next();
        String beside = "/console/cases?list=teams&q=ines&case=" + caseId;
        assertThat(queue.body()).contains("href=\"" + beside.replace("&", "&amp;") + "\" class=\"row-link\"");

        Page split = marc.get(beside);
        assertThat(split.status()).isEqualTo(200);
        assertThat(split.body()).contains("class=\"split has-case\"").contains("id=\"case-beside\"").contains("Ines Lindqvist")
                .contains("<li class=\"row selected\" data-case=\"" + caseId + "\">")
                .contains("name=\"back\" value=\"" + beside.replace("&", "&amp;") + "\"");
        Page noted = marc.post("/console/cases/" + caseId + "/note", "version", split.input("version"), "csrf", split.input("csrf"),
                "back", beside, "text", "Called, no answer.");
        assertThat(noted.status()).isEqualTo(303);
        assertThat(noted.location()).isEqualTo(beside + "&done=note");
        String version = marc.get(noted.location()).input("version");
        for (String forged : List.of("https://evil.example/console/cases?case=" + caseId, "/console/cases?list=teams&case=other",
                "//evil.example/console/cases?x&case=" + caseId)) {
            Page elsewhere = marc.post("/console/cases/" + caseId + "/note", "version", version, "csrf", split.input("csrf"), "back", forged,
                    "text", "Tried again.");
            assertThat(elsewhere.location()).as(forged).isEqualTo("/console/cases/" + caseId + "?done=note");
            version = marc.get(elsewhere.location()).input("version");
        }
        Page gone = marc.get("/console/cases?list=teams&case=c-no-such-case");
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.body()).contains("Ce dossier n’est pas (ou plus) dans vos listes").doesNotContain("id=\"case-beside\"");
    }

    @Test
    void bulkPriority_changesEachPickedCase_andReportsTheOneChangedMeanwhile() {
        Page queue = marc.get("/console/cases?list=teams");
        Map<String, String> picks = picks(queue);
        assertThat(picks).hasSize(3);
        String changedMeanwhile = picks.keySet().iterator().next();
        Page casePage = ana.get("/console/cases/" + changedMeanwhile);
        assertThat(ana.post("/console/cases/" + changedMeanwhile + "/note", "version", casePage.input("version"), "csrf",
                casePage.input("csrf"), "text", "Left a voicemail.").status()).isEqualTo(303);
        List<String> form = new ArrayList<>(List.of("csrf", queue.input("csrf"), "back", "/console/cases?list=teams",
                "change", "priority", "priority", "HIGH", "assignee", ""));
        picks.forEach((caseId, version) -> form.addAll(List.of("pick." + caseId, version)));

        Page report = marc.post("/console/cases/bulk", form.toArray(String[]::new));

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("2 dossier(s) modifié(s) sur 3").contains("a modifié ce dossier après l")
                .contains("href=\"/console/cases?list=teams\"");
        Map<String, String> after = rows(marc.get("/console/cases?list=teams"));
        picks.keySet().forEach(caseId -> assertThat(after.get(caseId)).as(caseId)
                .contains(caseId.equals(changedMeanwhile) ? "Normale" : "Haute"));
    }

    @Test
    void bulk_byAResponder_isRefused_andChangesNothing() {
        Page queue = ana.get("/console/cases?list=mine");
        Map<String, String> before = rows(queue);
        String caseId = before.keySet().iterator().next();
        Page casePage = ana.get("/console/cases/" + caseId);

        Page refused = ana.post("/console/cases/bulk", "csrf", queue.input("csrf"), "change", "priority", "priority", "LOW",
                "pick." + caseId, casePage.input("version"));

        assertThat(queue.body()).doesNotContain("id=\"bulk\"");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Nothing was changed");
        assertThat(rows(ana.get("/console/cases?list=mine")).get(caseId)).isEqualTo(before.get(caseId));
    }

    @Test
    void bulk_withNothingPicked_saysSo() {
        Page queue = marc.get("/console/cases?list=teams");

        Page refused = marc.post("/console/cases/bulk", "csrf", queue.input("csrf"), "change", "reassign", "assignee", "louis",
                "back", "https://evil.example/");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("sélectionnez au moins un dossier").contains("href=\"/console/cases\"")
                .doesNotContain("evil.example");
    }

    @Test
    void sortByOpened_showsTheNewestFirst() {
        List<String> byDeadline = List.copyOf(rows(marc.get("/console/cases?list=teams")).values());
        List<String> byOpened = List.copyOf(rows(marc.get("/console/cases?list=teams&sort=opened")).values());

        assertThat(byOpened.getFirst()).contains("Eve");
        assertThat(byOpened.getLast()).contains("Ines Lindqvist");
        assertThat(byDeadline.getFirst()).contains("Ines Lindqvist");
    }

    @Test
    void csv_exportsTheListShown_withNamesZonedTimes_andNoFormulas() {
        Page csv = marc.get("/console/cases.csv?list=teams&q=weber");
        Page all = marc.get("/console/cases.csv?list=teams");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("content-disposition")).matches("attachment; filename=\"closedloop-teams-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("\uFEFFcase_id,campaign,customer,score,nps_category,status,priority,assignee,team,opened_at,"
                + "next_deadline,breached,closed_at,comment_start");
        assertThat(lines[1]).contains(",Jonas Weber,").contains(",detractor,").contains(",Ana Souza,Customer support,")
                .containsPattern("T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+01:00");
        assertThat(all.body()).contains(",\"'" + FORMULA_NAME + "\",").doesNotContain("," + FORMULA_NAME);
        assertThat(all.body().split("\r\n")).hasSize(4);
    }

    @Test
    void csv_notSignedIn_sendsToSignIn() {
        assertThat(new ConsoleUser(stack).get("/console/cases.csv?list=teams").location()).isEqualTo("/console/sign-in");
    }

    /** The address a dashboard figure (the value under the label that starts so) links to, unescaped. */
    private static String figureLink(Page dashboard, String label) {
        Matcher link = Pattern.compile("<dt>" + Pattern.quote(label) + "[^<]*</dt><dd><a href=\"([^\"]+)\">([0-9]+)</a></dd>").matcher(dashboard.body());
        assertThat(link.find()).as(label).isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    @Test
    void dashboard_linksItsFiguresToTheMatchingLists() {
        Page dashboard = marc.get("/console/dashboard");

        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<a href=\"/console/dashboard\">Tableau de bord</a>");
        String detractors = figureLink(dashboard, "détracteur");
        assertThat(detractors).isEqualTo("/console/cases?list=teams&campaign=" + DemoConfiguration.CAMPAIGN_ID + "&category=DETRACTOR");
        assertThat(rows(marc.get(detractors))).hasSize(3);
        assertThat(figureLink(dashboard, "Ouverts aujourd")).isEqualTo("/console/cases?list=teams&campaign=" + DemoConfiguration.CAMPAIGN_ID);
        Matcher ana = Pattern.compile("<td><a href=\"([^\"]+)\">Ana Souza</a></td><td>3</td>").matcher(dashboard.body());
        assertThat(ana.find()).isTrue();
        Page anasCases = marc.get(ana.group(1).replace("&amp;", "&"));
        assertThat(rows(anasCases)).hasSize(3).allSatisfy((caseId, row) -> assertThat(row).contains("Ana Souza"));
    }

    @Test
    void dashboard_isReadOnlyForAViewer_andClosedToAResponder() {
        ConsoleUser vera = new ConsoleUser(stack);
        assertThat(vera.signIn("vera@closedloop.local").status()).isEqualTo(303);

        Page viewers = vera.get("/console/dashboard?days=7");
        Page responders = ana.get("/console/dashboard");

        assertThat(viewers.status()).isEqualTo(200);
        assertThat(viewers.body()).contains("<option value=\"7\" selected>Last 7 days</option>");
        assertThat(responders.status()).isEqualTo(403);
        assertThat(responders.body()).doesNotContain("href=\"/console/dashboard\"");
        assertThat(ana.get("/console/cases").body()).doesNotContain("href=\"/console/dashboard\"");
    }
}
