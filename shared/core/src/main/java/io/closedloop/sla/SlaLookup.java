package io.closedloop.sla;

import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Configuration;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.Responder;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, in the configuration, the calendar a case's deadlines follow, the calendar an email's delivery waits for,
 * and who an escalation step notifies. Ids that name nothing are skipped, so a deleted calendar or team falls back
 * to the next candidate instead of failing the check.
 */
public final class SlaLookup {

    private SlaLookup() {}

    /**
     * The calendar of a case's owner: the assignee's, else their team's, else the case team's, else the policy's;
     * empty means calendar hours.
     */
    public static Optional<BusinessCalendar> ownerCalendar(Configuration config, SlaPolicy policy, String assigneeId, String teamId) {
        Optional<Responder> assignee = config.responder(assigneeId);
        List<String> candidates = new ArrayList<>();
        assignee.ifPresent(r -> candidates.add(r.calendarId()));
        for (Team team : teamsOf(config, assignee, teamId)) {
            candidates.add(team.calendarId());
        }
        if (policy != null) {
            candidates.add(policy.calendarId());
        }
        return candidates.stream().map(config::calendar).flatMap(Optional::stream).findFirst();
    }

    /** The calendar an email to a responder waits for: theirs, else their team's, else the policy's. */
    public static Optional<BusinessCalendar> recipientCalendar(Configuration config, SlaPolicy policy, String responderId) {
        return ownerCalendar(config, policy, responderId, null);
    }

    /**
     * The responder an escalation step notifies for a case: the assignee, the team lead or manager (of the
     * assignee's team, else of the case's team), or the named responder. Empty when there is nobody to notify.
     */
    public static Optional<String> escalationRecipient(Configuration config, EscalationStep step, String assigneeId, String teamId) {
        List<Team> teams = teamsOf(config, config.responder(assigneeId), teamId);
        String recipient = switch (step.target()) {
            case ASSIGNEE -> assigneeId;
            case TEAM_LEAD -> teams.stream().map(Team::leadId).filter(id -> id != null).findFirst().orElse(null);
            case MANAGER -> teams.stream().map(Team::managerId).filter(id -> id != null).findFirst().orElse(null);
            case RESPONDER -> step.responderId();
        };
        return Optional.ofNullable(recipient).filter(id -> !id.isBlank());
    }

    private static List<Team> teamsOf(Configuration config, Optional<Responder> assignee, String teamId) {
        List<Team> teams = new ArrayList<>(2);
        assignee.flatMap(r -> config.team(r.teamId())).ifPresent(teams::add);
        config.team(teamId).filter(t -> !teams.contains(t)).ifPresent(teams::add);
        return teams;
    }
}
