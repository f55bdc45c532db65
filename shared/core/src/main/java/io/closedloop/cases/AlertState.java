package io.closedloop.cases;

/**
 * PENDING: to be sent at or after {@code notBefore}. SENDING: claimed by a sender until {@code leaseUntil}; if the
 * sender dies the lease runs out and the alert is retried. SENT: done, never again.
 */
public enum AlertState {
    PENDING,
    SENDING,
    SENT
}
