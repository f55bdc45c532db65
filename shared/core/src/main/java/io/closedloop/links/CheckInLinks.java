package io.closedloop.links;

import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer's check-in link: signed with the link key (like responders' links), naming the case and which close it
 * follows, expiring after {@link #LIFETIME}. It is a capability for one answer only: the case records the first.
 */
public final class CheckInLinks {

    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final String PURPOSE = "check-in";

    /** What a valid link says. */
    public record Claims(String caseId, String closing, Instant expiresAt) {}

    /** Why a link was refused. */
    public enum Refusal { INVALID, EXPIRED }

    /** Either claims or a refusal. */
    public record Verified(Claims claims, Refusal refusal) {
        public boolean valid() {
            return claims != null;
        }
    }

    private CheckInLinks() {}

    public static String token(LinkKey key, String caseId, String closing, Instant expiresAt) {
        if (caseId.contains("~") || closing.contains("~")) {
            throw new IllegalArgumentException("ids must not contain '~'");
        }
        return SignedTokens.sign(key, PURPOSE, caseId + "~" + closing + "~" + expiresAt.getEpochSecond());
    }

    public static Verified verify(Configuration config, String token, Instant now) {
        Optional<String> payload = SignedTokens.verify(token, PURPOSE, config::linkKey);
        if (payload.isEmpty()) {
            return new Verified(null, Refusal.INVALID);
        }
        String[] parts = payload.get().split("~", -1);
        if (parts.length != 3) {
            return new Verified(null, Refusal.INVALID);
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            return new Verified(null, Refusal.INVALID);
        }
        if (!now.isBefore(expires)) {
            return new Verified(null, Refusal.EXPIRED);
        }
        return new Verified(new Claims(parts[0], parts[1], expires), null);
    }
}
