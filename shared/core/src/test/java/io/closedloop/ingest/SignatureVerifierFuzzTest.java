package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.closedloop.config.Secret;
import io.closedloop.config.WebhookFormat;
import io.closedloop.http.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any headers and body, for any format: the verifier either accepts or refuses with a 401 problem and a known reason
 * code, and nothing else. An acceptance must depend on the exact body and the configured secret: the same headers
 * over the body with one more byte, or checked against another secret, are refused.
 *
 * <p>Input, as text: the format's name on the first line (GENERIC, FORMBRICKS, TYPEFORM, DELIGHTED, SURVICATE; any
 * other line picks one by its length), then header lines {@code Name: value} with names as sent (case and spaces
 * kept), an empty line, and the body. Corpus: {@code SignatureVerifierFuzzTestInputs/anyDelivery/}.
 */
class SignatureVerifierFuzzTest {

    private static final Set<String> REASONS = Set.of("no-secret", "missing-id", "malformed-id", "missing-timestamp",
            "malformed-timestamp", "stale-timestamp", "future-timestamp", "missing-signature", "malformed-signature",
            "bad-signature");

    private record Delivery(WebhookFormat format, Map<String, String> headers, byte[] body) {}

    private static Delivery read(byte[] input) {
        int split = -1;
        for (int i = 0; i + 1 < input.length; i++) {
            if (input[i] == '\n' && input[i + 1] == '\n') {
                split = i;
                break;
            }
        }
        String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
        String[] lines = head.split("\n", -1);
        WebhookFormat format = Arrays.stream(WebhookFormat.values())
                .filter(f -> f.name().equals(lines[0].strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElse(WebhookFormat.values()[lines[0].length() % WebhookFormat.values().length]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon >= 0) {
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1));
            }
        }
        return new Delivery(format, headers, body);
    }

    private static List<Secret> secrets(String value) {
        return List.of(new Secret("s1", value, Fixtures.EPOCH));
    }

    /** The refusal reason, or null when the delivery was accepted. */
    private static String verify(WebhookFormat format, List<Secret> secrets, Map<String, String> headers, byte[] body) {
        SignatureRefusedException refused = catchThrowableOfType(SignatureRefusedException.class,
                () -> SignatureVerifier.verify(format, secrets, headers, body, NOW));
        return refused == null ? null : refused.reason();
    }

    /** The harness itself: the corpus's correctly signed seeds are accepted, so the acceptance checks do run. */
    @ParameterizedTest
    @ValueSource(strings = {"generic-signed", "formbricks-signed-header-case-and-spaces", "formbricks-rotation-two-signatures",
            "typeform-signed", "delighted-signed-upper-hex", "survicate-signed"})
    void corpus_signedSeeds_areAccepted(String seed) throws IOException {
        byte[] input;
        try (InputStream in = getClass().getResourceAsStream("SignatureVerifierFuzzTestInputs/anyDelivery/" + seed)) {
            input = in.readAllBytes();
        }
        Delivery delivery = read(input);

        assertThat(verify(delivery.format(), secrets(Fixtures.secretFor(delivery.format())), delivery.headers(), delivery.body())).isNull();
    }

    @FuzzTest(maxDuration = "60s")
    void anyDelivery(byte[] input) {
        Delivery delivery = read(input);
        String secret = Fixtures.secretFor(delivery.format());
        String otherSecret = delivery.format() == WebhookFormat.GENERIC || delivery.format() == WebhookFormat.FORMBRICKS
                ? Fixtures.OTHER_STANDARD_SECRET : secret + "-other";

        SignatureRefusedException refused = catchThrowableOfType(SignatureRefusedException.class,
                () -> SignatureVerifier.verify(delivery.format(), secrets(secret), delivery.headers(), delivery.body(), NOW));

        if (refused != null) {
            assertThat(refused.reason()).isIn(REASONS);
            Problem problem = refused.problem();
            assertThat(problem.status()).isEqualTo(401);
            assertThat(problem.detail()).doesNotContain(secret);
        } else {
            byte[] longer = Arrays.copyOf(delivery.body(), delivery.body().length + 1);
            longer[longer.length - 1] = ' ';
            assertThat(verify(delivery.format(), secrets(secret), delivery.headers(), longer))
                    .as("the same signature over another body").isEqualTo("bad-signature");
            assertThat(verify(delivery.format(), secrets(otherSecret), delivery.headers(), delivery.body()))
                    .as("the same delivery checked against another secret").isEqualTo("bad-signature");
            assertThat(verify(delivery.format(), List.of(), delivery.headers(), delivery.body()))
                    .as("a source without secrets").isEqualTo("no-secret");
        }
    }
}
