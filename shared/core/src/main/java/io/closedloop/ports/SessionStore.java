package io.closedloop.ports;

import java.time.Instant;
import java.util.Optional;

/** Console sessions: one item per session under its person, keyed by a hash of the secret the cookie carries. */
public interface SessionStore {

    /** A console session. {@code expiresAt} is the absolute end; idle expiry counts from {@code lastSeenAt}. */
    record Session(String personId, String secretHash, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {}

    void create(Session session);

    Optional<Session> find(String personId, String secretHash);

    /** Moves {@code lastSeenAt} forward; a session deleted meanwhile stays deleted. */
    void touch(String personId, String secretHash, Instant seenAt);

    void delete(String personId, String secretHash);

    /** Ends every session of a person (an admin's "sign out everywhere"); returns how many there were. */
    int deleteAll(String personId);
}
