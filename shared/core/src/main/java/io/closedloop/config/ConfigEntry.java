package io.closedloop.config;

/** One stored configuration entry: its kind, id, version (for optimistic locking) and JSON document. */
public record ConfigEntry(ConfigKind kind, String id, long version, String json) {}
