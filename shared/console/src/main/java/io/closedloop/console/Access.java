package io.closedloop.console;

import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.config.Team;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one signed-in person may see and do (docs/console.md, "Roles"): the one place the role rules live; every
 * console page and command asks it on the server.
 */
public final class Access {

    /** Why a person may not act on a case: a message key of the console's bundle. */
    public enum Refusal {
        /** A viewer reads and never acts. */
        VIEWER("access.refused.viewer"),
        /** The admin has not granted this person the right to respond (seed 000, "Accessibility"). */
        NO_RIGHT_TO_RESPOND("access.refused.noRight"),
        /** The case is neither theirs nor their teams'. */
        NOT_IN_SCOPE("access.refused.scope");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Responder person;
    private final Set<String> teamIds;

    private Access(Responder person, Set<String> teamIds) {
        this.person = person;
        this.teamIds = Set.copyOf(teamIds);
    }

    public static Access of(Responder person, Configuration config) {
        Set<String> teams = new LinkedHashSet<>();
        if (person.teamId() != null && config.team(person.teamId()).isPresent()) {
            teams.add(person.teamId());
        }
        for (Team team : config.teams().values()) {
            boolean member = team.memberIds().contains(person.id());
            boolean leads = person.id().equals(team.leadId()) || person.id().equals(team.managerId());
            if (member || (leads && person.role() != Role.VIEWER)) {
                teams.add(team.id());
            }
        }
        return new Access(person, teams);
    }

    public Responder person() {
        return person;
    }

    public Role role() {
        return person.role();
    }

    /** Whether every team's cases are in scope (an admin; a viewer of no team), including cases of no team. */
    public boolean seesAllTeams() {
        return person.role() == Role.ADMIN || (person.role() == Role.VIEWER && teamIds.isEmpty());
    }

    /** The teams whose cases are in scope, besides the person's own assigned cases; every team when {@link #seesAllTeams}. */
    public Set<String> teamIds(Configuration config) {
        return seesAllTeams() ? new java.util.TreeSet<>(config.teams().keySet()) : new java.util.TreeSet<>(teamIds);
    }

    public boolean maySee(Case c) {
        return seesAllTeams() || person.id().equals(c.assigneeId()) || (c.teamId() != null && teamIds.contains(c.teamId()));
    }

    /** Why this person may not act on the case, or empty when they may. */
    public Optional<Refusal> refusalToAct(Case c) {
        if (person.role() == Role.VIEWER) {
            return Optional.of(Refusal.VIEWER);
        }
        if (!person.canRespond()) {
            return Optional.of(Refusal.NO_RIGHT_TO_RESPOND);
        }
        return maySee(c) ? Optional.empty() : Optional.of(Refusal.NOT_IN_SCOPE);
    }

    /** The configuration pages and the admin commands. */
    public boolean mayConfigure() {
        return person.role() == Role.ADMIN;
    }

    /** The dashboard: KPIs of every campaign. */
    public boolean mayReadDashboard() {
        return person.role() != Role.RESPONDER;
    }

    /** Bulk reassignment and priority changes over a list. */
    public boolean mayChangeInBulk() {
        return (person.role() == Role.ADMIN || person.role() == Role.MANAGER) && person.canRespond();
    }

    /** Whether the person may be offered the "unassigned" and "my teams" lists (a responder of no team has none). */
    public boolean hasTeams() {
        return seesAllTeams() || !teamIds.isEmpty();
    }
}
