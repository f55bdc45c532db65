package io.closedloop.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.app.Alerting;
import io.closedloop.app.CaseService;
import io.closedloop.app.ProcessChanges;
import io.closedloop.app.SlaCheck;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.Responder;
import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.kpi.KpiCounter;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.CapacityMeter;
import io.closedloop.dynamodb.StreamEvents;
import io.closedloop.dynamodb.Stores;
import io.closedloop.eventbridge.EventBridgePublisher;
import io.closedloop.json.Json;
import io.closedloop.ses.SesMailer;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.FailingCalls;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MotoServer;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.TableStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The processor fed with the real records of DynamoDB Local's stream, sending mail through SES and events through
 * EventBridge on a moto server, over the real SDK.
 */
class ProcessorHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String BUS = "closedloop-test";

    private final MotoServer moto = MotoServer.shared();
    private final MutableClock clock = new MutableClock(NOW);
    private final CapacityMeter meter = new CapacityMeter();
    private final FailingCalls sesFailures = new FailingCalls(SendEmailRequest.class,
            () -> TooManyRequestsException.builder().message("Maximum sending rate exceeded").statusCode(429).build());
    private Stores stores;
    private TableStream stream;
    private ProcessorHandler processor;
    private SlaCheck slaCheck;
    private String eventQueue;

    @BeforeEach
    void setUp() {
        moto.reset();
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("processor");
        DynamoDbClient client = dynamo.client(meter);
        stores = Stores.of(client, table, 730, clock, Duration.ZERO);
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), NOW);
        stream = new TableStream(dynamo, client, table);
        stream.next();

        SesV2Client ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(sesFailures)).build();
        ses.createEmailIdentity(r -> r.emailIdentity("closedloop@example.com"));
        EventBridgeClient events = EventBridgeClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        events.createEventBus(r -> r.name(BUS));
        String[] queue = moto.createQueue("events-" + System.nanoTime());
        eventQueue = queue[1];
        events.putRule(r -> r.name("all").eventBusName(BUS).eventPattern("{\"source\":[\"closedloop\"]}"));
        events.putTargets(r -> r.rule("all").eventBusName(BUS).targets(t -> t.id("queue").arn(queue[0])));

        var dispatcher = Alerting.dispatcher(stores.cases(), new SesMailer(ses), stores.configCache(), stores.config(), stores.suppressions(),
                "closedloop@example.com", "https://closedloop.example.com");
        var acknowledgements = stores.acknowledgementSender(new SesMailer(ses), "closedloop@example.com", "https://closedloop.example.com");
        processor = new ProcessorHandler(new ProcessChanges(stores.cases(), stores.configCache(), stores.roundRobin(), dispatcher,
                acknowledgements, new EventBridgePublisher(events, BUS), stores.kpis(), clock));
        slaCheck = new SlaCheck(stores.cases(), stores.configCache(), dispatcher, acknowledgements, clock);
    }

    private static Response detractor(String id) {
        return new Response(DemoConfiguration.SOURCE_ID, id, DemoConfiguration.CAMPAIGN_ID, NOW.minusSeconds(60),
                new Respondent("cust-1", "ana.souza@example.com", "Ana Souza", null, "pt-BR"), new Score(ScoreType.NPS, 3),
                "Late again <script>alert(1)</script>", Map.of("q1", "1"), Map.of("country", "BR"), 0);
    }

    private JsonNode deliverStream() throws IOException {
        var records = stream.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        processor.handleRequest(new ByteArrayInputStream(StreamEvents.lambdaEvent(records, stream.arn(), "us-east-1")), out, null);
        return Json.tree(out.toByteArray());
    }

    private List<JsonNode> publishedEvents() {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> batch;
        while (!(batch = moto.receive(eventQueue)).isEmpty()) {
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void process_storedDetractor_opensOneCaseAssignedByRuleAndSendsOneEmail() throws IOException {
        Response response = detractor("r-1");
        stores.responses().store(response);

        JsonNode answer = deliverStream();

        assertThat(answer.path("batchItemFailures")).isEmpty();
        Case opened = stores.cases().find(response.id().caseId()).orElseThrow();
        assertThat(opened.assigneeId()).isEqualTo("ana");
        assertThat(opened.opening().ruleId()).isEqualTo("detractors");
        assertThat(opened.plan().planId()).isEqualTo("resolution-for-detractors");
        assertThat(opened.alerts().values()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.SENT);
        assertThat(moto.sentEmails()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("ana@closedloop.local");
            assertThat(mail.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
            assertThat(mail.body()).contains("https://closedloop.example.com/c/");
        });
    }

    @Test
    void process_sameInsertDeliveredTwice_oneCaseOneEmail() throws IOException {
        stores.responses().store(detractor("r-2"));
        var records = stream.next();
        byte[] event = StreamEvents.lambdaEvent(records, stream.arn(), "us-east-1");

        processor.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        processor.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);

        assertThat(moto.sentEmails()).hasSize(1);
        assertThat(stores.cases().find(detractor("r-2").id().caseId()).orElseThrow().activities())
                .filteredOn(a -> a.type() == ActivityType.ALERT_SENT).hasSize(1);
    }

    @Test
    void process_promoter_opensNoCaseAndPublishesResponseReceived() throws IOException {
        Response promoter = new Response(DemoConfiguration.SOURCE_ID, "r-3", DemoConfiguration.CAMPAIGN_ID, NOW, Respondent.ANONYMOUS,
                new Score(ScoreType.NPS, 10), "Great", Map.of(), Map.of(), 0);
        stores.responses().store(promoter);

        deliverStream();

        assertThat(stores.cases().find(promoter.id().caseId())).isEmpty();
        assertThat(moto.sentEmails()).isEmpty();
        assertThat(publishedEvents()).extracting(e -> e.path("detail-type").asText()).containsExactly("ResponseReceived");
    }

    @Test
    void process_detractor_publishesReceivedOpenedAssigned() throws IOException {
        stores.responses().store(detractor("r-4"));

        deliverStream();
        deliverStream();

        assertThat(publishedEvents()).extracting(e -> e.path("detail-type").asText())
                .containsExactlyInAnyOrder("ResponseReceived", "CaseOpened", "CaseAssigned");
    }

    @Test
    void process_sesThrottling_keepsCaseWithPendingAlert_andCheckSendsExactlyOnceAfterRecovery() throws IOException {
        sesFailures.failNext(Integer.MAX_VALUE);
        Response response = detractor("r-5");
        stores.responses().store(response);

        deliverStream();

        Case pending = stores.cases().find(response.id().caseId()).orElseThrow();
        assertThat(pending.alerts().values()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.notBefore()).isAfter(NOW);
        });
        assertThat(pending.activities()).filteredOn(a -> a.type() == ActivityType.ALERT_FAILED)
                .singleElement().satisfies(a -> assertThat(a.detail("failure")).isEqualTo("throttled"));
        assertThat(pending.nextDueAt()).isNotNull();
        assertThat(moto.sentEmails()).isEmpty();

        sesFailures.heal();
        clock.advance(Duration.ofMinutes(5));
        slaCheck.run();
        slaCheck.run();

        assertThat(moto.sentEmails()).hasSize(1);
        assertThat(stores.cases().find(response.id().caseId()).orElseThrow().alerts().values())
                .singleElement().extracting(a -> a.state()).isEqualTo(AlertState.SENT);
    }

    @Test
    void process_checkInAfterAClose_throttled_isRetriedByTheCheck_andReachesTheCustomerOnce() throws IOException {
        new ConfigAdmin(stores.config(), stores.configCache(), stores.cases()).put(AdminKind.CAMPAIGNS, DemoConfiguration.CAMPAIGN_ID,
                Json.tree("""
                        {"name": "Demo NPS survey", "actionPlanId": "resolution-for-detractors", "slaPolicyId": "detractor-48h",
                         "checkIn": "ALWAYS"}""".getBytes()), 1L);
        Response response = detractor("r-checkin");
        stores.responses().store(response);
        deliverStream();
        Responder ana = stores.configCache().current().responder("ana").orElseThrow();
        CaseService cases = new CaseService(stores.cases(), stores.configCache(), clock);
        clock.advance(Duration.ofHours(1));
        assertThat(cases.execute(response.id().caseId(), null, new CaseCommand.ClosePlan(SeedPlans.CLOSED), Actor.of(ana)))
                .isInstanceOf(CaseService.Outcome.Applied.class);
        sesFailures.failNext(Integer.MAX_VALUE);

        deliverStream();

        Case pending = stores.cases().find(response.id().caseId()).orElseThrow();
        assertThat(pending.alerts().values()).filteredOn(a -> a.kind() == AlertKind.CHECK_IN).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.PENDING));
        assertThat(moto.sentEmails()).extracting(MotoServer.SentEmail::subject).doesNotContain("Was your issue resolved?");

        sesFailures.heal();
        clock.advance(Duration.ofMinutes(5));
        slaCheck.run();
        slaCheck.run();

        assertThat(moto.sentEmails()).filteredOn(e -> e.subject().equals("Was your issue resolved?")).singleElement()
                .satisfies(e -> assertThat(e.to()).containsExactly("ana.souza@example.com"));
        assertThat(stores.cases().find(response.id().caseId()).orElseThrow().activities())
                .filteredOn(a -> a.type() == ActivityType.CHECK_IN_SENT).hasSize(1);
    }

    @Test
    void process_caseOpening_costsOneCasePutWithItsIndexesAndOneCounterWrite() throws IOException {
        stores.responses().store(detractor("r-6"));
        var records = stream.next();
        meter.reset();

        processor.handleRequest(new ByteArrayInputStream(StreamEvents.lambdaEvent(records, stream.arn(), "us-east-1")),
                new ByteArrayOutputStream(), null);

        // One put of the case (its alert already sent): 2 units for the item (just over 1 KB with the work-queue
        // attributes), 1 for each index entry (campaign list, customer history, due index, team queue, owner queue,
        // open cases of its action plan); then 1 for the batch's KPI day counter. No second write to mark the alert.
        // docs/costs.md has the breakdown.
        assertThat(meter.calls()).filteredOn(c -> c.operation().equals("write")).extracting(CapacityMeter.Call::total)
                .containsExactly(8.0, 1.0);
        assertThat(meter.calls()).filteredOn(c -> c.operation().equals("write")).first()
                .satisfies(put -> assertThat(put.table()).isEqualTo(2.0))
                .satisfies(put -> assertThat(put.indexes()).containsOnlyKeys("gsi1", "gsi2", "gsi3", "gsi4", "gsi5", "gsi6"));
        assertThat(meter.writeUnits()).isEqualTo(9.0);
    }

    @Test
    void process_responseNoRuleMatches_readsNoCase_andWritesOnlyTheBatchCounter() throws IOException {
        stores.responses().store(new Response(DemoConfiguration.SOURCE_ID, "r-7", DemoConfiguration.CAMPAIGN_ID, NOW, Respondent.ANONYMOUS,
                new Score(ScoreType.NPS, 9), "Fine", Map.of(), Map.of(), 0));
        var records = stream.next();
        meter.reset();

        processor.handleRequest(new ByteArrayInputStream(StreamEvents.lambdaEvent(records, stream.arn(), "us-east-1")),
                new ByteArrayOutputStream(), null);

        // Configuration queries only (this test's cache lifetime is zero; a function's is 30 s), then the day counter
        assertThat(meter.calls()).extracting(CapacityMeter.Call::api).containsOnly("Query", "UpdateItem").containsOnlyOnce("UpdateItem");
        assertThat(meter.writeUnits()).isEqualTo(1.0);
    }

    private void acknowledgePromotersAfter(int minutes) {
        new ConfigAdmin(stores.config(), stores.configCache(), stores.cases()).put(AdminKind.CAMPAIGNS, DemoConfiguration.CAMPAIGN_ID,
                Json.tree(("""
                        {"name": "Demo NPS survey", "actionPlanId": "resolution-for-detractors", "slaPolicyId": "detractor-48h",
                         "acknowledgement": {"promoterMinutes": %d, "company": "Loja Azul"}}""".formatted(minutes)).getBytes()), 1L);
    }

    private static Response promoter(String id) {
        return new Response(DemoConfiguration.SOURCE_ID, id, DemoConfiguration.CAMPAIGN_ID, NOW.minusSeconds(60),
                new Respondent("cust-9", "rita.lopes@example.com", "Rita Lopes", null, "pt-BR"), new Score(ScoreType.NPS, 10), "Great",
                Map.of(), Map.of(), 0);
    }

    @Test
    void process_promoterOpensNoCase_isAcknowledgedOnce_publishesResponseAcknowledged_andCountsIt() throws IOException {
        acknowledgePromotersAfter(0);
        Response promoter = promoter("r-ack");
        stores.responses().store(promoter);

        deliverStream();
        deliverStream();
        deliverStream();

        assertThat(stores.cases().find(promoter.id().caseId())).isEmpty();
        assertThat(moto.sentEmails()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("rita.lopes@example.com");
            assertThat(mail.subject()).isEqualTo("Thank you!");
        });
        assertThat(stores.acknowledgements().find(ResponseAcknowledgement.idOf(promoter.id()))).get()
                .satisfies(ack -> assertThat(ack.delivered()).isTrue());
        assertThat(publishedEvents()).extracting(e -> e.path("detail-type").asText()).containsExactlyInAnyOrder("ResponseReceived", "ResponseAcknowledged");
        assertThat(stores.kpis().days(DemoConfiguration.CAMPAIGN_ID, NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate())).singleElement().satisfies(day -> {
                    assertThat(day.get(KpiCounter.ACKNOWLEDGED)).isEqualTo(1);
                    assertThat(day.get(KpiCounter.RESPONSES)).isEqualTo(1);
                });
    }

    @Test
    void process_promoterAcknowledgement_throttled_isRetriedByTheCheck_andSentOnce() throws IOException {
        acknowledgePromotersAfter(20);
        Response promoter = promoter("r-ack-late");
        stores.responses().store(promoter);
        deliverStream();
        slaCheck.run();
        assertThat(moto.sentEmails()).as("not before its delay").isEmpty();

        sesFailures.failNext(Integer.MAX_VALUE);
        clock.advance(Duration.ofMinutes(21));
        slaCheck.run();
        ResponseAcknowledgement retried = stores.acknowledgements().find(ResponseAcknowledgement.idOf(promoter.id())).orElseThrow();
        assertThat(retried.alert().state()).isEqualTo(AlertState.PENDING);
        assertThat(retried.alert().attempts()).isEqualTo(1);
        assertThat(moto.sentEmails()).isEmpty();

        sesFailures.heal();
        clock.advance(Duration.ofMinutes(2));
        slaCheck.run();
        slaCheck.run();

        assertThat(moto.sentEmails()).extracting(MotoServer.SentEmail::subject).containsExactly("Thank you!");
    }

    @Test
    void process_promoterAcknowledgement_toABouncedAddress_isNeverSent() throws IOException {
        acknowledgePromotersAfter(0);
        stores.suppressions().suppress(io.closedloop.customer.Addresses.hash("rita.lopes@example.com"),
                io.closedloop.ports.Suppressions.Reason.BOUNCED, NOW.minusSeconds(3600));
        Response promoter = promoter("r-ack-bounced");
        stores.responses().store(promoter);

        deliverStream();
        clock.advance(Duration.ofHours(2));
        slaCheck.run();

        assertThat(moto.sentEmails()).isEmpty();
        assertThat(stores.acknowledgements().find(ResponseAcknowledgement.idOf(promoter.id()))).get().satisfies(ack -> {
            assertThat(ack.failure()).isEqualTo("suppressed-bounced");
            assertThat(ack.alert().dueAt()).isNull();
        });
    }

    @Test
    void process_promoterAcknowledgedAtOnce_costsThreeSmallPutsOfItsItem_twoReads_andTheCounterWrite() throws IOException {
        acknowledgePromotersAfter(0);
        stores.responses().store(promoter("r-ack-cost"));
        var records = stream.next();
        meter.reset();

        processor.handleRequest(new ByteArrayInputStream(StreamEvents.lambdaEvent(records, stream.arn(), "us-east-1")),
                new ByteArrayOutputStream(), null);

        // create, claim and record the acknowledgement (1 unit each: a small item, its one due-index entry while due), the
        // day counter; the response and the suppression read strongly consistent, besides the configuration queries
        assertThat(meter.calls()).filteredOn(c -> c.api().equals("PutItem")).hasSize(3)
                .allSatisfy(c -> assertThat(c.table()).isEqualTo(1.0));
        assertThat(meter.calls()).filteredOn(c -> c.api().equals("GetItem")).hasSize(2);
        assertThat(meter.calls()).filteredOn(c -> c.api().equals("UpdateItem")).hasSize(1);
        assertThat(moto.sentEmails()).hasSize(1);
    }
}
