package io.closedloop.ports;

import java.util.List;

/** Publishes domain events; returns the ones the bus did not accept, so the caller can retry exactly those. */
public interface EventPublisher {

    List<DomainEvent> publish(List<DomainEvent> events);
}
