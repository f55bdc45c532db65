package io.closedloop.config;

import io.closedloop.rules.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything an admin configures, as one immutable snapshot. Functions load it with one query and keep it in a warm
 * cache; nothing on a request path reads configuration item by item.
 *
 * @param actionPlans every version of every plan: cases keep the version they started with
 */
public record Configuration(
        Map<String, Source> sources,
        Map<String, Campaign> campaigns,
        List<Rule> rules,
        Map<String, Responder> responders,
        Map<String, Team> teams,
        List<ActionPlan> actionPlans,
        Map<String, SlaPolicy> slaPolicies,
        Map<String, BusinessCalendar> calendars,
        Map<String, RootCause> rootCauses,
        Map<String, ApiKey> apiKeys,
        List<LinkKey> linkKeys) {

    public static final Configuration EMPTY = new Configuration(
            Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    public Configuration {
        sources = Map.copyOf(sources);
        campaigns = Map.copyOf(campaigns);
        rules = List.copyOf(rules);
        responders = Map.copyOf(responders);
        teams = Map.copyOf(teams);
        actionPlans = List.copyOf(actionPlans);
        slaPolicies = Map.copyOf(slaPolicies);
        calendars = Map.copyOf(calendars);
        rootCauses = Map.copyOf(rootCauses);
        apiKeys = Map.copyOf(apiKeys);
        linkKeys = List.copyOf(linkKeys);
    }

    public static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public Optional<Campaign> campaign(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    public Optional<Responder> responder(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(responders.get(id));
    }

    public Optional<Team> team(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(teams.get(id));
    }

    public Optional<SlaPolicy> slaPolicy(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(slaPolicies.get(id));
    }

    public Optional<BusinessCalendar> calendar(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(calendars.get(id));
    }

    /** The enabled rules of a campaign, highest priority first (ties broken by id, so the order is stable). */
    public List<Rule> rulesOf(String campaignId) {
        return rules.stream()
                .filter(r -> r.enabled() && r.campaignId().equals(campaignId))
                .sorted(Rule.EVALUATION_ORDER)
                .toList();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<ActionPlan> actionPlan(String id, int version) {
        return actionPlans.stream().filter(p -> p.id().equals(id) && p.version() == version).findFirst();
    }

    /** The newest version of a plan: what a new case starts with. */
    public Optional<ActionPlan> currentPlan(String id) {
        return actionPlans.stream().filter(p -> p.id().equals(id)).max(Comparator.comparingInt(ActionPlan::version));
    }

    /** The key that signs new links: the newest one not retired. */
    public Optional<LinkKey> signingKey() {
        return linkKeys.stream().filter(k -> !k.retired()).max(Comparator.comparing(LinkKey::createdAt));
    }

    public Optional<LinkKey> linkKey(String kid) {
        return linkKeys.stream().filter(k -> k.kid().equals(kid) && !k.retired()).findFirst();
    }
}
