package io.closedloop.ingest;

import java.util.List;

/**
 * What a verified delivery contains. An empty list means "acknowledge and store nothing": a test ping, or an event
 * type Closedloop does not use.
 *
 * @param event the provider's event name (e.g. {@code responseFinished}, {@code form_response}), for logs and metrics
 */
public record ParsedWebhook(String event, List<Delivery> deliveries) {

    public ParsedWebhook {
        deliveries = List.copyOf(deliveries);
    }

    static ParsedWebhook ignored(String event) {
        return new ParsedWebhook(event, List.of());
    }

    static ParsedWebhook of(String event, Delivery delivery) {
        return new ParsedWebhook(event, List.of(delivery));
    }
}
