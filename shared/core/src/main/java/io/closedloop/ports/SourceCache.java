package io.closedloop.ports;

import io.closedloop.config.ConfigKind;
import io.closedloop.config.Source;
import io.closedloop.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook sources the ingest path needs, each read on its own (one small GetItem) and kept for {@code ttl}: the
 * front door never loads or parses the rest of the configuration (rules, plans, responders…), which keeps its cold
 * start and its first request after a SnapStart restore short. Unknown ids are cached too, so a flood of deliveries
 * to a source that does not exist costs one read per id and {@code ttl}.
 */
public final class SourceCache {

    private record Entry(Optional<Source> source, Instant loadedAt) {}

    private final ConfigStore store;
    private final InstantSource clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public SourceCache(ConfigStore store, InstantSource clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Optional<Source> source(String id) {
        Instant now = clock.instant();
        Entry entry = entries.get(id);
        if (entry == null || !now.isBefore(entry.loadedAt().plus(ttl)) || now.isBefore(entry.loadedAt())) {
            Optional<Source> loaded = store.find(ConfigKind.SOURCE, id).map(e -> Json.read(e.json(), Source.class));
            entry = new Entry(loaded, now);
            if (entries.size() > 10_000) {
                entries.clear();
            }
            entries.put(id, entry);
        }
        return entry.source();
    }

    /** Forgets every cached source (after a SnapStart restore, or an admin write in this process). */
    public void invalidate() {
        entries.clear();
    }
}
