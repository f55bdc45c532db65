package io.closedloop.admin;

import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A configuration store in memory with the DynamoDB store's optimistic-version rule; counts writes. */
final class InMemoryConfigStore implements ConfigStore {

    private final Map<String, ConfigEntry> entries = new TreeMap<>();
    int puts;
    int deletes;

    @Override
    public synchronized List<ConfigEntry> loadAll() {
        return new ArrayList<>(entries.values());
    }

    @Override
    public synchronized Optional<ConfigEntry> find(ConfigKind kind, String id) {
        return Optional.ofNullable(entries.get(kind + "#" + id));
    }

    @Override
    public synchronized void put(ConfigEntry entry) {
        ConfigEntry stored = entries.get(entry.kind() + "#" + entry.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (entry.version() <= 1 ? stored != null : storedVersion != entry.version() - 1) {
            throw new ConflictException(entry.kind() + " " + entry.id() + " changed");
        }
        entries.put(entry.kind() + "#" + entry.id(), entry);
        puts++;
    }

    @Override
    public synchronized void delete(ConfigKind kind, String id) {
        entries.remove(kind + "#" + id);
        deletes++;
    }
}
