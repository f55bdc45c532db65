package io.closedloop.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.AlertDispatcher;
import io.closedloop.app.Alerting;
import io.closedloop.app.ProcessChanges;
import io.closedloop.app.SlaCheck;
import io.closedloop.customer.ResponseAcknowledgements;
import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.Stores;
import io.closedloop.eventbridge.EventBridgePublisher;
import io.closedloop.ses.SesMailer;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Faults;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MotoServer;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.TableStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The processor and the SLA check on real engines — DynamoDB Local (the table from template.yaml, its real stream),
 * SES and EventBridge on moto with an SQS queue behind the bus — each client carrying a {@link Faults} interceptor,
 * and a {@link StreamDriver} in place of the event source mapping.
 */
final class FaultBench {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final String BUS = "closedloop-faults";
    static final String SENDER = "closedloop@example.com";

    final MotoServer moto = MotoServer.shared();
    final MutableClock clock = new MutableClock(NOW);
    final Faults dynamoFaults = new Faults();
    final Faults sesFaults = new Faults();
    final Faults busFaults = new Faults();
    final Stores stores;
    final TableStream stream;
    final StreamDriver driver;
    final AlertDispatcher dispatcher;
    private SesMailer mailer;
    private final EventBridgePublisher publisher;
    final SlaCheck slaCheck;
    private final String eventQueue;
    private final List<JsonNode> published = new ArrayList<>();

    FaultBench() {
        moto.reset();
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("faults");
        DynamoDbClient client = Faults.dynamoDb(dynamo.endpoint(), dynamoFaults);
        stores = Stores.of(client, table, 730, clock, Duration.ofHours(1));
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), NOW);
        stream = new TableStream(dynamo, client, table);
        stream.next();

        SesV2Client ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(Faults.quickRetries()).addExecutionInterceptor(sesFaults)).build();
        ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
        EventBridgeClient events = EventBridgeClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(Faults.quickRetries()).addExecutionInterceptor(busFaults)).build();
        events.createEventBus(r -> r.name(BUS));
        String[] queue = moto.createQueue("faults-" + System.nanoTime());
        eventQueue = queue[1];
        events.putRule(r -> r.name("all").eventBusName(BUS).eventPattern("{\"source\":[\"closedloop\"]}"));
        events.putTargets(r -> r.rule("all").eventBusName(BUS).targets(t -> t.id("queue").arn(queue[0])));

        mailer = new SesMailer(ses);
        dispatcher = Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(), stores.suppressions(), SENDER,
                "https://closedloop.example.com");
        publisher = new EventBridgePublisher(events, BUS);
        driver = new StreamDriver(stream, processor());
        slaCheck = new SlaCheck(stores.cases(), stores.configCache(), dispatcher, acknowledgements(), clock);
    }

    private ResponseAcknowledgements acknowledgements() {
        return stores.acknowledgementSender(mailer, SENDER, "https://closedloop.example.com");
    }

    /** A processor as a new execution environment would build it, over the same table, SES and bus. */
    ProcessorHandler processor() {
        return processor(clock);
    }

    ProcessorHandler processor(InstantSource environmentClock) {
        return new ProcessorHandler(new ProcessChanges(stores.cases(), stores.configCache(), stores.roundRobin(), dispatcher,
                acknowledgements(), publisher, stores.kpis(), environmentClock));
    }

    /** A detractor of the demo campaign (opens a case assigned to ana), its customer named after its id. */
    static Response detractor(String id) {
        return new Response(DemoConfiguration.SOURCE_ID, id, DemoConfiguration.CAMPAIGN_ID, NOW.minusSeconds(60),
                new Respondent("cust-" + id, id + "@example.com", "Customer " + id, null, "en"), new Score(ScoreType.NPS, 2),
                "Late again", Map.of(), Map.of("country", "BR"), 0);
    }

    Case caseOf(Response response) {
        return stores.cases().find(response.id().caseId()).orElseThrow();
    }

    /** Emails SES accepted for this response's customer (the subject names the customer). */
    List<MotoServer.SentEmail> emailsAbout(Response response) {
        return moto.sentEmails().stream().filter(m -> m.subject() != null && m.subject().endsWith(response.respondent().name())).toList();
    }

    /** Every event the bus delivered to the queue so far (read once from the queue, kept here). */
    List<JsonNode> published() {
        List<JsonNode> batch;
        while (!(batch = moto.receive(eventQueue)).isEmpty()) {
            published.addAll(batch);
        }
        return List.copyOf(published);
    }

    /** The facts published, each named as its event id names it: "CaseOpened c…:1", "ResponseReceived demo/r-1:0". */
    List<String> publishedFacts() {
        return published().stream().map(e -> {
            JsonNode d = e.path("detail");
            String fact = d.has("caseId") ? d.path("caseId").asText() + ":" + d.path("seq").asInt()
                    : d.path("responseId").asText() + ":" + d.path("revision").asLong();
            return e.path("detail-type").asText() + " " + fact;
        }).toList();
    }

    /** A case as stored is whole: it decodes, its log is numbered 1..n without gaps, and it records each sent alert once. */
    static void assertWhole(Case c) {
        assertThat(c.activities()).extracting(Activity::seq).containsExactlyElementsOf(IntStream.rangeClosed(1, c.activities().size()).boxed().toList());
        assertThat(c.activities()).filteredOn(a -> a.type() == ActivityType.CASE_OPENED).hasSize(1);
        c.alerts().values().forEach(alert -> assertThat(c.activities())
                .filteredOn(a -> a.type() == ActivityType.ALERT_SENT && alert.key().equals(a.detail("alert") + "|" + a.detail("reason") + "|" + a.detail("recipientId")))
                .hasSizeLessThanOrEqualTo(1));
    }
}
