package io.closedloop.functions.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.closedloop.cases.Case;
import io.closedloop.links.CaseLinks;
import io.closedloop.log.Log;
import io.closedloop.testing.FuzzedHttpRequest;
import io.closedloop.testing.HandlerAnswer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The responder web function on any request (links, case pages, form posts, the dashboard) through a real API
 * Gateway event: the answer is below 500, a refusal is an HTML page or a problem, no body shows internals, and no log
 * line carries a token. So that the fuzzer gets past the session and CSRF checks, the harness replaces placeholders
 * anywhere in the request with live values for one open case: {@code $CASE} (its id), {@code $LINK} (a valid link
 * token), {@code $SESSION} (a valid session token), {@code $CSRF} (the session's CSRF token) and {@code $VERSION}
 * (the case's current version). Corpus: {@code WebHandlerFuzzTestInputs/anyRequest/}.
 */
class WebHandlerFuzzTest {

    /** A fresh case now and then, so a long fuzzing run does not grow one case's log without end. */
    private static final int RUNS_PER_CASE = 500;

    private static WebFixture web;
    private static Case current;
    private static String link;
    private static String session;
    private static String csrf;
    private static int runs;

    /** The fixture, and a case with its link, session and CSRF token, made once per {@link #RUNS_PER_CASE} inputs. */
    private static synchronized void prepare() {
        if (web == null) {
            web = new WebFixture();
        }
        if (current == null || ++runs % RUNS_PER_CASE == 0) {
            current = web.openCase("resp_fuzz_" + runs, WebFixture.JOAO, "A entrega atrasou <b>duas</b> semanas.");
            link = web.link(current, WebFixture.ANA);
            String sessionCookie = web.session(current, WebFixture.ANA);
            session = sessionCookie.substring(sessionCookie.indexOf('=') + 1);
            csrf = CaseLinks.csrfToken(web.stores.configCache().current(), session);
        }
    }

    /** The harness itself: with the placeholders, the corpus's link opens and its note is applied (past session and CSRF). */
    @Test
    void corpus_placeholderSeeds_reachTheCommands() throws IOException {
        assertThat(run(seed("open-link")).status()).isEqualTo(303);
        assertThat(run(seed("case-page")).status()).isEqualTo(200);
        assertThat(run(seed("note")).status()).isEqualTo(303);
        assertThat(run(seed("cross-site-post")).status()).isEqualTo(403);
    }

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = WebHandlerFuzzTest.class.getResourceAsStream("WebHandlerFuzzTestInputs/anyRequest/" + name)) {
            return in.readAllBytes();
        }
    }

    private static HandlerAnswer run(byte[] input) throws IOException {
        return answer(input, new StringBuilder(), new String[1]);
    }

    @FuzzTest(maxDuration = "60s")
    void anyRequest(byte[] input) throws IOException {
        StringBuilder logged = new StringBuilder();
        String[] tokens = new String[3];
        HandlerAnswer answer = answer(input, logged, tokens);
        if (answer == null) {
            return;
        }
        String sent = new String(input, StandardCharsets.UTF_8);
        answer.requireSane(sent);

        if (answer.status() >= 400) {
            assertThat(answer.headers()).as("refusal of %s", sent).doesNotContainKey("set-cookie");
        }
        FuzzedHttpRequest request = FuzzedHttpRequest.parse(input);
        if (request.rawPath().startsWith("/cases/") && !sent.contains("$SESSION")) {
            assertThat(answer.status()).as("a case page or form without the session: %s", sent).isGreaterThanOrEqualTo(400);
        }
        if (request.method().equals("POST") && request.rawPath().startsWith("/cases/") && answer.status() < 400) {
            assertThat(sent).as("a command applied without the CSRF token: %s", sent).contains("$CSRF");
            assertThat(request.headers().getOrDefault("sec-fetch-site", "same-origin").strip().toLowerCase(Locale.ROOT)).as("a command applied cross-site: %s", sent)
                    .isIn("same-origin", "none");
        }
        for (String token : tokens) {
            assertThat(logged).as("log lines").doesNotContain(token);
        }
    }

    /** Runs one request with the placeholders filled in; null when no route matches. */
    private static HandlerAnswer answer(byte[] input, StringBuilder logged, String[] tokens) throws IOException {
        prepare();
        Case c = web.stored(current);
        if (tokens.length == 3) {
            tokens[0] = link;
            tokens[1] = session;
            tokens[2] = csrf;
        }
        FuzzedHttpRequest request = FuzzedHttpRequest.parse(input)
                .replace("$CASE", c.id())
                .replace("$LINK", link)
                .replace("$SESSION", session)
                .replace("$CSRF", csrf)
                .replace("$VERSION", Long.toString(c.version()));
        Optional<byte[]> event = request.event("CaseWebFunction");
        if (event.isEmpty()) {
            return null;
        }
        Consumer<String> previous = Log.sink(line -> logged.append(line).append('\n'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            web.handler.handleRequest(new ByteArrayInputStream(event.get()), out, null);
        } finally {
            Log.sink(previous);
        }
        return HandlerAnswer.read(out.toByteArray());
    }
}
