package io.closedloop.ingest;

import io.closedloop.config.Secret;
import io.closedloop.config.WebhookFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a delivery's signature on the raw body bytes, before anything parses them, against every secret of the
 * source (several during a rotation). Comparisons are constant-time. A source without a usable secret refuses every
 * delivery: signatures are mandatory in Closedloop.
 */
public final class SignatureVerifier {

    static final String STANDARD_ID = "webhook-id";
    static final String STANDARD_TIMESTAMP = "webhook-timestamp";
    static final String STANDARD_SIGNATURE = "webhook-signature";
    static final String TYPEFORM_SIGNATURE = "typeform-signature";
    static final String DELIGHTED_SIGNATURE = "x-delighted-webhook-signature";
    static final String SURVICATE_SIGNATURE = "hmac";
    static final String STANDARD_SECRET_PREFIX = "whsec_";
    static final String SHA256_PREFIX = "sha256=";

    /** Standard Webhooks ids are opaque, but bounded and without the separator of the signed content. */
    private static final int MAX_MESSAGE_ID_CHARS = 256;
    /** Unix seconds; twelve digits reach the year 33658. */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private SignatureVerifier() {}

    /**
     * Returns normally when one of {@code secrets} signed {@code body} as {@code format} prescribes.
     *
     * @param headers request headers, names lower-case
     * @param now the time the delivery arrived, for the Standard Webhooks replay window
     * @throws SignatureRefusedException with a short reason code otherwise
     */
    public static void verify(WebhookFormat format, List<Secret> secrets, Map<String, String> headers, byte[] body,
            Instant now) {
        List<byte[]> keys = keys(format, secrets);
        if (keys.isEmpty()) {
            throw refused("no-secret");
        }
        byte[] payload = body == null ? new byte[0] : body;
        switch (format) {
            case GENERIC, FORMBRICKS -> verifyStandard(keys, headers, payload, now);
            case TYPEFORM -> verifyBodyMac(keys, header(headers, TYPEFORM_SIGNATURE), SHA256_PREFIX, false, payload);
            case DELIGHTED -> verifyBodyMac(keys, header(headers, DELIGHTED_SIGNATURE), SHA256_PREFIX, true, payload);
            case SURVICATE -> verifyBodyMac(keys, header(headers, SURVICATE_SIGNATURE), "", true, payload);
        }
    }

    /** Whether {@code secret} can sign for {@code format}: Standard Webhooks secrets must be base64 ({@code whsec_} optional). */
    public static boolean acceptsSecret(WebhookFormat format, String secret) {
        return key(format, secret) != null;
    }

    /** The HMAC key bytes of a secret for a format; null when unusable. */
    static byte[] key(WebhookFormat format, String secret) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        return switch (format) {
            case GENERIC, FORMBRICKS -> {
                String encoded = secret.startsWith(STANDARD_SECRET_PREFIX)
                        ? secret.substring(STANDARD_SECRET_PREFIX.length())
                        : secret;
                byte[] key = Hmac.unbase64(encoded.trim());
                yield key == null || key.length == 0 ? null : key;
            }
            case TYPEFORM, DELIGHTED, SURVICATE -> secret.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static List<byte[]> keys(WebhookFormat format, List<Secret> secrets) {
        List<byte[]> keys = new ArrayList<>(secrets == null ? 0 : secrets.size());
        if (secrets != null) {
            for (Secret secret : secrets) {
                byte[] key = secret == null ? null : key(format, secret.value());
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static void verifyStandard(List<byte[]> keys, Map<String, String> headers, byte[] body, Instant now) {
        String id = header(headers, STANDARD_ID);
        if (id == null) {
            throw refused("missing-id");
        }
        if (id.length() > MAX_MESSAGE_ID_CHARS || id.indexOf('.') >= 0) {
            throw refused("malformed-id");
        }
        String timestamp = header(headers, STANDARD_TIMESTAMP);
        if (timestamp == null) {
            throw refused("missing-timestamp");
        }
        long seconds = unixSeconds(timestamp);
        long tolerance = WebhookLimits.TIMESTAMP_TOLERANCE.toSeconds();
        if (seconds < now.getEpochSecond() - tolerance) {
            throw refused("stale-timestamp");
        }
        if (seconds > now.getEpochSecond() + tolerance) {
            throw refused("future-timestamp");
        }
        String signatures = header(headers, STANDARD_SIGNATURE);
        if (signatures == null) {
            throw refused("missing-signature");
        }
        List<byte[]> candidates = new ArrayList<>(2);
        boolean sawVersionOne = false;
        int start = 0;
        while (start < signatures.length()) {
            int end = start;
            while (end < signatures.length() && !Character.isWhitespace(signatures.charAt(end))) {
                end++;
            }
            // Other versions (v1a is ed25519) are skipped, as the spec requires of an HMAC verifier
            if (end - start >= 3 && signatures.startsWith("v1,", start)) {
                sawVersionOne = true;
                byte[] candidate = Hmac.unbase64(signatures.substring(start + 3, end));
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
            start = end + 1;
        }
        if (!sawVersionOne) {
            throw refused("malformed-signature");
        }
        byte[] prefix = (id + '.' + timestamp + '.').getBytes(StandardCharsets.UTF_8);
        for (byte[] key : keys) {
            byte[] expected = Hmac.sha256(key, prefix, body);
            for (byte[] candidate : candidates) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return;
                }
            }
        }
        throw refused("bad-signature");
    }

    private static long unixSeconds(String timestamp) {
        if (timestamp.length() > MAX_TIMESTAMP_DIGITS) {
            throw refused("malformed-timestamp");
        }
        long seconds = 0;
        for (int i = 0; i < timestamp.length(); i++) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                throw refused("malformed-timestamp");
            }
            seconds = seconds * 10 + (c - '0');
        }
        return seconds;
    }

    private static void verifyBodyMac(List<byte[]> keys, String header, String prefix, boolean hex, byte[] body) {
        if (header == null) {
            throw refused("missing-signature");
        }
        if (!header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw refused("malformed-signature");
        }
        String encoded = header.substring(prefix.length()).trim();
        byte[] candidate = hex ? Hmac.unhex(encoded) : Hmac.unbase64(encoded);
        if (candidate == null) {
            throw refused("malformed-signature");
        }
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(Hmac.sha256(key, null, body), candidate)) {
                return;
            }
        }
        throw refused("bad-signature");
    }

    /** The trimmed value of a header, looked up by its lower-case name (then case-insensitively); null when blank. */
    static String header(Map<String, String> headers, String lowerCaseName) {
        if (headers == null) {
            return null;
        }
        String value = headers.get(lowerCaseName);
        if (value == null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey() != null && header.getKey().trim().equalsIgnoreCase(lowerCaseName)) {
                    value = header.getValue();
                    break;
                }
            }
        }
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static SignatureRefusedException refused(String reason) {
        return new SignatureRefusedException(reason);
    }
}
