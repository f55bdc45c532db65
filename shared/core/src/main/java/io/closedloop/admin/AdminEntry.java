package io.closedloop.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One configuration entry as the admin API shows it: write-only fields (webhook secrets, key hashes, link-key
 * bytes) already removed from {@code view}. {@code version} is the entry's ETag: the optimistic-lock version, and
 * for an action plan its newest plan version.
 */
public record AdminEntry(AdminKind kind, String id, long version, ObjectNode view) {}
