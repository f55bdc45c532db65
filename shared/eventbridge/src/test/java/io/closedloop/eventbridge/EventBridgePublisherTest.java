package io.closedloop.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.ports.DomainEvent;
import io.closedloop.testing.MotoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventBridgePublisherTest {

    private final MotoServer moto = MotoServer.shared();
    private final PartialFailure partialFailure = new PartialFailure();
    private EventBridgeClient events;
    private EventBridgePublisher publisher;

    /** Rewrites a successful PutEvents answer so that its first entries report a failure, as EventBridge does. */
    static final class PartialFailure implements ExecutionInterceptor {
        final AtomicInteger failFirst = new AtomicInteger();

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (context.response() instanceof PutEventsResponse response && failFirst.get() > 0) {
                List<PutEventsResultEntry> entries = new ArrayList<>();
                int failed = 0;
                for (PutEventsResultEntry entry : response.entries()) {
                    if (failed < failFirst.get()) {
                        entries.add(PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("failed").build());
                        failed++;
                    } else {
                        entries.add(entry);
                    }
                }
                return response.toBuilder().failedEntryCount(failed).entries(entries).build();
            }
            return context.response();
        }
    }

    @BeforeEach
    void setUp() {
        moto.reset();
        events = EventBridgeClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(partialFailure))
                .build();
        events.createEventBus(r -> r.name("closedloop-test"));
        publisher = new EventBridgePublisher(events, "closedloop-test");
    }

    private static List<DomainEvent> events(int count) {
        List<DomainEvent> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new DomainEvent("case-1#" + i, "CaseOpened", Instant.parse("2026-11-20T10:00:00Z"),
                    "{\"caseId\":\"case-1\",\"seq\":" + i + "}"));
        }
        return list;
    }

    @Test
    void publish_twentyFiveEvents_allAcceptedInThreeCalls() {
        assertThat(publisher.publish(events(25))).isEmpty();
    }

    @Test
    void publish_partialFailure_returnsExactlyTheFailedEvents() {
        partialFailure.failFirst.set(2);

        List<DomainEvent> failed = publisher.publish(events(5));

        assertThat(failed).extracting(DomainEvent::id).containsExactly("case-1#0", "case-1#1");
    }

    @Test
    void publish_busMissing_returnsEveryEventForRetry() {
        EventBridgePublisher toNowhere = new EventBridgePublisher(events, "no-such-bus");

        assertThat(toNowhere.publish(events(3))).hasSize(3);
    }
}
