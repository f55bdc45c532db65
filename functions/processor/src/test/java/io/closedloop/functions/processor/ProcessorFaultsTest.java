package io.closedloop.functions.processor;

import static io.closedloop.functions.processor.FaultBench.assertWhole;
import static io.closedloop.functions.processor.FaultBench.detractor;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.domain.Response;
import io.closedloop.dynamodb.ResponseItem;
import io.closedloop.dynamodb.StreamEvents;
import io.closedloop.kpi.KpiCounter;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Faults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Faults injected into the processor's real SDK clients (DynamoDB Local, SES and EventBridge on moto): whatever fails
 * and whenever it dies, once the faults stop and the stream is retried, every case exists once and whole, every alert
 * went out exactly once (or twice only in the window docs/architecture.md names), and every event was published.
 */
class ProcessorFaultsTest {

    private final FaultBench bench = new FaultBench();

    private static TooManyRequestsException sesThrottled() {
        return TooManyRequestsException.builder().message("Maximum sending rate exceeded.").statusCode(429).build();
    }

    private static SesV2Exception sesUnavailable() {
        return (SesV2Exception) SesV2Exception.builder().message("Service Unavailable").statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage("Service Unavailable").serviceName("SESv2").build())
                .build();
    }

    private static ProvisionedThroughputExceededException dynamoThrottled() {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message("The level of configured provisioned throughput for the table was exceeded.").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").serviceName("DynamoDb").build())
                .build();
    }

    private List<Response> storeDetractors(String prefix, int count) {
        List<Response> responses = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Response response = detractor(prefix + i);
            bench.stores.responses().store(response);
            responses.add(response);
        }
        return responses;
    }

    @Test
    void sesThrottledThenDown_caseKeptWithAlertPending_checkRetries_andSendsExactlyOnceAfterRecovery() {
        Faults.Fault throttled = bench.sesFaults.failBefore(Faults.calls(SendEmailRequest.class), ProcessorFaultsTest::sesThrottled);
        Response response = storeDetractors("ses-", 1).getFirst();

        bench.driver.drain(5);

        assertThat(bench.driver.reportedFailures()).isEmpty();
        Case pending = bench.caseOf(response);
        assertThat(pending.alerts().values()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.notBefore()).isAfter(FaultBench.NOW);
        });
        assertThat(pending.activities()).filteredOn(a -> a.type() == ActivityType.ALERT_FAILED)
                .singleElement().satisfies(a -> assertThat(a.detail("failure")).isEqualTo("throttled"));
        assertThat(bench.moto.sentEmails()).isEmpty();

        throttled.heal();
        bench.sesFaults.failBefore(Faults.calls(SendEmailRequest.class), ProcessorFaultsTest::sesUnavailable);
        bench.clock.advance(Duration.ofMinutes(5));
        bench.slaCheck.run();

        Case stillPending = bench.caseOf(response);
        assertThat(stillPending.activities()).filteredOn(a -> a.type() == ActivityType.ALERT_FAILED)
                .extracting(a -> a.detail("failure")).containsExactly("throttled", "unavailable");
        assertThat(stillPending.alerts().values()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.PENDING);
        assertThat(bench.moto.sentEmails()).isEmpty();

        bench.sesFaults.healAll();
        bench.clock.advance(Duration.ofHours(1));
        bench.slaCheck.run();
        bench.slaCheck.run();
        bench.driver.drain(5);

        assertThat(bench.emailsAbout(response)).hasSize(1);
        Case sent = bench.caseOf(response);
        assertThat(sent.alerts().values()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.SENT);
        assertThat(sent.activities()).filteredOn(a -> a.type() == ActivityType.ALERT_SENT).hasSize(1);
        assertWhole(sent);
    }

    @Test
    void eventBridgePartialFailure_failsThatRecord_andTheRetryPublishesEveryEvent_withoutASecondEmail() {
        // The second PutEvents call (the second response's ResponseReceived) partly fails as EventBridge reports it:
        // its first entry is not delivered (sent with a source no rule matches) and the answer says so (FailedEntryCount 1)
        Faults.Fault undelivered = bench.busFaults.rewriteRequest(Faults.calls(PutEventsRequest.class), request -> {
            PutEventsRequest put = (PutEventsRequest) request;
            List<PutEventsRequestEntry> entries = new ArrayList<>(put.entries());
            entries.set(0, entries.getFirst().toBuilder().source("closedloop.undelivered").build());
            return put.toBuilder().entries(entries).build();
        }).afterSkipping(1).times(1);
        Faults.Fault partial = bench.busFaults.rewriteResponse(Faults.calls(PutEventsRequest.class), answer -> {
            PutEventsResponse put = (PutEventsResponse) answer;
            List<PutEventsResultEntry> entries = new ArrayList<>(put.entries());
            entries.set(0, PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("Internal failure").build());
            return put.toBuilder().failedEntryCount(1).entries(entries).build();
        }).afterSkipping(1).times(1);
        List<Response> responses = storeDetractors("bus-", 3);

        StreamDriver.Outcome first = bench.driver.deliver();

        assertThat(undelivered.injected()).isEqualTo(1);
        assertThat(partial.injected()).isEqualTo(1);
        assertThat(first).isEqualTo(StreamDriver.Outcome.PARTIAL_FAILURE);
        assertThat(bench.driver.pendingSequences()).hasSize(2).first().isEqualTo(bench.driver.reportedFailures().getFirst());
        assertThat(bench.stores.cases().find(responses.get(0).id().caseId())).isPresent();
        assertThat(bench.stores.cases().find(responses.get(1).id().caseId())).isEmpty();
        assertThat(bench.publishedFacts()).doesNotContain("ResponseReceived " + responses.get(1).id() + ":0");

        bench.driver.drain(10);

        List<String> expected = new ArrayList<>();
        for (Response response : responses) {
            String caseId = response.id().caseId();
            expected.add("ResponseReceived " + response.id() + ":0");
            expected.add("CaseOpened " + caseId + ":1");
            expected.add("CaseAssigned " + caseId + ":2");
            assertThat(bench.emailsAbout(response)).hasSize(1);
            assertWhole(bench.caseOf(response));
        }
        assertThat(bench.publishedFacts()).containsAll(expected);
    }

    @Test
    void dynamoThrottledOnTheCounterWrite_wholeBatchRetried_countersExact_noSecondCaseOrEmail() {
        Faults.Fault throttled = bench.dynamoFaults.failBefore(Faults.update("KPI#"), ProcessorFaultsTest::dynamoThrottled);
        List<Response> responses = storeDetractors("kpi-", 3);

        StreamDriver.Outcome first = bench.driver.deliver();

        assertThat(first).isEqualTo(StreamDriver.Outcome.PARTIAL_FAILURE);
        assertThat(bench.driver.pendingSequences()).hasSize(3);
        throttled.heal();
        bench.driver.drain(10);

        for (Response response : responses) {
            assertThat(bench.emailsAbout(response)).hasSize(1);
            assertWhole(bench.caseOf(response));
        }
        var day = bench.stores.kpis().days(DemoConfiguration.CAMPAIGN_ID, ResponseItem.day(responses.getFirst()), ResponseItem.day(responses.getFirst()));
        assertThat(day).singleElement().satisfies(counts -> {
            assertThat(counts.get(KpiCounter.RESPONSES)).isEqualTo(3);
            assertThat(counts.get(KpiCounter.OPENED)).isEqualTo(3);
        });
    }

    @Test
    void dynamoThrottledOnTheCaseRead_nothingSentYet_retryOpensEachCaseOnceWithOneEmail() {
        Faults.Fault throttled = bench.dynamoFaults.failBefore(Faults.get("CASE#"), ProcessorFaultsTest::dynamoThrottled);
        List<Response> responses = storeDetractors("read-", 2);

        assertThat(bench.driver.deliver()).isEqualTo(StreamDriver.Outcome.PARTIAL_FAILURE);
        assertThat(bench.moto.sentEmails()).isEmpty();
        throttled.heal();
        bench.driver.drain(10);

        for (Response response : responses) {
            assertThat(bench.emailsAbout(response)).hasSize(1);
            assertWhole(bench.caseOf(response));
        }
    }

    @Test
    void caseWrittenButTheProcessorDiesBeforeHearingIt_retryFindsTheCase_oneEmail_eventsPublished() {
        bench.dynamoFaults.crashAfter(Faults.put("CASE#"), "after the case was created").times(1);
        Response response = storeDetractors("crash-put-", 1).getFirst();

        assertThat(bench.driver.deliver()).isEqualTo(StreamDriver.Outcome.CRASHED);
        bench.driver.drain(10);

        assertThat(bench.driver.crashes()).isEqualTo(1);
        assertThat(bench.emailsAbout(response)).hasSize(1);
        Case c = bench.caseOf(response);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.alerts().values()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.SENT);
        assertWhole(c);
        assertThat(bench.publishedFacts()).contains("ResponseReceived " + response.id() + ":0", "CaseOpened " + c.id() + ":1",
                "CaseAssigned " + c.id() + ":2");
    }

    @Test
    void processorDiesAfterSesAcceptedTheAlert_beforeTheCaseWrite_retrySendsTheOneDocumentedSecondCopy() {
        bench.sesFaults.crashAfter(Faults.calls(SendEmailRequest.class), "after SES accepted the alert").times(1);
        Response response = storeDetractors("crash-send-", 1).getFirst();

        assertThat(bench.driver.deliver()).isEqualTo(StreamDriver.Outcome.CRASHED);
        assertThat(bench.stores.cases().find(response.id().caseId())).isEmpty();
        bench.driver.drain(10);

        // docs/architecture.md: "a second copy only if a sender dies between SES accepting the message and the write
        // that records it" — this is that window, and the only extra copy
        assertThat(bench.emailsAbout(response)).hasSize(2);
        Case c = bench.caseOf(response);
        assertThat(c.activities()).filteredOn(a -> a.type() == ActivityType.ALERT_SENT).hasSize(1);
        assertWhole(c);
        bench.clock.advance(Duration.ofHours(2));
        bench.slaCheck.run();
        assertThat(bench.emailsAbout(response)).hasSize(2);
    }

    @Test
    void sesAnswerLostAfterItAcceptedTheAlert_alertStaysPending_andTheCheckSendsTheDocumentedSecondCopy() {
        bench.sesFaults.failAfter(Faults.calls(SendEmailRequest.class),
                () -> SdkClientException.create("Unable to execute HTTP request: Read timed out")).times(1);
        Response response = storeDetractors("lost-answer-", 1).getFirst();

        bench.driver.drain(5);

        Case pending = bench.caseOf(response);
        assertThat(pending.activities()).filteredOn(a -> a.type() == ActivityType.ALERT_FAILED)
                .singleElement().satisfies(a -> assertThat(a.detail("failure")).isEqualTo("unreachable"));
        assertThat(bench.emailsAbout(response)).hasSize(1);

        bench.clock.advance(Duration.ofMinutes(5));
        bench.slaCheck.run();
        bench.slaCheck.run();

        // SES did accept the first message; nothing on our side can know it, so the retry is a second copy
        assertThat(bench.emailsAbout(response)).hasSize(2);
        assertThat(bench.caseOf(response).alerts().values()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.SENT);
        assertWhole(bench.caseOf(response));
    }

    @Test
    void dynamoThrottledOnTheCaseCreateAfterTheAlertWentOut_retryOpensTheCaseOnce_withTheDocumentedSecondCopy() {
        Faults.Fault throttled = bench.dynamoFaults.failBefore(Faults.put("CASE#"), ProcessorFaultsTest::dynamoThrottled);
        Response response = storeDetractors("create-", 1).getFirst();

        assertThat(bench.driver.deliver()).isEqualTo(StreamDriver.Outcome.PARTIAL_FAILURE);
        assertThat(throttled.injected()).isEqualTo(3);
        assertThat(bench.stores.cases().find(response.id().caseId())).isEmpty();
        throttled.heal();
        bench.driver.drain(10);

        // The one-write opening sends before it creates: a create that fails through every SDK retry is the same
        // window as a crash after the send (reported in docs/reliability.md)
        assertThat(bench.emailsAbout(response)).hasSize(2);
        Case c = bench.caseOf(response);
        assertThat(c.version()).isEqualTo(1);
        assertWhole(c);
    }

    @Test
    void twoProcessorsOnOneChangeAtOnce_caseWrittenOnce_butEachSendsBeforeCreating() throws Exception {
        Response response = storeDetractors("overlap-", 1).getFirst();
        byte[] event = StreamEvents.lambdaEvent(bench.stream.next(), bench.stream.arn(), "us-east-1");
        // Both read "no case yet" before either writes: what an invocation overlapping its own retry would see
        Faults.Fault race = bench.dynamoFaults.meet(Faults.get("CASE#"), 2, Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            // The second environment's clock is a second ahead, so its case differs and an overwrite would show
            for (ProcessorHandler processor : List.of(bench.processor(), bench.processor(() -> bench.clock.instant().plusSeconds(1)))) {
                runs.add(pool.submit(() -> {
                    processor.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(race.injected()).isEqualTo(2);
        String casePk = "CASE#" + response.id().caseId();
        assertThat(bench.stream.next()).as("writes of the case item").filteredOn(r -> r.dynamodb().keys().get("pk").s().equals(casePk)).hasSize(1);
        assertWhole(bench.caseOf(response));
        // Outside the stream's guarantee (one invocation per shard at a time): the one-write opening sends before it
        // creates, so each overlapping processor sends (reported in docs/reliability.md)
        assertThat(bench.emailsAbout(response)).hasSize(2);
    }
}
