package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.STANDARD_SECRET;
import static io.closedloop.ingest.Fixtures.bytes;
import static io.closedloop.ingest.Fixtures.source;
import static io.closedloop.ingest.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Signature schemes against the published and derived vectors of research-notes/vectors.md, and every refusal. */
class SignatureVerifierTest {

    // Standard Webhooks library tests (JS, Java, Go, Python): "sign function works"
    private static final String SW_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SW_TIMESTAMP = 1614265330L;
    private static final byte[] SW_BODY = utf8("{\"test\": 2432232314}");
    private static final String SW_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final String SW_INVALID = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    private static Map<String, String> standardHeaders(String id, String timestamp, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", signature);
        return headers;
    }

    private static String refusal(WebhookFormat format, List<Secret> secrets, Map<String, String> headers, byte[] body,
            Instant now) {
        SignatureRefusedException refused = catchThrowableOfType(SignatureRefusedException.class,
                () -> SignatureVerifier.verify(format, secrets, headers, body, now));
        assertThat(refused).as("refused").isNotNull();
        return refused.reason();
    }

    private static String refusal(Source source, Map<String, String> headers, byte[] body, Instant now) {
        return refusal(source.format(), source.secrets(), headers, body, now);
    }

    @Test
    void standardSignature_publishedLibraryVector_matches() {
        assertThat(WebhookSigner.standardSignature(STANDARD_SECRET, SW_ID, SW_TIMESTAMP, SW_BODY)).isEqualTo(SW_SIGNATURE);
        assertThat(WebhookSigner.standardSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", SW_ID, SW_TIMESTAMP, SW_BODY))
                .isEqualTo(SW_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(value = WebhookFormat.class, names = {"GENERIC", "FORMBRICKS"})
    void verify_publishedLibraryVectorAtItsOwnTime_accepted(WebhookFormat format) {
        Instant then = Instant.ofEpochSecond(SW_TIMESTAMP);
        Map<String, String> headers = standardHeaders(SW_ID, Long.toString(SW_TIMESTAMP), SW_SIGNATURE);

        assertThatCode(() -> SignatureVerifier.verify(format, source(format, STANDARD_SECRET).secrets(), headers, SW_BODY, then))
                .doesNotThrowAnyException();
        assertThatCode(() -> SignatureVerifier.verify(format,
                source(format, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").secrets(), headers, SW_BODY, then))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_publishedLibraryVectorToday_refusedAsStale() {
        Map<String, String> headers = standardHeaders(SW_ID, Long.toString(SW_TIMESTAMP), SW_SIGNATURE);

        assertThat(refusal(source(WebhookFormat.FORMBRICKS, STANDARD_SECRET), headers, SW_BODY, NOW))
                .isEqualTo("stale-timestamp");
    }

    @Test
    void verify_formbricksDerivedVectors_accepted() {
        Source source = source(WebhookFormat.FORMBRICKS, Fixtures.OTHER_STANDARD_SECRET);
        Instant then = Instant.ofEpochSecond(1704547200L);
        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.FORMBRICKS, source.secrets(),
                standardHeaders("msg_verify", "1704547200", "v1,jIP7sjVnYHOozwG6e6VOmNjgKqSLTTc+4MJfyooG8nI="),
                utf8("{\"event\":\"verify\"}"), then)).doesNotThrowAnyException();
        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.FORMBRICKS, source.secrets(),
                standardHeaders("msg_test123", "1704547200", "v1,TFCWfbO69VgEBuLyALDMqnx94oDWHeF2v7MxUu4c8uE="),
                utf8("{\"event\":\"test\"}"), then)).doesNotThrowAnyException();
    }

    @Test
    void verify_formbricksPingAndFixtureVectors_accepted() {
        List<Secret> secrets = source(WebhookFormat.FORMBRICKS, STANDARD_SECRET).secrets();
        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.FORMBRICKS, secrets,
                standardHeaders(SW_ID, "1614265330", "v1,p7/nARir5FxQqIx79qNyq0QHouFP0wO4wzltVAcyC4c="),
                bytes("formbricks-testEndpoint.json"), Instant.ofEpochSecond(1614265330L))).doesNotThrowAnyException();
        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.FORMBRICKS, secrets,
                standardHeaders("0193f3c1-5b5e-7c2a-9d3e-8f1a2b3c4d5e", "1753343276",
                        "v1,9LMVHuhPfcdnr8d+wok0gndGtWd5TtkOzSzD0sjXR8o="),
                bytes("formbricks-responseFinished.wire-nps.json"), Instant.ofEpochSecond(1753343276L)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        SW_INVALID,
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
        "v1,g0hM9",
        "v1,",
        "v1,!!!not-base64!!!"
    })
    void verify_publishedInvalidSignatures_refusedAsBad(String signature) {
        Instant then = Instant.ofEpochSecond(SW_TIMESTAMP);
        assertThat(refusal(source(WebhookFormat.GENERIC, STANDARD_SECRET),
                standardHeaders(SW_ID, Long.toString(SW_TIMESTAMP), signature), SW_BODY, then)).isEqualTo("bad-signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        "invalid_signature",
        "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    })
    void verify_noVersionOneEntry_refusedAsMalformed(String signature) {
        Instant then = Instant.ofEpochSecond(SW_TIMESTAMP);
        assertThat(refusal(source(WebhookFormat.GENERIC, STANDARD_SECRET),
                standardHeaders(SW_ID, Long.toString(SW_TIMESTAMP), signature), SW_BODY, then))
                .isEqualTo("malformed-signature");
    }

    @Test
    void verify_publishedMultiSignatureHeader_accepted() {
        String header = SW_INVALID + " v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + SW_SIGNATURE + " " + SW_INVALID;

        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.GENERIC,
                source(WebhookFormat.GENERIC, STANDARD_SECRET).secrets(),
                standardHeaders(SW_ID, Long.toString(SW_TIMESTAMP), header), SW_BODY, Instant.ofEpochSecond(SW_TIMESTAMP)))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_asymmetricEntryBeforeHmacEntry_skipped() {
        String header = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== "
                + SW_SIGNATURE;

        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.FORMBRICKS,
                source(WebhookFormat.FORMBRICKS, STANDARD_SECRET).secrets(),
                standardHeaders(SW_ID, Long.toString(SW_TIMESTAMP), header), SW_BODY, Instant.ofEpochSecond(SW_TIMESTAMP)))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_headerWhitespaceAndNameCase_tolerated() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Webhook-Id", "  " + SW_ID + " ");
        headers.put("WEBHOOK-TIMESTAMP", " " + SW_TIMESTAMP + "\t");
        headers.put("webhook-signature", "   v2,abcd    " + SW_SIGNATURE + "   ");

        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.GENERIC,
                source(WebhookFormat.GENERIC, STANDARD_SECRET).secrets(), headers, SW_BODY, Instant.ofEpochSecond(SW_TIMESTAMP)))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_missingStandardHeaders_refusedNamingTheHeader() {
        Source source = source(WebhookFormat.GENERIC, STANDARD_SECRET);
        Instant then = Instant.ofEpochSecond(SW_TIMESTAMP);
        String timestamp = Long.toString(SW_TIMESTAMP);

        assertThat(refusal(source, standardHeaders(null, timestamp, SW_SIGNATURE), SW_BODY, then)).isEqualTo("missing-id");
        assertThat(refusal(source, standardHeaders(SW_ID, null, SW_SIGNATURE), SW_BODY, then)).isEqualTo("missing-timestamp");
        assertThat(refusal(source, standardHeaders(SW_ID, timestamp, null), SW_BODY, then)).isEqualTo("missing-signature");
        assertThat(refusal(source, standardHeaders(SW_ID, timestamp, "   "), SW_BODY, then)).isEqualTo("missing-signature");
        assertThat(refusal(source, Map.of(), SW_BODY, then)).isEqualTo("missing-id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "-1614265330", "1614265330.5", "1e9", "16142653300000000"})
    void verify_nonNumericTimestamp_refused(String timestamp) {
        assertThat(refusal(source(WebhookFormat.GENERIC, STANDARD_SECRET), standardHeaders(SW_ID, timestamp, SW_SIGNATURE),
                SW_BODY, Instant.ofEpochSecond(SW_TIMESTAMP))).isEqualTo("malformed-timestamp");
    }

    @Test
    void verify_messageIdWithSeparator_refused() {
        assertThat(refusal(source(WebhookFormat.GENERIC, STANDARD_SECRET),
                standardHeaders("msg.1", Long.toString(SW_TIMESTAMP), SW_SIGNATURE), SW_BODY, Instant.ofEpochSecond(SW_TIMESTAMP)))
                .isEqualTo("malformed-id");
    }

    @Test
    void verify_timestampAtTheEdgesOfTheWindow_acceptedWithinAndRefusedBeyond() {
        Source source = source(WebhookFormat.GENERIC, STANDARD_SECRET);
        byte[] body = bytes("generic-response.json");

        for (long offset : new long[] {-300, 0, 300}) {
            Instant sent = NOW.plusSeconds(offset);
            Map<String, String> headers = WebhookSigner.headers(WebhookFormat.GENERIC, STANDARD_SECRET, body, sent);
            assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.GENERIC, source.secrets(), headers, body, NOW))
                    .as("offset %d", offset).doesNotThrowAnyException();
        }
        assertThat(refusal(source, WebhookSigner.headers(WebhookFormat.GENERIC, STANDARD_SECRET, body, NOW.minusSeconds(301)),
                body, NOW)).isEqualTo("stale-timestamp");
        assertThat(refusal(source, WebhookSigner.headers(WebhookFormat.GENERIC, STANDARD_SECRET, body, NOW.plusSeconds(301)),
                body, NOW)).isEqualTo("future-timestamp");
    }

    @Test
    void verify_rotationWithOldAndNewSecret_acceptsBothAndNothingElse() {
        String oldSecret = STANDARD_SECRET;
        String newSecret = Fixtures.OTHER_STANDARD_SECRET;
        Source source = source(WebhookFormat.FORMBRICKS, oldSecret, newSecret);
        byte[] body = bytes("formbricks-responseFinished.wire-nps.json");

        for (String secret : List.of(oldSecret, newSecret)) {
            Map<String, String> headers = WebhookSigner.headers(WebhookFormat.FORMBRICKS, secret, body, NOW);
            assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.FORMBRICKS, source.secrets(), headers, body, NOW))
                    .doesNotThrowAnyException();
        }
        String stranger = "whsec_" + java.util.Base64.getEncoder().encodeToString(utf8("a different secret, 32 bytes long"));
        assertThat(refusal(source, WebhookSigner.headers(WebhookFormat.FORMBRICKS, stranger, body, NOW), body, NOW))
                .isEqualTo("bad-signature");
    }

    @Test
    void verify_headerListingOldAndNewSignatures_accepted() {
        byte[] body = bytes("generic-response.json");
        String oldSignature = WebhookSigner.standardSignature(STANDARD_SECRET, "msg_1", NOW.getEpochSecond(), body);
        String newSignature = WebhookSigner.standardSignature(Fixtures.OTHER_STANDARD_SECRET, "msg_1", NOW.getEpochSecond(), body);
        Map<String, String> headers = standardHeaders("msg_1", Long.toString(NOW.getEpochSecond()), newSignature + " " + oldSignature);

        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.GENERIC,
                source(WebhookFormat.GENERIC, STANDARD_SECRET).secrets(), headers, body, NOW)).doesNotThrowAnyException();
    }

    @Test
    void sign_typeformSdkVector_matchesAndVerifies() {
        byte[] body = utf8("{\"foo\":\"bar\"}");
        String signature = "sha256=X2b3nUhiGjaWHxmPO/YQzUvHXBNac4gPjZ5/bjXrhQY=";

        assertThat(WebhookSigner.typeformSignature("my-webook-secret", body)).isEqualTo(signature);
        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.TYPEFORM, source(WebhookFormat.TYPEFORM, "my-webook-secret").secrets(),
                Map.of("typeform-signature", signature), body, NOW)).doesNotThrowAnyException();
        assertThat(refusal(source(WebhookFormat.TYPEFORM, "my-webook-secret"), Map.of("typeform-signature", "sha256=foobar123"),
                body, NOW)).isEqualTo("malformed-signature");
    }

    @Test
    void sign_typeformMiddlewareVectorsOverTheirLiteralBody_match() {
        byte[] body = utf8("[object Object]");

        assertThat(WebhookSigner.typeformSignature("my-webook-secret", body))
                .isEqualTo("sha256=FhVodsSGB+QthTXIf8EZYpoPTiu8+Zfr1wVcD3Ii75A=");
        assertThat(WebhookSigner.typeformSignature("custom-secret", body))
                .isEqualTo("sha256=HzxMTtYAfEJLDW/2zaHNZDTn1m0dtbWFlOqmkKe6LT4=");
    }

    @Test
    void verify_typeformFixtureDerivedVector_accepted() {
        assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.TYPEFORM, source(WebhookFormat.TYPEFORM, "my-webook-secret").secrets(),
                Map.of("typeform-signature", " sha256=147e2gQ2c2696hEL+m2Y2tlbBrd+oLId5YrM/Gz9RD0= "),
                bytes("typeform-form_response.json"), NOW)).doesNotThrowAnyException();
    }

    @Test
    void verify_delightedFixtureDerivedVector_acceptedInEitherHexCase() {
        List<Secret> secrets = source(WebhookFormat.DELIGHTED, Fixtures.DELIGHTED_SECRET).secrets();
        byte[] body = bytes("delighted-survey_response.updated.json");
        String hex = "986a7696b6da0ea072cb3a72a7d8bea516ce718b5f458a28a2c222ace61857f4";

        assertThat(WebhookSigner.delightedSignature(Fixtures.DELIGHTED_SECRET, body)).isEqualTo("sha256=" + hex);
        for (String header : List.of("sha256=" + hex, "sha256=" + hex.toUpperCase(java.util.Locale.ROOT), "  sha256=" + hex + "\n")) {
            assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.DELIGHTED, secrets,
                    Map.of("x-delighted-webhook-signature", header), body, NOW)).doesNotThrowAnyException();
        }
    }

    @Test
    void verify_survicateFixtureDerivedVector_acceptedInEitherHexCase() {
        List<Secret> secrets = source(WebhookFormat.SURVICATE, Fixtures.SURVICATE_SECRET).secrets();
        byte[] body = bytes("survicate-questionAnswered.json");
        String hex = "92e1f37743b02ac0ebf25fef13be063f7cf7103a327fc26059abfdf76f7ce951";

        assertThat(WebhookSigner.survicateSignature(Fixtures.SURVICATE_SECRET, body)).isEqualTo(hex);
        for (String header : List.of(hex, hex.toUpperCase(java.util.Locale.ROOT), " " + hex + " ")) {
            assertThatCode(() -> SignatureVerifier.verify(WebhookFormat.SURVICATE, secrets, Map.of("hmac", header), body, NOW))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void verify_tamperedBody_refused(WebhookFormat format) {
        byte[] body = bytes("generic-response.json");
        Map<String, String> headers = WebhookSigner.headers(format, Fixtures.secretFor(format), body, NOW);
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;

        assertThat(refusal(source(format, Fixtures.secretFor(format)), headers, tampered, NOW)).isEqualTo("bad-signature");
    }

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void verify_wrongSecret_refused(WebhookFormat format) {
        byte[] body = bytes("generic-response.json");
        Map<String, String> headers = WebhookSigner.headers(format, Fixtures.secretFor(format), body, NOW);
        String wrong = WebhookSigner.newSecret(format, new java.security.SecureRandom());

        assertThat(refusal(source(format, wrong), headers, body, NOW)).isEqualTo("bad-signature");
    }

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void verify_sourceWithoutSecret_refusedEvenWhenSigned(WebhookFormat format) {
        byte[] body = bytes("generic-response.json");
        Map<String, String> headers = WebhookSigner.headers(format, Fixtures.secretFor(format), body, NOW);

        assertThat(refusal(source(format), headers, body, NOW)).isEqualTo("no-secret");
        assertThat(refusal(source(format, "", "   "), headers, body, NOW)).isEqualTo("no-secret");
    }

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void verify_noHeaders_refusedAsMissing(WebhookFormat format) {
        String reason = refusal(source(format, Fixtures.secretFor(format)), Map.of(), bytes("generic-response.json"), NOW);

        assertThat(reason).startsWith("missing-");
    }

    @ParameterizedTest
    @EnumSource(value = WebhookFormat.class, names = {"TYPEFORM", "DELIGHTED", "SURVICATE"})
    void verify_bodyMacHeaderNotEncodedAsTheSchemeSays_refusedAsMalformed(WebhookFormat format) {
        String header = switch (format) {
            case TYPEFORM -> "typeform-signature";
            case DELIGHTED -> "x-delighted-webhook-signature";
            default -> "hmac";
        };
        Source source = source(format, Fixtures.secretFor(format));
        byte[] body = bytes("generic-response.json");

        for (String value : List.of("md5=abcd", "sha256=", "sha256=zz-not-encoded", "xyz")) {
            assertThat(refusal(source, Map.of(header, value), body, NOW)).as(value).isEqualTo("malformed-signature");
        }
    }

    @Test
    void verify_standardSecretNotBase64_unusable() {
        assertThat(SignatureVerifier.acceptsSecret(WebhookFormat.GENERIC, "whsec_not base64!")).isFalse();
        assertThat(SignatureVerifier.acceptsSecret(WebhookFormat.GENERIC, STANDARD_SECRET)).isTrue();
        assertThat(SignatureVerifier.acceptsSecret(WebhookFormat.TYPEFORM, "any text at all")).isTrue();
        assertThat(refusal(source(WebhookFormat.GENERIC, "whsec_not base64!"), Map.of(), SW_BODY, NOW)).isEqualTo("no-secret");
    }

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void refusal_neverCarriesTheSecretOrTheExpectedMac(WebhookFormat format) {
        String secret = Fixtures.secretFor(format);
        Map<String, String> signed = WebhookSigner.headers(format, secret, bytes("generic-response.json"), NOW, "msg_1");
        byte[] tampered = utf8("{\"id\":\"x\"}");

        SignatureRefusedException refused = catchThrowableOfType(SignatureRefusedException.class,
                () -> SignatureVerifier.verify(format, source(format, secret).secrets(), signed, tampered, NOW));

        String everything = refused.getMessage() + " " + refused.problem() + " " + refused.problem().response("/x").body();
        String expectedMac = switch (format) {
            case GENERIC, FORMBRICKS -> WebhookSigner.standardSignature(secret, "msg_1", NOW.getEpochSecond(), tampered).substring(3);
            case TYPEFORM -> WebhookSigner.typeformSignature(secret, tampered).substring(7);
            case DELIGHTED -> WebhookSigner.delightedSignature(secret, tampered).substring(7);
            case SURVICATE -> WebhookSigner.survicateSignature(secret, tampered);
        };
        assertThat(everything).doesNotContain(secret).doesNotContain(expectedMac).contains("bad-signature");
        assertThat(refused.problem().status()).isEqualTo(401);
    }
}
