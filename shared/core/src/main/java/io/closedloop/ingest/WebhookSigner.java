package io.closedloop.ingest;

import io.closedloop.config.WebhookFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Signs a body exactly as each provider does, producing the request headers: for the local stack, the load test
 * and end-to-end tests, which post sample deliveries that must pass {@link SignatureVerifier}.
 */
public final class WebhookSigner {

    private static final String JSON = "application/json";

    private WebhookSigner() {}

    /**
     * The headers of a delivery of {@code body} signed with {@code secret}; for Standard Webhooks formats the message
     * id is derived from the body, so re-signing the same body yields the same id, as a provider's retry does.
     */
    public static Map<String, String> headers(WebhookFormat format, String secret, byte[] body, Instant timestamp) {
        return headers(format, secret, body, timestamp, "msg_" + Hmac.hex(sha256(body)).substring(0, 24));
    }

    /**
     * The headers of a delivery of {@code body} signed with {@code secret}, names lower-case.
     *
     * @param timestamp the send time (Standard Webhooks formats only; the others sign no time)
     * @param messageId the {@code webhook-id} (Standard Webhooks formats only)
     * @throws IllegalArgumentException when {@code secret} is not usable for {@code format}
     */
    public static Map<String, String> headers(WebhookFormat format, String secret, byte[] body, Instant timestamp,
            String messageId) {
        return switch (format) {
            case GENERIC, FORMBRICKS -> {
                long seconds = timestamp.getEpochSecond();
                yield Map.of(
                        "content-type", JSON,
                        SignatureVerifier.STANDARD_ID, messageId,
                        SignatureVerifier.STANDARD_TIMESTAMP, Long.toString(seconds),
                        SignatureVerifier.STANDARD_SIGNATURE, standardSignature(secret, messageId, seconds, body));
            }
            case TYPEFORM -> Map.of("content-type", JSON, SignatureVerifier.TYPEFORM_SIGNATURE, typeformSignature(secret, body));
            case DELIGHTED -> Map.of("content-type", JSON, SignatureVerifier.DELIGHTED_SIGNATURE, delightedSignature(secret, body));
            case SURVICATE -> Map.of("content-type", JSON, SignatureVerifier.SURVICATE_SIGNATURE, survicateSignature(secret, body));
        };
    }

    /** Standard Webhooks (Generic, Formbricks): {@code v1,} + base64 HMAC of {@code id.timestamp.body}. */
    public static String standardSignature(String secret, String messageId, long timestamp, byte[] body) {
        byte[] prefix = (messageId + '.' + timestamp + '.').getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(Hmac.sha256(key(WebhookFormat.GENERIC, secret), prefix, body));
    }

    /** Typeform: {@code sha256=} + base64 HMAC of the body, keyed by the secret's UTF-8 bytes. */
    public static String typeformSignature(String secret, byte[] body) {
        return SignatureVerifier.SHA256_PREFIX
                + Base64.getEncoder().encodeToString(Hmac.sha256(key(WebhookFormat.TYPEFORM, secret), null, body));
    }

    /** Delighted: {@code sha256=} + lower-case hex HMAC of the body. */
    public static String delightedSignature(String secret, byte[] body) {
        return SignatureVerifier.SHA256_PREFIX + Hmac.hex(Hmac.sha256(key(WebhookFormat.DELIGHTED, secret), null, body));
    }

    /** Survicate: lower-case hex HMAC of the body. */
    public static String survicateSignature(String secret, byte[] body) {
        return Hmac.hex(Hmac.sha256(key(WebhookFormat.SURVICATE, secret), null, body));
    }

    /** A fresh secret in the form the format's provider issues: {@code whsec_} + 32 random bytes, or 32 hex bytes. */
    public static String newSecret(WebhookFormat format, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return switch (format) {
            case GENERIC, FORMBRICKS -> SignatureVerifier.STANDARD_SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
            case TYPEFORM, DELIGHTED, SURVICATE -> Hmac.hex(bytes);
        };
    }

    private static byte[] key(WebhookFormat format, String secret) {
        byte[] key = SignatureVerifier.key(format, secret);
        if (key == null) {
            throw new IllegalArgumentException("the secret is not usable for " + format);
        }
        return key;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
