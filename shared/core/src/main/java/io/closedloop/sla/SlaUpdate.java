package io.closedloop.sla;

import java.util.List;

/**
 * The result of an SLA step: the clock to store and the events to act on. Storing the clock marks the events done,
 * so the same step on the stored clock never yields them again.
 */
public record SlaUpdate(SlaClock clock, List<SlaEvent> events) {

    public SlaUpdate {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static SlaUpdate unchanged(SlaClock clock) {
        return new SlaUpdate(clock, List.of());
    }
}
