package io.closedloop.ports;

import java.time.Instant;
import java.util.Optional;

/** One-time console sign-in links: only a hash of each token is stored, and a link is consumed once. */
public interface SignInStore {

    /** A stored sign-in link: the SHA-256 of its token, for whom, until when. */
    record Grant(String tokenHash, String personId, Instant expiresAt) {}

    /**
     * Counts one more link for an address in the window starting at {@code windowStart}; false (and nothing
     * counted) when {@code max} links were already sent in it.
     *
     * @param addressHash a hash of the case-folded address, so no email lands in a key
     */
    boolean allowAnother(String addressHash, Instant windowStart, Instant windowEnd, int max);

    void store(Grant grant);

    /** Removes the grant and returns it, atomically: a second call for the same hash finds nothing. */
    Optional<Grant> consume(String tokenHash);
}
