package io.closedloop.config;

/** Who an escalation step notifies. */
public enum EscalationTarget {
    ASSIGNEE,
    TEAM_LEAD,
    MANAGER,
    RESPONDER
}
