package io.closedloop.config;

import java.time.Instant;

/**
 * A webhook signing secret. A source holds several so a secret can be rotated without downtime: add the new one,
 * switch the sender, then remove the old one. {@code value} is never logged or returned by the admin API.
 */
public record Secret(String id, String value, Instant createdAt) {

    @Override
    public String toString() {
        return "Secret[id=" + id + ", value=***]";
    }
}
