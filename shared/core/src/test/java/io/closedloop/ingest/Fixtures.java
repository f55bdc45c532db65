package io.closedloop.ingest;

import io.closedloop.config.FieldMapping;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.ScoreType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixture bodies from src/test/resources/webhooks and sources to read them with. */
final class Fixtures {

    /** When the test deliveries arrive: after every fixture's submitted time. */
    static final Instant NOW = Instant.parse("2025-07-24T08:00:00Z");
    static final Instant EPOCH = Instant.parse("1970-01-01T00:00:00Z");
    static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OTHER_STANDARD_SECRET = "whsec_dGVzdC1zZWNyZXQtMzItYnl0ZXMtZXhhY3RseSEhIQ==";
    static final String TYPEFORM_SECRET = "my-webook-secret";
    static final String DELIGHTED_SECRET = "test_delighted_api_key";
    static final String SURVICATE_SECRET = "test_survicate_signing_secret";

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String secretFor(WebhookFormat format) {
        return switch (format) {
            case GENERIC, FORMBRICKS -> STANDARD_SECRET;
            case TYPEFORM -> TYPEFORM_SECRET;
            case DELIGHTED -> DELIGHTED_SECRET;
            case SURVICATE -> SURVICATE_SECRET;
        };
    }

    static Source source(WebhookFormat format, String... secrets) {
        return source(format, null, null, null, FieldMapping.NONE, secrets);
    }

    static Source source(WebhookFormat format, String scoreQuestion, ScoreType scoreType, String commentQuestion,
            FieldMapping mapping, String... secrets) {
        List<Secret> list = new ArrayList<>();
        for (int i = 0; i < secrets.length; i++) {
            list.add(new Secret("s" + i, secrets[i], EPOCH));
        }
        return new Source("src-" + format.name().toLowerCase(java.util.Locale.ROOT), "camp-1", format, list,
                scoreQuestion, scoreType, commentQuestion, mapping, true);
    }

    /** Signs {@code body} for the source's format with its first secret and reads it as delivered at {@link #NOW}. */
    static ParsedWebhook deliver(Source source, byte[] body) {
        Map<String, String> headers = WebhookSigner.headers(source.format(), source.secrets().getFirst().value(), body, NOW);
        return Webhooks.read(source, headers, body, NOW);
    }
}
