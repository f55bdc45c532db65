package io.closedloop.config;

/** The payload and signature scheme a source speaks. */
public enum WebhookFormat {
    GENERIC,
    FORMBRICKS,
    TYPEFORM,
    DELIGHTED,
    SURVICATE
}
