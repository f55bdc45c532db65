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
 * The SLA policy pages over HTTP on the local stack: every length of time in hours and minutes, targets per priority,
 * the reminder as a percentage, the escalation chain, working hours of a calendar made on its page; a refused form
 * names each bad field as typed; only an admin gets any of it.
 */
class ConsoleSlaPoliciesTest {

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
    void list_saysEachPolicyInHoursAndWords() {
        Page list = admin.get("/console/admin/sla-policies");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-sla=\"detractor-48h\"").contains("Every hour counts (24/7)")
                .contains("first response within 48 h · resolution within 5 d 0 h").contains("Urgent: first response within 8 h · resolution within 48 h")
                .contains("reminder at 75 % of the time · the team lead at the breach → the manager 24 h after the breach");
    }

    @Test
    void admin_addsAWorkingHoursPolicy_onACalendarMadeOnItsPage_thenReadsItBackInHoursAndMinutes() {
        Map<String, String> calendar = admin.get("/console/admin/calendars/new").form("calendar");
        calendar.put("id", "lisbon");
        calendar.put("name", "Support Lisbon");
        calendar.put("zone", "Europe/Lisbon");
        assertThat(admin.post("/console/admin/calendars/new", calendar).status()).isEqualTo(303);
        Map<String, String> form = admin.get("/console/admin/sla-policies/new").form("sla");
        assertThat(form).containsEntry("firstResponse.hours", "48").containsEntry("reminderPercent", "75")
                .containsEntry("escalation.0.target", "TEAM_LEAD").containsEntry("escalation.1.target", "");
        form.put("id", "business-4h30");
        form.put("name", "Business hours: 4 h 30 to respond");
        form.put("basis", "BUSINESS");
        form.put("calendarId", "lisbon");
        form.put("firstResponse.hours", "4");
        form.put("firstResponse.minutes", "30");
        form.put("resolution.hours", "40");
        form.put("resolution.minutes", "");
        form.put("URGENT.firstResponse.hours", "1");
        form.put("URGENT.resolution.hours", "8");
        form.put("reminderPercent", "50");
        form.put("escalation.0.target", "MANAGER");
        form.put("escalation.0.afterHours", "2");
        form.put("escalation.1.target", "RESPONDER");
        form.put("escalation.1.responderId", "ana");
        form.put("urgent", "yes");

        Page saved = admin.post("/console/admin/sla-policies/new", form);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Business hours: 4 h 30 to respond is saved.")
                .contains("Only working hours count · Support Lisbon").contains("first response within 4 h 30 min · resolution within 40 h")
                .contains("Urgent: first response within 1 h · resolution within 8 h")
                .contains("reminder at 50 % of the time · the manager 2 h after the breach → Ana Souza at the breach");
        Map<String, String> edit = admin.get("/console/admin/sla-policies/business-4h30").form("sla");
        assertThat(edit).containsEntry("firstResponse.hours", "4").containsEntry("firstResponse.minutes", "30")
                .containsEntry("resolution.hours", "40").containsEntry("resolution.minutes", "0").containsEntry("URGENT.firstResponse.hours", "1")
                .containsEntry("HIGH.firstResponse.hours", "").containsEntry("escalation.1.responderId", "ana").containsEntry("urgent", "yes")
                .containsEntry("basis", "BUSINESS").containsEntry("calendarId", "lisbon").containsEntry("version", "1");
        edit.put("escalation.1.target", "");
        assertThat(admin.post("/console/admin/sla-policies/business-4h30", edit).status()).isEqualTo(303);
        assertThat(admin.get("/console/admin/sla-policies/business-4h30").form("sla")).containsEntry("escalation.1.target", "")
                .containsEntry("escalation.0.target", "MANAGER").containsEntry("version", "2");
    }

    @Test
    void refusedForm_namesEachBadField_asTyped_andStoresNothing() {
        Map<String, String> form = admin.get("/console/admin/sla-policies/new").form("sla");
        form.put("id", "broken");
        form.put("name", "Broken");
        form.put("firstResponse.minutes", "75");
        form.put("reminderPercent", "100");

        Page refused = admin.post("/console/admin/sla-policies/new", form);
        form.put("firstResponse.minutes", "0");
        form.put("reminderPercent", "75");
        form.put("escalation.0.target", "RESPONDER");
        Page noPerson = admin.post("/console/admin/sla-policies/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"firstResponse-error\">Enter whole hours").contains("value=\"75\"")
                .contains("id=\"reminderPercent-error\">Enter a percentage from 0 to 99").contains("value=\"100\"");
        assertThat(noPerson.status()).isEqualTo(422);
        assertThat(noPerson.body()).contains("id=\"escalation.0-error\">Choose the person this step notifies.");
        assertThat(admin.get("/console/admin/sla-policies/broken").status()).isEqualTo(404);
    }

    @Test
    void nonAdmins_cannotReadOrChangePolicies() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        assertThat(marc.get("/console/admin/sla-policies").status()).isEqualTo(403);
        assertThat(marc.post("/console/admin/sla-policies/detractor-48h", "csrf", csrf, "version", "1", "name", "Marc's", "basis", "CALENDAR",
                "firstResponse.hours", "1").status()).isEqualTo(403);
        assertThat(admin.get("/console/admin/sla-policies/detractor-48h").form("sla")).containsEntry("firstResponse.hours", "48");
    }
}
