package io.closedloop.config;

import java.util.List;
import java.util.Map;

/**
 * Targets and what happens around them. {@code reminderAt} is the share of the window after which the assignee is
 * reminded (e.g. 0.75); {@code urgent} lets reminders and escalations go out outside working hours.
 * {@code calendarId} is used when neither the assignee nor their team has a calendar.
 */
public record SlaPolicy(
        String id,
        String name,
        TimeBasis basis,
        String calendarId,
        SlaTargets targets,
        Map<Priority, SlaTargets> byPriority,
        double reminderAt,
        List<EscalationStep> escalations,
        boolean urgent) {

    public SlaPolicy {
        basis = basis == null ? TimeBasis.CALENDAR : basis;
        byPriority = byPriority == null ? Map.of() : Map.copyOf(byPriority);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
    }

    /** The targets that apply at a priority: the priority's own, else the policy's. */
    public SlaTargets targetsFor(Priority priority) {
        return byPriority.getOrDefault(priority, targets);
    }
}
