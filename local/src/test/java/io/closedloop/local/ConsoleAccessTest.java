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
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The console on the local stack, over HTTP: passwordless sign-in by the emailed link, the session cookie, and each
 * role against the queue, the case page and a case command, checked on the server (a refused command changes nothing).
 * The demo's one case is a support-team detractor assigned to Ana; Bob is a responder of another team.
 */
class ConsoleAccessTest {

    private static final Pattern CASE_ROW = Pattern.compile("data-case=\"([^\"]+)\"");

    @TempDir
    static Path data;
    private static LocalStack stack;
    private static String caseId;
    /** One session per person for the whole class: sign-in links are limited to 5 per address per 15 minutes. */
    private static final Map<String, ConsoleUser> SESSIONS = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(new LocalStack.Options(LocalDynamo.freePort(), LocalDynamo.freePort(), data));
        ConsoleUser.postDetractor(stack, "Mariana Costa");
        HttpClient http = HttpClient.newHttpClient();
        for (String[] entry : new String[][] {
                {"/admin/teams/sales", "{\"name\": \"Sales\", \"memberIds\": []}"},
                {"/admin/responders/bob", "{\"name\": \"Bob Sales\", \"email\": \"bob@closedloop.local\", \"teamId\": \"sales\", \"canRespond\": true}"}}) {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + entry[0]))
                    .header("authorization", "Bearer " + DemoConfiguration.ADMIN_KEY).header("content-type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(entry[1])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(entry[0] + " " + put.body()).isIn(200, 201);
        }
        ConsoleUser admin = session(DemoConfiguration.ADMIN_EMAIL);
        Matcher row = CASE_ROW.matcher(admin.get("/console/cases?list=teams").body());
        assertThat(row.find()).as("the demo case in the admin's queue").isTrue();
        caseId = row.group(1);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static ConsoleUser signedIn(String email) {
        ConsoleUser user = new ConsoleUser(stack);
        Page pressed = user.signIn(email);
        assertThat(pressed.status()).as("sign-in of " + email).isEqualTo(303);
        assertThat(pressed.location()).isEqualTo("/console/cases");
        return user;
    }

    private static ConsoleUser session(String email) {
        return SESSIONS.computeIfAbsent(email, ConsoleAccessTest::signedIn);
    }

    @Test
    void signIn_byEmailedLink_setsAStrictSessionCookie_andTheLinkWorksOnce() {
        ConsoleUser ana = new ConsoleUser(stack);
        int before = stack.outbox().messages().size();
        Page form = ana.get("/console/sign-in");
        ana.post("/console/sign-in", "csrf", form.input("csrf"), "email", "ANA@closedloop.local");
        String link = URI.create(ana.signInLink("ana@closedloop.local", before)).getPath();

        Page scanned = ana.get(link);
        Page pressed = ana.post(link, "csrf", scanned.input("csrf"));
        Page pressedAgain = new ConsoleUser(stack).signInWithLinkOnly(link);

        assertThat(scanned.body()).contains("id=\"sign-in\"");
        assertThat(pressed.status()).isEqualTo(303);
        assertThat(pressed.setCookies()).anySatisfy(c -> assertThat(c).startsWith("cl_console=ana.")
                .contains("Path=/console").contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Max-Age=43200"));
        assertThat(pressedAgain.status()).isEqualTo(410);
        assertThat(ana.get("/console/cases").status()).isEqualTo(200);
    }

    @Test
    void signIn_unknownAddress_getsTheSameAnswer_andNoEmail() {
        ConsoleUser stranger = new ConsoleUser(stack);
        ConsoleUser ana = new ConsoleUser(stack);
        int before = stack.outbox().messages().size();

        Page unknown = stranger.post("/console/sign-in", "csrf", stranger.get("/console/sign-in").input("csrf"), "email", "nobody@example.com");
        Page known = ana.post("/console/sign-in", "csrf", ana.get("/console/sign-in").input("csrf"), "email", "ana@closedloop.local");

        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(stack.outbox().messages().subList(before, stack.outbox().messages().size()))
                .extracting(Outbox.Message::to).containsExactly("ana@closedloop.local");
    }

    @Test
    void signIn_formWithoutItsToken_isRefused_andSendsNothing() {
        ConsoleUser forger = new ConsoleUser(stack);
        forger.get("/console/sign-in");
        int before = stack.outbox().messages().size();

        Page forged = forger.post("/console/sign-in", "csrf", "k1.forged", "email", "ana@closedloop.local");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(stack.outbox().messages()).hasSize(before);
    }

    @Test
    void signOut_endsTheSession() {
        ConsoleUser ana = signedIn("ana@closedloop.local");
        Page queue = ana.get("/console/cases");

        Page out = ana.post("/console/sign-out", "csrf", queue.input("csrf"));

        assertThat(out.status()).isEqualTo(200);
        assertThat(ana.get("/console/cases").location()).isEqualTo("/console/sign-in");
    }

    @Test
    void notSignedIn_pagesSendToSignIn_andCommandsAreRefused() {
        ConsoleUser nobody = new ConsoleUser(stack);

        assertThat(nobody.get("/console/cases").location()).isEqualTo("/console/sign-in");
        assertThat(nobody.get("/console/cases/" + caseId).location()).isEqualTo("/console/sign-in");
        assertThat(nobody.post("/console/cases/" + caseId + "/note", "version", "1", "csrf", "x", "text", "hi").status()).isEqualTo(401);
    }

    /**
     * Each role against the queue, the case page and the note command. A refused note is posted with the person's own
     * valid session token (from the page's sign-out form): the server refuses it on the role, not on a missing token.
     */
    @ParameterizedTest(name = "{0}: listed {2}, page {3}, forms {4}, note {5}")
    @CsvSource({
            "admin@closedloop.local, teams,      true,  200, true,  303",
            "marc@closedloop.local,  teams,      true,  200, true,  303",
            "ana@closedloop.local,   mine,       true,  200, true,  303",
            "louis@closedloop.local, teams,      true,  200, true,  303",
            "vera@closedloop.local,  teams,      true,  200, false, 403",
            "bob@closedloop.local,   teams,      false, 404, false, 404"})
    void role_againstQueueCasePageAndCommand(String email, String list, boolean listed, int pageStatus, boolean forms, int noteStatus) {
        ConsoleUser person = session(email);

        Page queue = person.get("/console/cases?list=" + list);
        Page casePage = person.get("/console/cases/" + caseId);
        String note = "Note by " + email;
        String version = forms ? casePage.input("version") : "1";
        Page posted = person.post("/console/cases/" + caseId + "/note", "version", version, "csrf", queue.input("csrf"), "text", note);

        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().contains("data-case=\"" + caseId + "\"")).as("listed").isEqualTo(listed);
        assertThat(casePage.status()).isEqualTo(pageStatus);
        assertThat(casePage.body().contains("action=\"/console/cases/" + caseId + "/note\"")).as("offers forms").isEqualTo(forms);
        assertThat(posted.status()).as(posted.body()).isEqualTo(noteStatus);
        String afterwards = session(DemoConfiguration.ADMIN_EMAIL).get("/console/cases/" + caseId).body();
        assertThat(afterwards.contains(note)).as("note stored").isEqualTo(noteStatus == 303);
    }

    @Test
    void queue_showsNamesAndTheViewersTimeZone_neverRawIds() {
        String marcs = session("marc@closedloop.local").get("/console/cases?list=teams").body();

        assertThat(marcs).contains("Mariana Costa").contains("Ana Souza").contains("Europe/Paris")
                .contains("<span class=\"count\">");
        assertThat(marcs).doesNotContain(">ana<");
    }
}
