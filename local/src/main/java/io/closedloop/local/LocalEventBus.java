package io.closedloop.local;

import io.closedloop.ports.DomainEvent;
import io.closedloop.ports.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps the domain events the processor publishes, newest last, for the local events page. */
final class LocalEventBus implements EventPublisher {

    private static final int KEPT = 1000;
    private final List<DomainEvent> events = new ArrayList<>();

    @Override
    public synchronized List<DomainEvent> publish(List<DomainEvent> batch) {
        events.addAll(batch);
        while (events.size() > KEPT) {
            events.removeFirst();
        }
        return List.of();
    }

    synchronized List<DomainEvent> events() {
        return List.copyOf(events);
    }
}
