package io.closedloop.ports;

import io.closedloop.config.Configuration;

/** Reads the whole configuration in one go (one query), and writes single configuration entries. */
public interface ConfigStore {

    Configuration load();

    /**
     * Writes one entry (a source, rule, plan version…) as JSON under its kind and id. With {@code expectedVersion}
     * >= 0 the write only succeeds if the stored entry has that version (0 = must not exist yet).
     *
     * @throws ConflictException when the stored version differs
     */
    void put(String kind, String id, long expectedVersion, String json);

    void delete(String kind, String id);
}
