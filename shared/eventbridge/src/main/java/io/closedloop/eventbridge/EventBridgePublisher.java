package io.closedloop.eventbridge;

import io.closedloop.aws.AwsClients;
import io.closedloop.ports.DomainEvent;
import io.closedloop.ports.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes domain events to the custom bus, ten per call (the PutEvents limit). A partial failure
 * ({@code FailedEntryCount > 0}) is not an exception: the failed events are returned so the caller retries them.
 */
public final class EventBridgePublisher implements EventPublisher {

    public static final String SOURCE = "closedloop";
    private static final int MAX_ENTRIES = 10;

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    public static EventBridgeClient client(ExecutionInterceptor... interceptors) {
        return AwsClients.build(EventBridgeClient.builder(), interceptors);
    }

    @Override
    public List<DomainEvent> publish(List<DomainEvent> batch) {
        List<DomainEvent> failed = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += MAX_ENTRIES) {
            List<DomainEvent> chunk = batch.subList(from, Math.min(batch.size(), from + MAX_ENTRIES));
            List<PutEventsRequestEntry> entries = chunk.stream().map(e -> PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(SOURCE)
                    .detailType(e.type())
                    .time(e.time())
                    .resources(List.of())
                    .detail(e.detailJson())
                    .build()).toList();
            try {
                PutEventsResponse response = events.putEvents(r -> r.entries(entries));
                if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                    List<PutEventsResultEntry> results = response.entries();
                    for (int i = 0; i < chunk.size(); i++) {
                        if (i >= results.size() || results.get(i).errorCode() != null) {
                            failed.add(chunk.get(i));
                        }
                    }
                }
            } catch (SdkException e) {
                failed.addAll(chunk);
            }
        }
        return failed;
    }
}
