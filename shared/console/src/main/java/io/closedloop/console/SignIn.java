package io.closedloop.console;

import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.ports.SignInStore;
import io.closedloop.ports.SignInStore.Grant;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Passwordless sign-in (docs/console.md, "Sign-in"): an email address gets a one-time link when it belongs to a
 * configured person; the link's token is random, stored only as its hash, works once and for 15 minutes. The caller
 * answers the same whatever happens here, so nobody learns which addresses are configured.
 */
public final class SignIn {

    public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    /** Links per address per window: enough for a lost email, too few to flood a mailbox. */
    public static final int MAX_LINKS_PER_WINDOW = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_EMAIL_LENGTH = 254;

    /** What a request for a link came to; only {@link Sent} carries a link to email. */
    public sealed interface Requested {
        record Sent(Responder person, String token, Instant expiresAt) implements Requested {}

        /** No configured person has this address (or it is not an address). */
        record Unknown() implements Requested {}

        /** The address already had {@link #MAX_LINKS_PER_WINDOW} links in this window. */
        record Throttled() implements Requested {}
    }

    private final SignInStore store;

    public SignIn(SignInStore store) {
        this.store = store;
    }

    public Requested request(String email, Configuration config, Instant now) {
        Optional<Responder> person = personByEmail(email, config);
        if (person.isEmpty()) {
            return new Requested.Unknown();
        }
        long window = WINDOW.toSeconds();
        Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), window) * window);
        if (!store.allowAnother(Secrets.hash(normalized(email)), windowStart, windowStart.plus(WINDOW), MAX_LINKS_PER_WINDOW)) {
            return new Requested.Throttled();
        }
        String token = Secrets.newSecret();
        Instant expiresAt = now.plus(LINK_LIFETIME);
        store.store(new Grant(Secrets.hash(token), person.get().id(), expiresAt));
        return new Requested.Sent(person.get(), token, expiresAt);
    }

    /** Whether the token could be one of ours; the page that shows the "Sign in" button changes nothing. */
    public static boolean plausible(String token) {
        return Secrets.wellFormed(token);
    }

    /**
     * Consumes the link (single use: a second redeem finds nothing) and returns whom it signs in, if it is unexpired
     * and the person is still configured.
     */
    public Optional<Responder> redeem(String token, Configuration config, Instant now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return store.consume(Secrets.hash(token))
                .filter(grant -> now.isBefore(grant.expiresAt()))
                .flatMap(grant -> config.responder(grant.personId()));
    }

    static Optional<Responder> personByEmail(String email, Configuration config) {
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL_LENGTH || !email.contains("@")) {
            return Optional.empty();
        }
        String wanted = normalized(email);
        return config.responders().values().stream()
                .filter(r -> r.email() != null && normalized(r.email()).equals(wanted))
                .min(java.util.Comparator.comparing(Responder::id));
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
