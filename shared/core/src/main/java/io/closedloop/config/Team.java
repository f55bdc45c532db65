package io.closedloop.config;

import java.util.List;

/** A team: its members (for round-robin), its lead and manager (for escalation), its working calendar. */
public record Team(String id, String name, List<String> memberIds, String leadId, String managerId, String calendarId) {

    public Team {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }
}
