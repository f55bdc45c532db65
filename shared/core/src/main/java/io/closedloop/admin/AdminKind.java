package io.closedloop.admin;

import io.closedloop.config.ConfigKind;
import java.util.Optional;

/**
 * The configuration kinds as the admin API names them: {@code /admin/<path>}. Each maps to one {@link ConfigKind};
 * {@code label} is how messages name an entry of the kind ("campaign demo-nps").
 */
public enum AdminKind {
    SOURCES("sources", "source", ConfigKind.SOURCE),
    CAMPAIGNS("campaigns", "campaign", ConfigKind.CAMPAIGN),
    RULES("rules", "rule", ConfigKind.RULE),
    RESPONDERS("responders", "responder", ConfigKind.RESPONDER),
    TEAMS("teams", "team", ConfigKind.TEAM),
    ACTION_PLANS("action-plans", "action plan", ConfigKind.PLAN),
    SLA_POLICIES("sla-policies", "SLA policy", ConfigKind.SLA_POLICY),
    CALENDARS("calendars", "calendar", ConfigKind.CALENDAR),
    ROOT_CAUSES("root-causes", "root cause", ConfigKind.ROOT_CAUSE),
    API_KEYS("api-keys", "API key", ConfigKind.API_KEY),
    LINK_KEYS("link-keys", "link key", ConfigKind.LINK_KEY);

    private final String path;
    private final String label;
    private final ConfigKind configKind;

    AdminKind(String path, String label, ConfigKind configKind) {
        this.path = path;
        this.label = label;
        this.configKind = configKind;
    }

    /** The URL segment after {@code /admin/}. */
    public String path() {
        return path;
    }

    /** The kind's name in messages, e.g. "action plan". */
    public String label() {
        return label;
    }

    public ConfigKind configKind() {
        return configKind;
    }

    /** Whether {@code PUT /admin/<path>/{id}} creates and updates entries (keys are created and rotated by POST). */
    public boolean writableByPut() {
        return this != LINK_KEYS;
    }

    public static Optional<AdminKind> ofPath(String path) {
        for (AdminKind kind : values()) {
            if (kind.path.equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static AdminKind of(ConfigKind configKind) {
        for (AdminKind kind : values()) {
            if (kind.configKind == configKind) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no admin kind for " + configKind);
    }
}
