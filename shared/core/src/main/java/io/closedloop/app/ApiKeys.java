package io.closedloop.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys look like {@code cl_<keyId>_<secret>}: the id finds the stored key, the whole key is compared by its
 * SHA-256 (keys carry 256 random bits, so a fast hash is enough; nothing reversible is stored).
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A freshly generated key: show it once, store only its hash. */
    public record NewKey(String keyId, String key, String hash) {}

    private ApiKeys() {}

    public static NewKey generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String key = "cl_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(keyId, key, hash(key));
    }

    /** The key id a presented key names, if it has the key shape. */
    public static Optional<String> keyId(String presented) {
        if (presented == null || presented.length() > 200 || !presented.startsWith("cl_")) {
            return Optional.empty();
        }
        int second = presented.indexOf('_', 3);
        if (second <= 3 || second == presented.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(presented.substring(3, second));
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented key with a stored hash. */
    public static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
