package io.closedloop.config;

import java.time.Instant;

/**
 * A key that signs case links and sessions. Several are kept: the newest active one signs, all non-retired ones
 * verify, so rotation never breaks a link already in someone's inbox.
 */
public record LinkKey(String kid, byte[] secret, Instant createdAt, boolean retired) {

    @Override
    public String toString() {
        return "LinkKey[kid=" + kid + ", retired=" + retired + "]";
    }
}
