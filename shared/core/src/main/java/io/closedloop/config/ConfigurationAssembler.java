package io.closedloop.config;

import io.closedloop.json.Json;
import io.closedloop.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the configuration snapshot from stored entries. */
public final class ConfigurationAssembler {

    private ConfigurationAssembler() {}

    public static Configuration assemble(Iterable<ConfigEntry> entries) {
        Map<String, Source> sources = new HashMap<>();
        Map<String, Campaign> campaigns = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, Responder> responders = new HashMap<>();
        Map<String, Team> teams = new HashMap<>();
        List<ActionPlan> plans = new ArrayList<>();
        Map<String, SlaPolicy> policies = new HashMap<>();
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        Map<String, RootCause> rootCauses = new HashMap<>();
        Map<String, ApiKey> apiKeys = new HashMap<>();
        List<LinkKey> linkKeys = new ArrayList<>();
        for (ConfigEntry entry : entries) {
            Object value = Json.read(entry.json(), entry.kind().type());
            switch (value) {
                case Source v -> sources.put(v.id(), v);
                case Campaign v -> campaigns.put(v.id(), v);
                case Rule v -> rules.add(v);
                case Responder v -> responders.put(v.id(), v);
                case Team v -> teams.put(v.id(), v);
                case ActionPlan v -> plans.add(v);
                case SlaPolicy v -> policies.put(v.id(), v);
                case BusinessCalendar v -> calendars.put(v.id(), v);
                case RootCause v -> rootCauses.put(v.id(), v);
                case ApiKey v -> apiKeys.put(v.id(), v);
                case LinkKey v -> linkKeys.add(v);
                default -> throw new IllegalStateException("unexpected configuration entry " + entry.kind());
            }
        }
        return new Configuration(sources, campaigns, rules, responders, teams, plans, policies, calendars, rootCauses, apiKeys, linkKeys);
    }

    /** The id an entry is stored under: plans keep every version side by side. */
    public static String storageId(Object value) {
        return switch (value) {
            case Source v -> v.id();
            case Campaign v -> v.id();
            case Rule v -> v.id();
            case Responder v -> v.id();
            case Team v -> v.id();
            case ActionPlan v -> v.id() + "#V" + String.format("%05d", v.version());
            case SlaPolicy v -> v.id();
            case BusinessCalendar v -> v.id();
            case RootCause v -> v.id();
            case ApiKey v -> v.id();
            case LinkKey v -> v.kid();
            default -> throw new IllegalArgumentException("not a configuration entry: " + value.getClass());
        };
    }

    public static ConfigKind kindOf(Object value) {
        for (ConfigKind kind : ConfigKind.values()) {
            if (kind.type().isInstance(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a configuration entry: " + value.getClass());
    }
}
