package io.closedloop.rules;

import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.config.Team;
import io.closedloop.domain.Response;
import io.closedloop.rules.AssigneeResolution.AssignedBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves the assignee of a case from a rule's outcome: the assignment (fixed, round-robin or lookup), then the
 * fallback responder. Only a responder that exists in the configuration and has the right to respond is assigned;
 * when nobody qualifies the result says so instead of failing.
 */
public final class AssigneeResolver {

    private AssigneeResolver() {}

    /** Resolves the assignee; {@code counter} is called at most once, and only for a team with an eligible member. */
    public static AssigneeResolution resolve(
            RuleOutcome outcome, Response response, Configuration config, RoundRobinCounter counter) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(counter, "counter");
        List<String> notes = new ArrayList<>(2);
        Responder chosen = switch (outcome.assignment()) {
            case null -> null;
            case Assignment.Fixed fixed -> eligible(fixed.responderId(), "responder", config, notes);
            case Assignment.RoundRobin roundRobin -> roundRobin(roundRobin.teamId(), config, counter, notes);
            case Assignment.Lookup lookup -> lookup(lookup, response, config, notes);
        };
        if (chosen != null) {
            return new AssigneeResolution(chosen.id(), chosen.teamId(), by(outcome.assignment()), notes);
        }
        if (outcome.fallbackResponderId() != null) {
            Responder fallback = eligible(outcome.fallbackResponderId(), "fallback responder", config, notes);
            if (fallback != null) {
                return new AssigneeResolution(fallback.id(), fallback.teamId(), AssignedBy.FALLBACK, notes);
            }
        }
        notes.add("nobody qualifies: the case is unassigned");
        return new AssigneeResolution(null, null, AssignedBy.NOBODY, notes);
    }

    private static AssignedBy by(Assignment assignment) {
        return switch (assignment) {
            case Assignment.Fixed f -> AssignedBy.FIXED;
            case Assignment.RoundRobin r -> AssignedBy.ROUND_ROBIN;
            case Assignment.Lookup l -> AssignedBy.LOOKUP;
        };
    }

    private static Responder eligible(String responderId, String role, Configuration config, List<String> notes) {
        if (responderId == null) {
            notes.add(role + " is not set");
            return null;
        }
        Responder responder = config.responders().get(responderId);
        if (responder == null) {
            notes.add(role + " " + responderId + " is unknown");
            return null;
        }
        if (!responder.canRespond()) {
            notes.add(role + " " + responderId + " has no right to respond");
            return null;
        }
        return responder;
    }

    private static boolean canRespond(String responderId, Configuration config) {
        Responder responder = responderId == null ? null : config.responders().get(responderId);
        return responder != null && responder.canRespond();
    }

    /** Member {@code next % size}, or the first eligible member after it: members without the right are skipped. */
    private static Responder roundRobin(String teamId, Configuration config, RoundRobinCounter counter, List<String> notes) {
        Team team = teamId == null ? null : config.teams().get(teamId);
        if (team == null) {
            notes.add("team " + teamId + " is unknown");
            return null;
        }
        List<String> members = team.memberIds();
        boolean anyEligible = false;
        for (String member : members) {
            anyEligible |= canRespond(member, config);
        }
        if (!anyEligible) {
            notes.add("team " + teamId + " has no member with the right to respond");
            return null;
        }
        int size = members.size();
        int start = (int) Math.floorMod(counter.next(teamId), (long) size);
        for (int k = 0; k < size; k++) {
            String member = members.get((start + k) % size);
            if (canRespond(member, config)) {
                return config.responders().get(member);
            }
        }
        return null;
    }

    private static Responder lookup(Assignment.Lookup lookup, Response response, Configuration config, List<String> notes) {
        String value = lookup.attribute() == null ? null : response.attributes().get(lookup.attribute());
        if (value == null || value.isBlank()) {
            notes.add("attribute " + lookup.attribute() + " is absent");
            return null;
        }
        String responderId = responderFor(lookup.responderByValue(), value.strip());
        if (responderId == null) {
            notes.add("no responder for " + lookup.attribute() + " = " + Text.shown(value));
            return null;
        }
        return eligible(responderId, "responder", config, notes);
    }

    private static String responderFor(Map<String, String> responderByValue, String value) {
        String exact = responderByValue.get(value);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : responderByValue.entrySet()) {
            if (Text.sameIgnoringCase(entry.getKey(), value)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
