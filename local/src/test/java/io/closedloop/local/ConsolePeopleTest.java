package io.closedloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.local.ConsoleUser.Page;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The people and team pages over HTTP on the local stack: an admin adds and changes people through the admin API's
 * validation, a refused form comes back as typed with each bad field named, a second edit over a newer version is a
 * conflict that overwrites nothing, "sign out everywhere" ends a person's sessions, and nobody else reaches the pages.
 */
class ConsolePeopleTest {

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

    /** The form's fields as the page posts them: the given ones, and the form's defaults for the others. */
    private static String[] personForm(String csrf, String... fields) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("csrf", csrf, "locale", "en", "teamId", "",
                "timeZone", ""));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    @Test
    void admin_addsAPerson_whoCanThenSignIn() {
        Page blank = admin.get("/console/admin/people/new");

        Page saved = admin.post("/console/admin/people/new", personForm(blank.input("csrf"), "id", "nina", "name", "Nina Manager",
                "email", "nina@closedloop.local", "role", "MANAGER", "canRespond", "yes", "teamId", "support"));

        assertThat(blank.status()).isEqualTo(200);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo("/console/admin/people?saved=nina");
        assertThat(admin.get(saved.location()).body()).contains("Nina Manager is saved.").contains("nina@closedloop.local")
                .contains("Customer support");
        ConsoleUser nina = new ConsoleUser(stack);
        assertThat(nina.signIn("nina@closedloop.local").status()).isEqualTo(303);
        assertThat(nina.get("/console/cases").body()).contains("Nina Manager (manager)");
    }

    @Test
    void refusedForm_isShownAsTyped_withEachBadFieldNamed_andStoresNothing() {
        Page blank = admin.get("/console/admin/people/new");

        Page refused = admin.post("/console/admin/people/new", personForm(blank.input("csrf"), "id", "olga", "name", "Olga <b>Viewer</b>",
                "email", "not-an-email", "role", "VIEWER", "canRespond", "yes", "timeZone", "Mars/Olympus"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"not-an-email\"").contains("value=\"Mars/Olympus\"")
                .contains("value=\"Olga &lt;b>Viewer&lt;/b>\"").doesNotContain("<b>Viewer")
                .contains("id=\"email-error\">Enter an email address such as ana@example.com.")
                .contains("id=\"timeZone-error\">Enter an IANA time zone")
                .contains("id=\"canRespond-error\">A viewer reads and never acts");
        assertThat(admin.get("/console/admin/people/olga").status()).isEqualTo(404);
    }

    @Test
    void takenIdentifier_isRefusedOnThatField() {
        Page blank = admin.get("/console/admin/people/new");

        Page refused = admin.post("/console/admin/people/new", personForm(blank.input("csrf"), "id", "ana", "name", "Another Ana",
                "email", "another.ana@closedloop.local", "role", "RESPONDER"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"id-error\">Someone is already configured with this identifier");
        assertThat(admin.get("/console/admin/people/ana").body()).contains("value=\"Ana Souza\"");
    }

    @Test
    void secondEditOverANewerVersion_isAConflict_andOverwritesNothing() {
        Page first = admin.get("/console/admin/people/louis");
        Page second = admin.get("/console/admin/people/louis");
        String[] common = {"email", "louis@closedloop.local", "role", "RESPONDER", "canRespond", "yes", "teamId", "support"};

        Page saved = admin.post("/console/admin/people/louis", personForm(first.input("csrf"), concat(common,
                "version", first.input("version"), "name", "Louis First Edit")));
        Page conflict = admin.post("/console/admin/people/louis", personForm(second.input("csrf"), concat(common,
                "version", second.input("version"), "name", "Louis Second Edit")));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"").contains("value=\"Louis First Edit\"");
        assertThat(admin.get("/console/admin/people/louis").body()).contains("value=\"Louis First Edit\"").doesNotContain("Second Edit");
    }

    @Test
    void signOutEverywhere_endsThePersonsSessions() {
        ConsoleUser carla = new ConsoleUser(stack);
        assertThat(carla.signIn("carla@closedloop.local").status()).isEqualTo(303);
        Page form = admin.get("/console/admin/people/carla");

        Page done = admin.post("/console/admin/people/carla/sign-out", "csrf", form.input("csrf"));

        assertThat(done.status()).isEqualTo(303);
        assertThat(admin.get(done.location()).body()).contains("Every console session of this person has ended.");
        assertThat(carla.get("/console/cases").location()).isEqualTo("/console/sign-in");
    }

    @Test
    void nonAdmins_cannotReadOrChangePeople() {
        ConsoleUser marc = new ConsoleUser(stack);
        assertThat(marc.signIn("marc@closedloop.local").status()).isEqualTo(303);
        String csrf = marc.get("/console/cases").input("csrf");

        Page list = marc.get("/console/admin/people");
        Page change = marc.post("/console/admin/people/ana", personForm(csrf, "version", "1", "name", "Changed by Marc",
                "email", "ana@closedloop.local", "role", "ADMIN"));

        assertThat(list.status()).isEqualTo(403);
        assertThat(change.status()).isEqualTo(403);
        assertThat(marc.get("/console/cases").body()).doesNotContain("/console/admin/people");
        assertThat(admin.get("/console/admin/people/ana").body()).contains("value=\"Ana Souza\"").doesNotContain("Changed by Marc");
        assertThat(new ConsoleUser(stack).get("/console/admin/people").location()).isEqualTo("/console/sign-in");
    }

    @Test
    void admin_addsATeamWithMembersAndALead_andAnEmptyNameIsRefused() {
        Page blank = admin.get("/console/admin/teams/new");

        Page refused = admin.post("/console/admin/teams/new", "csrf", blank.input("csrf"), "id", "returns", "name", " ",
                "member.ana", "yes", "leadId", "carla", "managerId", "", "calendarId", "");
        Page saved = admin.post("/console/admin/teams/new", "csrf", blank.input("csrf"), "id", "returns", "name", "Returns desk",
                "member.ana", "yes", "member.louis", "yes", "leadId", "carla", "managerId", "marc", "calendarId", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"name-error\">Enter a name").contains("name=\"member.ana\" value=\"yes\" checked");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(admin.get(saved.location()).body()).contains("Returns desk is saved.").contains("2 member(s)")
                .contains("Lead: Carla Lead").contains("Manager: Marc Manager");
        Page edit = admin.get("/console/admin/teams/returns");
        assertThat(edit.body()).contains("name=\"member.louis\" value=\"yes\" checked").doesNotContain("name=\"member.carla\" value=\"yes\" checked");
    }

    @Test
    void nonAdmins_cannotReadOrChangeTeams() {
        ConsoleUser ana = new ConsoleUser(stack);
        assertThat(ana.signIn("ana@closedloop.local").status()).isEqualTo(303);
        String csrf = ana.get("/console/cases").input("csrf");

        assertThat(ana.get("/console/admin/teams").status()).isEqualTo(403);
        assertThat(ana.post("/console/admin/teams/new", "csrf", csrf, "id", "mine", "name", "Ana's own").status()).isEqualTo(403);
        assertThat(admin.get("/console/admin/teams/mine").status()).isEqualTo(404);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
