package io.closedloop.ports;

import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import java.util.List;
import java.util.Optional;

/** Configuration entries: all read with one query, written one at a time with optimistic locking. */
public interface ConfigStore {

    List<ConfigEntry> loadAll();

    Optional<ConfigEntry> find(ConfigKind kind, String id);

    /**
     * Writes one entry. The write only succeeds if the stored entry has version {@code entry.version() - 1}
     * (version 1 = must not exist yet).
     *
     * @throws ConflictException when the stored version differs
     */
    void put(ConfigEntry entry);

    /**
     * Writes several entries, each on the same condition as {@link #put}: all of them or none where the store can (a
     * transaction); this default writes them one by one.
     *
     * @throws ConflictException when a stored version differs
     */
    default void putAll(List<ConfigEntry> entries) {
        entries.forEach(this::put);
    }

    void delete(ConfigKind kind, String id);
}
