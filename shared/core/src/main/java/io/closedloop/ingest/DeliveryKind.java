package io.closedloop.ingest;

/** How a parsed delivery is to be stored. */
public enum DeliveryKind {
    /** A whole response (or a complete snapshot of it): stored, or replaces a stored lower revision. */
    FULL,
    /** One answered question, merged into the stored response of the same id (Survicate). */
    PARTIAL
}
