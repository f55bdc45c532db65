package io.closedloop.links;

import io.closedloop.config.LinkKey;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compact HMAC-signed tokens: {@code <kid>.<payload>.<mac>}, base64url, the MAC over a purpose label and the payload
 * (so a link token can never pass as a session, nor the reverse), truncated to 128 bits, compared in constant time.
 */
final class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    static final int MAX_LENGTH = 512;

    private SignedTokens() {}

    static String sign(LinkKey key, String purpose, String payload) {
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return key.kid() + "." + encoded + "." + ENCODER.encodeToString(mac(key, purpose, encoded));
    }

    /** The payload when the token is well formed, signed by a known key for this purpose; empty otherwise. */
    static Optional<String> verify(String token, String purpose, Function<String, Optional<LinkKey>> keys) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        Optional<LinkKey> key = keys.apply(parts[0]);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented;
        try {
            presented = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(presented, mac(key.get(), purpose, parts[1]))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String mac(LinkKey key, String purpose, byte[]... parts) {
        Mac mac = hmac(key);
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            mac.update((byte) 0);
            mac.update(part);
        }
        return ENCODER.encodeToString(Arrays.copyOf(mac.doFinal(), MAC_BYTES));
    }

    private static byte[] mac(LinkKey key, String purpose, String encodedPayload) {
        Mac mac = hmac(key);
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(encodedPayload.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private static Mac hmac(LinkKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
