package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business calendar pages over HTTP on the local stack: working hours per weekday, holidays one per line, and an
 * iCalendar file of public holidays imported into the form (shown again, nothing stored until Save); a refused form
 * names each bad field as typed; only an admin gets any of it, and only these pages read an uploaded file.
 */
class ConsoleCalendarsTest {

    @TempDir
    static Path data;
    private static LocalStack stack;
    private static ConsoleUser admin;
    private static byte[] frenchHolidays;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        admin = new ConsoleUser(stack);
        assertThat(admin.signIn(DemoConfiguration.ADMIN_EMAIL).status()).isEqualTo(303);
        frenchHolidays = Files.readAllBytes(Project.root().resolve("shared/console/src/test/resources/ics/fr-holidays.ics"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void admin_importsPublicHolidaysFromAnIcsFile_checksThem_thenSaves() {
        Map<String, String> form = admin.get("/console/admin/calendars/new").form("calendar");
        assertThat(form).containsEntry("MONDAY.0.start", "09:00").containsEntry("FRIDAY.0.end", "17:00").containsEntry("SATURDAY.0.start", "");
        form.put("id", "paris");
        form.put("name", "Support Paris");
        form.put("MONDAY.1.start", "13:30");
        form.put("MONDAY.1.end", "17:00");
        form.put("MONDAY.0.end", "12:30");
        form.put("holidays", "2026-05-01 Fête du travail");
        form.put("import", "yes");

        Page imported = admin.postMultipart("/console/admin/calendars/new", form, "ics", "fr-holidays.ics", frenchHolidays);

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).contains("8 holiday(s) added from the file (0 were already listed)")
                .contains("1 event(s) of the file had no date");
        Map<String, String> shown = imported.form("calendar");
        assertThat(shown.get("holidays").lines()).containsExactly("2026-05-01 Fête du travail", "2026-11-11 Armistice 1918, jour férié",
                "2026-12-24 Fermeture de fin d'année", "2026-12-25 Noël", "2026-12-26 Fermeture de fin d'année", "2027-03-29 Lundi de Pâques",
                "2027-07-14 Fête nationale", "2027-12-25 Noël", "2028-12-25 Noël");
        assertThat(shown).containsEntry("name", "Support Paris").containsEntry("MONDAY.1.start", "13:30");
        assertThat(admin.get("/console/admin/calendars/paris").status()).as("nothing stored before Save").isEqualTo(404);

        shown.remove("import");
        Page saved = admin.postMultipart("/console/admin/calendars/new", shown, "ics", "", new byte[0]);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Support Paris is saved.").contains("Holidays: 9")
                .contains("Monday 09:00–12:30, 13:30–17:00 · Tuesday–Friday 09:00–17:00");
        Map<String, String> edit = admin.get("/console/admin/calendars/paris").form("calendar");
        assertThat(edit.get("holidays").lines()).hasSize(9).startsWith("2026-05-01", "2026-11-11");
        assertThat(edit).containsEntry("version", "1").containsEntry("MONDAY.1.end", "17:00");
    }

    @Test
    void importingAgain_addsOnlyTheNewDays() {
        Map<String, String> form = admin.get("/console/admin/calendars/new").form("calendar");
        form.put("holidays", "2026-12-25 already here\n2026-11-11");
        form.put("import", "yes");

        Page imported = admin.postMultipart("/console/admin/calendars/new", form, "ics", "fr-holidays.ics", frenchHolidays);

        assertThat(imported.body()).contains("6 holiday(s) added from the file (2 were already listed)");
        assertThat(imported.form("calendar").get("holidays").lines()).contains("2026-12-25 already here", "2026-11-11").hasSize(8);

        Page nothing = admin.postMultipart("/console/admin/calendars/new", form, "ics", "notes.txt", "just some text".getBytes());
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.body()).contains("id=\"ics-error\">This file holds no holiday that could be read");
    }

    @Test
    void refusedForm_namesEachBadField_asTyped_andStoresNothing() {
        Map<String, String> form = admin.get("/console/admin/calendars/new").form("calendar");
        form.put("id", "broken");
        form.put("name", "Broken");
        form.put("zone", "Paris");
        form.put("TUESDAY.0.start", "18:00");
        form.put("holidays", "2026-12-25\nChristmas");

        Page refused = admin.post("/console/admin/calendars/new", form);
        form.put("TUESDAY.0.start", "09:00");
        form.put("holidays", "2026-12-25");
        Page badZone = admin.post("/console/admin/calendars/new", form);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"TUESDAY-error\">Enter each interval as a start and an end time, the end after the start")
                .contains("id=\"holidays-error\">Write one date per line").contains("value=\"18:00\"").contains("Christmas");
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.body()).contains("id=\"zone-error\">Enter an IANA time zone").contains("value=\"Paris\"");
        assertThat(admin.get("/console/admin/calendars/broken").status()).isEqualTo(404);
    }

    @Test
    void nonAdmins_cannotReadOrChangeCalendars_andOtherFormsRefuseAnUpload() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        assertThat(marc.get("/console/admin/calendars").status()).isEqualTo(403);
        assertThat(marc.postMultipart("/console/admin/calendars/new", Map.of("csrf", csrf, "id", "marc", "name", "Marc's", "import", "yes"), "ics",
                "fr.ics", frenchHolidays).status()).isEqualTo(403);
        assertThat(marc.postMultipart("/console/cases/bulk", Map.of("csrf", csrf, "priority", "HIGH"), "ics", "fr.ics", frenchHolidays).status())
                .isEqualTo(415);
        assertThat(admin.get("/console/admin/calendars/marc").status()).isEqualTo(404);
    }
}
