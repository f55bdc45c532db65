package io.closedloop.ports;

import java.time.Instant;

/**
 * One domain event for the bus. {@code id} is stable for the fact it reports (e.g. case id + log sequence), so
 * consumers can drop the duplicates that at-least-once delivery brings. {@code detailJson} is the event's detail.
 */
public record DomainEvent(String id, String type, Instant time, String detailJson) {}
