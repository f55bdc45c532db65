package io.closedloop.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.AdminEntry;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * One kind of configuration entry as the console's pages edit it: read, list and save through {@link ConfigAdmin}, so
 * every validation rule and the optimistic lock are the admin API's, and its refusals turned into what a form shows.
 * Only an admin reaches any of it.
 */
public final class ConfigEntries<T> {

    /** The field error on the id of an entry that already exists. */
    public static final String ALREADY_EXISTS = "already-exists";

    /** An entry and the version an edit must name. */
    public record Listed<T>(T value, long version) {}

    /** What became of a save. */
    public sealed interface Saved<T> {
        record Done<T>(T value, long version, boolean created) implements Saved<T> {}

        /** Refused on the fields named (the admin API's problem errors; {@code id} {@link #ALREADY_EXISTS} on a taken id). */
        record Refused<T>(List<FieldError> errors) implements Saved<T> {}

        /** Someone changed or removed the entry since the form was shown; {@code current} is null when it is gone. */
        record Conflict<T>(Listed<T> current) implements Saved<T> {}
    }

    /** What became of a delete. */
    public sealed interface Deleted<T> {
        record Done<T>() implements Deleted<T> {}

        /** Refused: other entries or open cases still need it. */
        record InUse<T>(ConfigAdmin.InUse uses) implements Deleted<T> {}

        /** Someone changed or removed the entry since the page was shown; {@code current} is null when it is gone. */
        record Conflict<T>(Listed<T> current) implements Deleted<T> {}
    }

    private final ConfigAdmin admin;
    private final AdminKind kind;
    private final Class<T> type;

    public ConfigEntries(ConfigAdmin admin, AdminKind kind, Class<T> type) {
        this.admin = admin;
        this.kind = kind;
        this.type = type;
    }

    public AdminKind kind() {
        return kind;
    }

    public List<Listed<T>> list(Access access) {
        requireAdmin(access);
        return admin.list(kind).stream().map(this::listed).toList();
    }

    public Optional<Listed<T>> find(Access access, String id) {
        requireAdmin(access);
        try {
            return Optional.of(listed(admin.get(kind, id)));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }

    /** @param expectedVersion the version the edit form showed; null to create */
    public Saved<T> save(Access access, String id, ObjectNode json, Long expectedVersion) {
        requireAdmin(access);
        try {
            ConfigAdmin.Written written = admin.put(kind, id, json, expectedVersion);
            return new Saved.Done<>(listed(written.entry()).value(), written.entry().version(), written.created());
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            if (problem.status() == 409 && problem.type().endsWith(ALREADY_EXISTS)) {
                return new Saved.Refused<>(List.of(new FieldError("id", ALREADY_EXISTS)));
            }
            if (problem.status() == 409 || problem.status() == 404) {
                return new Saved.Conflict<>(find(access, id).orElse(null));
            }
            if (problem.errors().isEmpty()) {
                return new Saved.Refused<>(List.of(new FieldError("", problem.detail())));
            }
            return new Saved.Refused<>(problem.errors());
        }
    }

    /** What keeps the entry from being deleted now. */
    public ConfigAdmin.InUse uses(Access access, String id) {
        requireAdmin(access);
        return admin.uses(kind, id);
    }

    /** @param expectedVersion the version the confirmation page showed */
    public Deleted<T> delete(Access access, String id, long expectedVersion) {
        requireAdmin(access);
        try {
            admin.delete(kind, id, expectedVersion, null);
            return new Deleted.Done<>();
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            ConfigAdmin.InUse uses = problem.status() == 409 ? admin.uses(kind, id) : null;
            if (uses != null && uses.any()) {
                return new Deleted.InUse<>(uses);
            }
            if (problem.status() == 409 || problem.status() == 404) {
                return new Deleted.Conflict<>(find(access, id).orElse(null));
            }
            throw refused;
        }
    }

    private Listed<T> listed(AdminEntry entry) {
        return new Listed<>(Json.convert(entry.view(), type), entry.version());
    }

    static void requireAdmin(Access access) {
        if (!access.mayConfigure()) {
            throw new IllegalStateException("only an admin changes the configuration");
        }
    }
}
