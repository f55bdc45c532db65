package io.closedloop.ports;

import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The warm cache of the configuration: one query per {@code ttl} per execution environment, never one per request.
 * A change made through the admin API is visible everywhere within {@code ttl}.
 */
public final class ConfigCache {

    private final ConfigStore store;
    private final InstantSource clock;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    private record Snapshot(Configuration configuration, Instant loadedAt) {}

    public ConfigCache(ConfigStore store, InstantSource clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Configuration current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.loadedAt().plus(ttl)) || now.isBefore(current.loadedAt())) {
            current = new Snapshot(ConfigurationAssembler.assemble(store.loadAll()), now);
            snapshot = current;
        }
        return current.configuration();
    }

    /** Drops the cached copy, so the next read loads fresh configuration (after an admin write in this process). */
    public void invalidate() {
        snapshot = null;
    }
}
