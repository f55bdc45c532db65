package io.closedloop.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.json.Json;
import io.closedloop.ports.SessionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The people page's use cases (docs/console.md, "People and teams"): the people configured here with their role,
 * right to respond, team and time zone, saved through the admin API's rules ({@link ConfigEntries}); and "sign out
 * everywhere". Only an admin reaches any of it.
 */
public final class PeopleAdmin {

    /** What the form sends; blank texts are absent. */
    public record Person(String id, String name, String email, String locale, String teamId, Role role, boolean canRespond,
            String timeZone) {}

    private final ConfigEntries<Responder> entries;
    private final SessionStore sessions;

    public PeopleAdmin(ConfigAdmin admin, SessionStore sessions) {
        this.entries = new ConfigEntries<>(admin, AdminKind.RESPONDERS, Responder.class);
        this.sessions = sessions;
    }

    /** By name. */
    public List<Listed<Responder>> list(Access access) {
        return entries.list(access).stream()
                .sorted(Comparator.comparing((Listed<Responder> l) -> l.value().name().toLowerCase(Locale.ROOT))).toList();
    }

    public Optional<Listed<Responder>> find(Access access, String id) {
        return entries.find(access, id);
    }

    /** @param expectedVersion the version the edit form showed; null to create */
    public Saved<Responder> save(Access access, Person input, Long expectedVersion) {
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
            find(access, input.id()).map(l -> l.value().calendarId()).ifPresent(calendar -> json.put("calendarId", calendar));
        }
        return entries.save(access, input.id(), json, expectedVersion);
    }

    /** Ends every console session of the person; returns how many there were. */
    public int signOutEverywhere(Access access, String personId) {
        ConfigEntries.requireAdmin(access);
        return sessions.deleteAll(personId);
    }
}
