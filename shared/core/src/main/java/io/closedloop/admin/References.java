package io.closedloop.admin;

import io.closedloop.config.ApiKey;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.rules.Assignment;
import io.closedloop.rules.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Who refers to a configuration entry, so deleting it can be refused while something still needs it.
 */
public final class References {

    /** One entry that refers to another, through {@code field}; reads like "campaign demo-nps (actionPlanId)". */
    public record Referrer(AdminKind kind, String id, String field) {
        @Override
        public String toString() {
            return kind.label() + " " + id + " (" + field + ")";
        }
    }

    private References() {}

    public static List<Referrer> to(AdminKind kind, String id, Configuration config) {
        List<Referrer> referrers = new ArrayList<>();
        switch (kind) {
            case CAMPAIGNS -> {
                for (Source source : sorted(config.sources().values(), Source::id)) {
                    add(referrers, id.equals(source.campaignId()), AdminKind.SOURCES, source.id(), "campaignId");
                }
                for (Rule rule : sorted(config.rules(), Rule::id)) {
                    add(referrers, id.equals(rule.campaignId()), AdminKind.RULES, rule.id(), "campaignId");
                }
                for (ApiKey key : sorted(config.apiKeys().values(), ApiKey::id)) {
                    add(referrers, !key.revoked() && key.campaignIds().contains(id), AdminKind.API_KEYS, key.id(), "campaignIds");
                }
            }
            case RESPONDERS -> {
                for (Team team : sorted(config.teams().values(), Team::id)) {
                    add(referrers, team.memberIds().contains(id), AdminKind.TEAMS, team.id(), "memberIds");
                    add(referrers, id.equals(team.leadId()), AdminKind.TEAMS, team.id(), "leadId");
                    add(referrers, id.equals(team.managerId()), AdminKind.TEAMS, team.id(), "managerId");
                }
                for (Rule rule : sorted(config.rules(), Rule::id)) {
                    if (rule.outcome() == null) {
                        continue;
                    }
                    switch (rule.outcome().assignment()) {
                        case Assignment.Fixed fixed -> add(referrers, id.equals(fixed.responderId()), AdminKind.RULES, rule.id(), "outcome.assignment.responderId");
                        case Assignment.Lookup lookup -> add(referrers, lookup.responderByValue().containsValue(id), AdminKind.RULES, rule.id(),
                                "outcome.assignment.responderByValue");
                        case null, default -> { }
                    }
                    add(referrers, id.equals(rule.outcome().fallbackResponderId()), AdminKind.RULES, rule.id(), "outcome.fallbackResponderId");
                    add(referrers, rule.outcome().watcherIds().contains(id), AdminKind.RULES, rule.id(), "outcome.watcherIds");
                }
                for (SlaPolicy policy : sorted(config.slaPolicies().values(), SlaPolicy::id)) {
                    boolean named = policy.escalations().stream().filter(Objects::nonNull).map(EscalationStep::responderId).anyMatch(id::equals);
                    add(referrers, named, AdminKind.SLA_POLICIES, policy.id(), "escalations");
                }
            }
            case TEAMS -> {
                for (Responder responder : sorted(config.responders().values(), Responder::id)) {
                    add(referrers, id.equals(responder.teamId()), AdminKind.RESPONDERS, responder.id(), "teamId");
                }
                for (Rule rule : sorted(config.rules(), Rule::id)) {
                    boolean roundRobin = rule.outcome() != null && rule.outcome().assignment() instanceof Assignment.RoundRobin rr && id.equals(rr.teamId());
                    add(referrers, roundRobin, AdminKind.RULES, rule.id(), "outcome.assignment.teamId");
                }
            }
            case ACTION_PLANS -> {
                for (Campaign campaign : sorted(config.campaigns().values(), Campaign::id)) {
                    add(referrers, id.equals(campaign.actionPlanId()), AdminKind.CAMPAIGNS, campaign.id(), "actionPlanId");
                }
            }
            case SLA_POLICIES -> {
                for (Campaign campaign : sorted(config.campaigns().values(), Campaign::id)) {
                    add(referrers, id.equals(campaign.slaPolicyId()), AdminKind.CAMPAIGNS, campaign.id(), "slaPolicyId");
                }
                for (Rule rule : sorted(config.rules(), Rule::id)) {
                    add(referrers, rule.outcome() != null && id.equals(rule.outcome().slaPolicyId()), AdminKind.RULES, rule.id(), "outcome.slaPolicyId");
                }
            }
            case CALENDARS -> {
                for (Responder responder : sorted(config.responders().values(), Responder::id)) {
                    add(referrers, id.equals(responder.calendarId()), AdminKind.RESPONDERS, responder.id(), "calendarId");
                }
                for (Team team : sorted(config.teams().values(), Team::id)) {
                    add(referrers, id.equals(team.calendarId()), AdminKind.TEAMS, team.id(), "calendarId");
                }
                for (SlaPolicy policy : sorted(config.slaPolicies().values(), SlaPolicy::id)) {
                    add(referrers, id.equals(policy.calendarId()), AdminKind.SLA_POLICIES, policy.id(), "calendarId");
                }
            }
            case ROOT_CAUSES -> {
                for (RootCause cause : sorted(config.rootCauses().values(), RootCause::id)) {
                    add(referrers, id.equals(cause.parentId()), AdminKind.ROOT_CAUSES, cause.id(), "parentId");
                }
            }
            case SOURCES, RULES, API_KEYS, LINK_KEYS -> { }
        }
        return List.copyOf(referrers);
    }

    private static void add(List<Referrer> referrers, boolean refers, AdminKind what, String id, String field) {
        if (refers) {
            referrers.add(new Referrer(what, id, field));
        }
    }

    private static <T> List<T> sorted(Collection<T> items, Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing(id, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}
