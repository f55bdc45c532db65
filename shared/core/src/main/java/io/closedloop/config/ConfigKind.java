package io.closedloop.config;

import io.closedloop.rules.Rule;

/** The kinds of configuration entry, each stored as one JSON document under its kind and id. */
public enum ConfigKind {
    SOURCE(Source.class),
    CAMPAIGN(Campaign.class),
    RULE(Rule.class),
    RESPONDER(Responder.class),
    TEAM(Team.class),
    PLAN(ActionPlan.class),
    SLA_POLICY(SlaPolicy.class),
    CALENDAR(BusinessCalendar.class),
    ROOT_CAUSE(RootCause.class),
    API_KEY(ApiKey.class),
    LINK_KEY(LinkKey.class);

    private final Class<?> type;

    ConfigKind(Class<?> type) {
        this.type = type;
    }

    public Class<?> type() {
        return type;
    }
}
