package io.closedloop.console;

import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.ports.SessionStore;
import io.closedloop.ports.SessionStore.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions (docs/console.md, "Session"): the cookie carries {@code <personId>.<secret>}; the store keeps only
 * the secret's hash. A session ends after 2 hours idle or 12 hours in all, on sign-out, when an admin ends the
 * person's sessions, or when the person is no longer configured.
 */
public final class ConsoleSessions {

    public static final String COOKIE = "cl_console";
    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    /** A page view refreshes the idle clock at most this often, so reading pages is not a write each time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final int MAX_COOKIE_LENGTH = 300;

    /** A session just started: the cookie's value and when it ends at the latest. */
    public record Started(String cookieValue, Instant expiresAt) {}

    /**
     * A valid session.
     *
     * @param cookieValue what the browser sent: forms' CSRF tokens are bound to it
     */
    public record Signed(Responder person, String cookieValue, Instant expiresAt) {}

    private final SessionStore store;

    public ConsoleSessions(SessionStore store) {
        this.store = store;
    }

    public Started start(Responder person, Instant now) {
        String secret = Secrets.newSecret();
        Instant expiresAt = now.plus(ABSOLUTE);
        store.create(new Session(person.id(), Secrets.hash(secret), now, now, expiresAt));
        return new Started(person.id() + "." + secret, expiresAt);
    }

    public Optional<Signed> check(String cookieValue, Configuration config, Instant now) {
        Optional<Parsed> parsed = parse(cookieValue);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String personId = parsed.get().personId();
        String hash = Secrets.hash(parsed.get().secret());
        Optional<Session> found = store.find(personId, hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Optional<Responder> person = config.responder(personId);
        boolean expired = !now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(IDLE));
        if (expired || person.isEmpty()) {
            store.delete(personId, hash);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
            store.touch(personId, hash, now);
        }
        return Optional.of(new Signed(person.get(), cookieValue, session.expiresAt()));
    }

    /** Sign out: the session is deleted, so the cookie is worthless even if it was copied. */
    public void end(String cookieValue) {
        parse(cookieValue).ifPresent(p -> store.delete(p.personId(), Secrets.hash(p.secret())));
    }

    /** Ends every session of a person; returns how many there were. */
    public int endAll(String personId) {
        return store.deleteAll(personId);
    }

    private record Parsed(String personId, String secret) {}

    private static Optional<Parsed> parse(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        int dot = cookieValue.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String secret = cookieValue.substring(dot + 1);
        String personId = cookieValue.substring(0, dot);
        if (!Secrets.wellFormed(secret) || personId.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(personId, secret));
    }
}
