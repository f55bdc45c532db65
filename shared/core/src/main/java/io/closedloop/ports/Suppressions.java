package io.closedloop.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * Customer addresses that get no more email: the customer opted out, or SES reported a bounce or a complaint. Keyed by
 * the address's hash ({@code io.closedloop.customer.Addresses#hash}), so the list itself holds no address.
 */
public interface Suppressions {

    enum Reason { OPTED_OUT, BOUNCED, COMPLAINED }

    record Suppression(Reason reason, Instant at) {}

    Optional<Suppression> find(String addressHash);

    /** Idempotent: an address already suppressed keeps its first reason and time. */
    void suppress(String addressHash, Reason reason, Instant at);
}
