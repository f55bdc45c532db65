package io.closedloop.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.AdminEntry;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.ports.SessionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The people page's use cases (docs/console.md, "People and teams"): list, create and change the people configured
 * here with their role, right to respond, team and time zone, through {@link ConfigAdmin} so every validation rule is
 * the admin API's; and "sign out everywhere". Only an admin reaches any of it.
 */
public final class PeopleAdmin {

    /** What the form sends; blank texts are absent. */
    public record Person(String id, String name, String email, String locale, String teamId, Role role, boolean canRespond,
            String timeZone) {}

    /** A configured person and the version an edit must name. */
    public record Listed(Responder person, long version) {}

    /** What became of a save. */
    public sealed interface Saved {
        record Done(Responder person, long version, boolean created) implements Saved {}

        /** Refused on the fields named (the admin API's problem errors; {@code id} "already-exists" on a taken id). */
        record Refused(List<FieldError> errors) implements Saved {}

        /** Someone changed or removed the entry since the form was shown; {@code current} is null when it is gone. */
        record Conflict(Listed current) implements Saved {}
    }

    /** The field error on the id of a person that already exists. */
    public static final String ALREADY_EXISTS = "already-exists";

    private final ConfigAdmin admin;
    private final SessionStore sessions;

    public PeopleAdmin(ConfigAdmin admin, SessionStore sessions) {
        this.admin = admin;
        this.sessions = sessions;
    }

    public List<Listed> list(Access access) {
        requireAdmin(access);
        return admin.list(AdminKind.RESPONDERS).stream().map(PeopleAdmin::listed)
                .sorted(Comparator.comparing((Listed l) -> l.person().name().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    public Optional<Listed> find(Access access, String id) {
        requireAdmin(access);
        try {
            return Optional.of(listed(admin.get(AdminKind.RESPONDERS, id)));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }

    /** @param expectedVersion the version the edit form showed; null to create */
    public Saved save(Access access, Person input, Long expectedVersion) {
        requireAdmin(access);
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("email", input.email());
        json.put("locale", input.locale());
        json.put("teamId", input.teamId());
        json.put("canRespond", input.canRespond());
        json.put("role", input.role() == null ? null : input.role().name());
        json.put("timeZone", input.timeZone());
        if (expectedVersion != null) {
            // The form does not show the personal calendar: an edit keeps it
            find(access, input.id()).map(l -> l.person().calendarId()).ifPresent(calendar -> json.put("calendarId", calendar));
        }
        try {
            ConfigAdmin.Written written = admin.put(AdminKind.RESPONDERS, input.id(), json, expectedVersion);
            return new Saved.Done(listed(written.entry()).person(), written.entry().version(), written.created());
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            if (problem.status() == 409 && problem.type().endsWith(ALREADY_EXISTS)) {
                return new Saved.Refused(List.of(new FieldError("id", ALREADY_EXISTS)));
            }
            if (problem.status() == 409 || problem.status() == 404) {
                return new Saved.Conflict(find(access, input.id()).orElse(null));
            }
            if (problem.errors().isEmpty()) {
                return new Saved.Refused(List.of(new FieldError("", problem.detail())));
            }
            return new Saved.Refused(problem.errors());
        }
    }

    /** Ends every console session of the person; returns how many there were. */
    public int signOutEverywhere(Access access, String personId) {
        requireAdmin(access);
        return sessions.deleteAll(personId);
    }

    private static Listed listed(AdminEntry entry) {
        return new Listed(Json.convert(entry.view(), Responder.class), entry.version());
    }

    private static void requireAdmin(Access access) {
        if (!access.mayConfigure()) {
            throw new IllegalStateException("only an admin manages people");
        }
    }
}
