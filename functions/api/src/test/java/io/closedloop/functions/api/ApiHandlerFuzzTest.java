package io.closedloop.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.closedloop.cases.Case;
import io.closedloop.config.ApiScope;
import io.closedloop.log.Log;
import io.closedloop.testing.FuzzedHttpRequest;
import io.closedloop.testing.HandlerAnswer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The admin, case and KPI API on any request through a real API Gateway event: the answer is below 500 and every
 * refusal is a problem+json; no body shows internals; a request without a valid key never gets a 2xx; a key limited
 * to one campaign never sees another campaign's case; no log line carries a key. Placeholders the harness fills in,
 * so the fuzzer gets past authentication: {@code $ADMIN} (an admin key), {@code $SCOPED} (a case-reading key limited
 * to campaign nps-fr), {@code $CASE} (a case of nps-br), {@code $OTHER_CASE} (a case of nps-fr). Corpus:
 * {@code ApiHandlerFuzzTestInputs/anyRequest/} (the requests of docs/api.md and hostile variants).
 */
class ApiHandlerFuzzTest {

    /** A fresh fixture now and then: a long fuzzing run may revoke keys or delete entries. */
    private static final int RUNS_PER_FIXTURE = 500;

    private static ApiFixture api;
    private static String scopedKey;
    private static Case nps;
    private static Case other;
    private static int runs;

    private static synchronized void prepare() {
        if (api == null || ++runs % RUNS_PER_FIXTURE == 0) {
            api = new ApiFixture();
            scopedKey = api.key("CRM France", Set.of(ApiScope.CASES_READ, ApiScope.CASES_WRITE, ApiScope.REPORTS), Set.of(ApiFixture.OTHER));
            nps = api.openCase(ApiFixture.NPS, 2);
            other = api.openCase(ApiFixture.OTHER, 3);
        }
    }

    /** The harness itself: with the placeholders, the corpus's requests get past authentication. */
    @Test
    void corpus_placeholderSeeds_passAuthentication() throws IOException {
        assertThat(answer(seed("docs-api-md-02")).status()).isEqualTo(200);
        assertThat(answer(seed("scoped-reads-own-case")).status()).isEqualTo(200);
        assertThat(answer(seed("scoped-reads-other-campaigns-case")).status()).isIn(403, 404);
        assertThat(answer(seed("no-key")).status()).isEqualTo(401);
    }

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = ApiHandlerFuzzTest.class.getResourceAsStream("ApiHandlerFuzzTestInputs/anyRequest/" + name)) {
            return in.readAllBytes();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyRequest(byte[] input) throws IOException {
        StringBuilder logged = new StringBuilder();
        Consumer<String> previous = Log.sink(line -> logged.append(line).append('\n'));
        HandlerAnswer answer;
        try {
            answer = answer(input);
        } finally {
            Log.sink(previous);
        }
        if (answer == null) {
            return;
        }
        String sent = new String(input, StandardCharsets.UTF_8);
        answer.requireSane(sent);

        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("refusal of %s", sent).startsWith("application/problem+json");
        }
        if (!sent.contains("$ADMIN") && !sent.contains("$SCOPED")) {
            assertThat(answer.status()).as("answer without a valid key to %s", sent).isGreaterThanOrEqualTo(300);
        }
        if (sent.contains("$SCOPED") && !sent.contains("$ADMIN") && answer.status() < 300) {
            assertThat(answer.body()).as("what a key of nps-fr got for %s", sent).doesNotContain(nps.id());
        }
        assertThat(logged).as("log lines").doesNotContain(api.adminKey).doesNotContain(scopedKey);
    }

    /** Runs one request with the placeholders filled in; null when no route matches. */
    private static HandlerAnswer answer(byte[] input) throws IOException {
        prepare();
        FuzzedHttpRequest request = FuzzedHttpRequest.parse(input)
                .replace("$ADMIN", api.adminKey)
                .replace("$SCOPED", scopedKey)
                .replace("$OTHER_CASE", other.id())
                .replace("$CASE", nps.id());
        Optional<byte[]> event = request.event("ApiFunction");
        if (event.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api.handler.handleRequest(new ByteArrayInputStream(event.get()), out, null);
        return HandlerAnswer.read(out.toByteArray());
    }
}
