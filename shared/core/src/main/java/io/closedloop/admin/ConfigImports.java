package io.closedloop.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration as one document: exported whole, imported with a plan of what changes first. An import is
 * checked whole before anything is written: every entry is bound as {@code PUT /admin/<kind>/<id>} binds it, then every
 * reference is checked against the configuration the import would make, so entries may refer to each other in any
 * order; one problem refuses it all. The changed entries are then written together ({@link ConfigStore#putAll}).
 *
 * <p>Entries the document does not name are kept: an import adds and changes, it never deletes (deleting has its own
 * reference checks, one entry at a time). Keys are never in the document: API keys and link keys are secrets, and a
 * source's webhook secrets stay as they are (a new source arrives without one).
 */
public final class ConfigImports {

    /** The kinds a document holds, in the order an export lists them (what is referred to before what refers). */
    public static final List<AdminKind> KINDS = List.of(AdminKind.CALENDARS, AdminKind.ROOT_CAUSES, AdminKind.SLA_POLICIES, AdminKind.ACTION_PLANS,
            AdminKind.RESPONDERS, AdminKind.TEAMS, AdminKind.CAMPAIGNS, AdminKind.SOURCES, AdminKind.RULES);
    /** At most this many entries change in one import (one DynamoDB transaction). */
    public static final int MAX_CHANGES = 100;

    /** One entry of a document: the body {@code PUT /admin/<kind>/<id>} takes. */
    public record Incoming(AdminKind kind, String id, ObjectNode body) {}

    public enum ChangeType {
        ADDED,
        CHANGED,
        UNCHANGED
    }

    /** What an import does to one entry; {@code before} is null for a new one. Both without id, version or secrets. */
    public record Change(AdminKind kind, String id, ChangeType type, ObjectNode before, ObjectNode after) {}

    /**
     * @param errors each named {@code <kind>.<id>.<field>}; any error refuses the whole import
     * @param basis the stored configuration the plan was made on; an apply must name it
     */
    public record Plan(List<Change> changes, List<FieldError> errors, String basis) {
        public Plan {
            changes = List.copyOf(changes);
            errors = List.copyOf(errors);
        }

        public long changed() {
            return changes.stream().filter(c -> c.type() != ChangeType.UNCHANGED).count();
        }
    }

    private final ConfigStore store;
    private final ConfigCache cache;

    public ConfigImports(ConfigStore store, ConfigCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** The entries of every exported kind, each as a document lists it, by kind then id. */
    public Map<AdminKind, Map<String, ObjectNode>> export() {
        List<ConfigEntry> entries = store.loadAll();
        Configuration config = ConfigurationAssembler.assemble(entries);
        Map<AdminKind, Map<String, ObjectNode>> document = new LinkedHashMap<>();
        for (AdminKind kind : KINDS) {
            Map<String, ObjectNode> ofKind = new java.util.TreeMap<>();
            if (kind == AdminKind.ACTION_PLANS) {
                config.actionPlans().stream().map(ActionPlan::id).distinct()
                        .forEach(id -> config.currentPlan(id).ifPresent(plan -> ofKind.put(id, portable(kind, AdminViews.view(plan, plan.version())))));
            } else {
                for (ConfigEntry entry : entries) {
                    if (entry.kind() == kind.configKind()) {
                        Object value = Json.read(entry.json(), kind.configKind().type());
                        ofKind.put(entry.id(), portable(kind, AdminViews.view(value, entry.version())));
                    }
                }
            }
            document.put(kind, ofKind);
        }
        return document;
    }

    /** What importing these entries would change, and why it cannot, without writing anything. */
    public Plan plan(List<Incoming> incoming) {
        return plan(incoming, store.loadAll()).plan();
    }

    /**
     * Imports the entries when the plan made on {@code basis} still holds and has no error.
     *
     * @throws ProblemException 409 when the configuration changed since the plan was shown; 422 with every error
     */
    public Plan apply(List<Incoming> incoming, String basis) {
        Planned planned = plan(incoming, store.loadAll());
        Plan plan = planned.plan();
        if (!plan.basis().equals(basis)) {
            throw new ProblemException(Problem.of(409, "configuration-changed", "Configuration changed",
                    "The configuration changed since this import was previewed: preview it again."));
        }
        if (!plan.errors().isEmpty()) {
            throw new ProblemException(Problem.invalid("The configuration file is not valid; nothing was imported.", plan.errors()));
        }
        if (planned.writes().isEmpty()) {
            return plan;
        }
        try {
            store.putAll(planned.writes());
        } catch (ConflictException lost) {
            throw new ProblemException(Problem.of(409, "configuration-changed", "Configuration changed",
                    "The configuration changed while importing; nothing was imported: preview it again."));
        } finally {
            cache.invalidate();
        }
        return plan;
    }

    private record Planned(Plan plan, List<ConfigEntry> writes) {}

    private record Bound(Incoming incoming, ObjectNode json, long entryVersion, long nextVersion, Object value) {}

    private static Planned plan(List<Incoming> incoming, List<ConfigEntry> stored) {
        Configuration current = ConfigurationAssembler.assemble(stored);
        List<FieldError> errors = new ArrayList<>();
        List<Bound> bound = new ArrayList<>();
        for (Incoming entry : incoming) {
            String prefix = entry.kind().path() + "." + entry.id();
            if (!KINDS.contains(entry.kind())) {
                errors.add(new FieldError(entry.kind().path(), "is not part of a configuration file"));
                continue;
            }
            if (!FieldChecks.isId(entry.id())) {
                errors.add(new FieldError(prefix, "is not a valid id: 1–" + FieldChecks.MAX_ID_LENGTH + " letters, digits, '.', '_' or '-'"));
                continue;
            }
            Optional<Long> existing = storedVersion(entry.kind(), entry.id(), stored, current);
            long nextVersion = existing.map(v -> v + 1).orElse(1L);
            try {
                ObjectNode json = ConfigAdmin.input(entry.body(), entry.id());
                Object value = ConfigAdmin.bind(entry.kind(), json.deepCopy(), entry.id(), nextVersion, current, null);
                bound.add(new Bound(entry, json, entry.kind() == AdminKind.ACTION_PLANS ? 1 : nextVersion, nextVersion, value));
            } catch (ProblemException refused) {
                addErrors(errors, prefix, refused);
            }
        }
        List<ConfigEntry> merged = new ArrayList<>(stored);
        for (Bound b : bound) {
            ConfigEntry written = new ConfigEntry(b.incoming().kind().configKind(), ConfigurationAssembler.storageId(b.value()), b.entryVersion(),
                    Json.string(b.value()));
            merged.removeIf(e -> e.kind() == written.kind() && e.id().equals(written.id()));
            merged.add(written);
        }
        Configuration after = ConfigurationAssembler.assemble(merged);
        List<Change> changes = new ArrayList<>();
        List<ConfigEntry> writes = new ArrayList<>();
        for (Bound b : bound) {
            AdminKind kind = b.incoming().kind();
            String id = b.incoming().id();
            Object value;
            try {
                value = ConfigAdmin.bind(kind, b.json().deepCopy(), id, b.nextVersion(), current, after);
            } catch (ProblemException refused) {
                addErrors(errors, kind.path() + "." + id, refused);
                continue;
            }
            ObjectNode before = storedView(kind, id, stored, current).orElse(null);
            ObjectNode now = portable(kind, AdminViews.view(value, b.nextVersion()));
            ChangeType type = before == null ? ChangeType.ADDED : before.equals(now) ? ChangeType.UNCHANGED : ChangeType.CHANGED;
            changes.add(new Change(kind, id, type, before, now));
            if (type != ChangeType.UNCHANGED) {
                writes.add(new ConfigEntry(kind.configKind(), ConfigurationAssembler.storageId(value), b.entryVersion(), Json.string(value)));
            }
        }
        if (writes.size() > MAX_CHANGES) {
            errors.add(new FieldError("", "changes " + writes.size() + " entries; one import changes at most " + MAX_CHANGES));
        }
        return new Planned(new Plan(changes, errors, basis(stored)), writes);
    }

    private static void addErrors(List<FieldError> errors, String prefix, ProblemException refused) {
        List<FieldError> found = refused.problem().errors();
        if (found.isEmpty()) {
            errors.add(new FieldError(prefix, refused.problem().detail()));
        }
        found.forEach(e -> errors.add(new FieldError(e.field().isEmpty() ? prefix : prefix + "." + e.field(), e.message())));
    }

    private static Optional<Long> storedVersion(AdminKind kind, String id, List<ConfigEntry> stored, Configuration current) {
        if (kind == AdminKind.ACTION_PLANS) {
            return current.currentPlan(id).map(p -> (long) p.version());
        }
        return stored.stream().filter(e -> e.kind() == kind.configKind() && e.id().equals(id)).findFirst().map(ConfigEntry::version);
    }

    private static Optional<ObjectNode> storedView(AdminKind kind, String id, List<ConfigEntry> stored, Configuration current) {
        if (kind == AdminKind.ACTION_PLANS) {
            return current.currentPlan(id).map(p -> portable(kind, AdminViews.view(p, p.version())));
        }
        return stored.stream().filter(e -> e.kind() == kind.configKind() && e.id().equals(id)).findFirst()
                .map(e -> portable(kind, AdminViews.view(Json.read(e.json(), kind.configKind().type()), e.version())));
    }

    /** An entry as a document holds it: no id (the document's key), no version, no secrets. */
    static ObjectNode portable(AdminKind kind, ObjectNode view) {
        ObjectNode copy = view.deepCopy();
        copy.remove(List.of("id", "version"));
        if (kind == AdminKind.SOURCES) {
            copy.remove("secrets");
        }
        return copy;
    }

    /** A fingerprint of every stored entry's kind, id and version: it changes with any write. */
    private static String basis(List<ConfigEntry> stored) {
        List<String> lines = stored.stream().map(e -> e.kind() + "#" + e.id() + "#" + e.version()).sorted().toList();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
