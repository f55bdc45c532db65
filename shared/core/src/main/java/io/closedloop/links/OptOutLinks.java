package io.closedloop.links;

import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer's "no more emails" link, in every customer email and its {@code List-Unsubscribe} header: signed with
 * the link key, naming only the hash of the address (no case, no address), valid for a year, as mail clients keep
 * the header long after the message arrived.
 */
public final class OptOutLinks {

    public static final Duration LIFETIME = Duration.ofDays(365);
    private static final String PURPOSE = "opt-out";

    /** The address hash a valid link names, or empty (tampered, other purpose, expired). */
    public static Optional<String> verify(Configuration config, String token, Instant now) {
        Optional<String> payload = SignedTokens.verify(token, PURPOSE, config::linkKey);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = payload.get().split("~", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1]))) ? Optional.of(parts[0]) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String token(LinkKey key, String addressHash, Instant expiresAt) {
        return SignedTokens.sign(key, PURPOSE, addressHash + "~" + expiresAt.getEpochSecond());
    }

    private OptOutLinks() {}
}
