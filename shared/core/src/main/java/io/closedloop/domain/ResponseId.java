package io.closedloop.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The identity of a response: the source it came through and the provider's own id for it. */
public record ResponseId(String sourceId, String externalId) {

    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    /**
     * The id of the case this response opens: derived, never random, so that every retry of the same delivery
     * targets the same case item and a conditional write makes creation happen once.
     */
    public String caseId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sourceId + '\u0000' + externalId).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("c");
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            for (int i = 0; i < 12; i++) {
                id.append(ALPHABET[(int) Long.remainderUnsigned(bits, ALPHABET.length)]);
                bits = Long.divideUnsigned(bits, ALPHABET.length);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return sourceId + "/" + externalId;
    }
}
