package io.closedloop.ports;

/** What storing a delivery did. */
public enum StoreOutcome {
    /** First delivery of this response: stored. */
    STORED,
    /** A newer revision of a stored response: updated in place. */
    UPDATED,
    /** Same or older revision than what is stored: nothing changed. */
    DUPLICATE
}
