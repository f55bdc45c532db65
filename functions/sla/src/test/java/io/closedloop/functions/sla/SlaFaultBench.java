package io.closedloop.functions.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.app.Alerting;
import io.closedloop.app.CaseService;
import io.closedloop.app.SlaCheck;
import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.Opening;
import io.closedloop.config.Priority;
import io.closedloop.config.SlaPolicy;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.Stores;
import io.closedloop.ses.SesMailer;
import io.closedloop.sla.SlaEngine;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Faults;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MotoServer;
import io.closedloop.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A fresh table on DynamoDB Local with the demo configuration, SES on moto, both behind {@link Faults}
 * interceptors; checks and case services built as separate execution environments would build them.
 */
final class SlaFaultBench {

    static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    private static final String SENDER = "closedloop@example.com";

    final MotoServer moto = MotoServer.shared();
    final MutableClock clock = new MutableClock(OPENED);
    final Faults dynamoFaults = new Faults();
    final Faults sesFaults = new Faults();
    final Stores stores;
    private final SesMailer mailer;

    SlaFaultBench() {
        moto.reset();
        LocalDynamo dynamo = LocalDynamo.shared();
        stores = Stores.of(Faults.dynamoDb(dynamo.endpoint(), dynamoFaults), dynamo.createTable("sla-faults"), 730, clock, Duration.ofHours(1));
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), OPENED);
        SesV2Client ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(Faults.quickRetries()).addExecutionInterceptor(sesFaults)).build();
        ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
        mailer = new SesMailer(ses);
    }

    /** A fresh check, as a new execution environment would build it (its own dispatcher over the same table and SES). */
    SlaCheck check() {
        return new SlaCheck(stores.cases(), stores.configCache(),
                Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(), stores.suppressions(), SENDER, "https://closedloop.example.com"),
                stores.acknowledgementSender(mailer, SENDER, "https://closedloop.example.com"), clock);
    }

    CaseService caseService() {
        return new CaseService(stores.cases(), stores.configCache(), clock);
    }

    /** An open detractor case of the demo campaign, assigned to ana (team support: lead carla, manager marc). */
    Case storeCase(String id, Alert... alerts) {
        Response response = new Response(DemoConfiguration.SOURCE_ID, id, DemoConfiguration.CAMPAIGN_ID, OPENED,
                new Respondent("cust-" + id, null, "Customer " + id, null, "en"), new Score(ScoreType.NPS, 2), "Not happy",
                Map.of(), Map.of(), 0);
        SlaPolicy policy = stores.configCache().current().slaPolicy("detractor-48h").orElseThrow();
        Case.Builder builder = new Case.Builder(response.id().caseId()).version(1).campaignId(DemoConfiguration.CAMPAIGN_ID)
                .response(response).status(CaseStatus.OPEN).priority(Priority.NORMAL).assigneeId("ana").teamId("support")
                .opening(new Opening("detractors", 1, "Detractors", List.of("score 2 (NPS) in 0–6"), "detractor-recovery"))
                .sla(SlaEngine.start(policy, Priority.NORMAL, null, OPENED, OPENED)).openedAt(OPENED)
                .append(OPENED, "system", ActivityType.CASE_OPENED, Map.of());
        for (Alert alert : alerts) {
            builder.alert(alert);
        }
        Case c = builder.build();
        assertThat(stores.cases().create(c)).isTrue();
        return c;
    }

    Case stored(Case c) {
        return stores.cases().find(c.id()).orElseThrow();
    }

    /** The addressee of every email SES accepted, in order. */
    List<String> recipients() {
        return moto.sentEmails().stream().flatMap(m -> m.to().stream()).toList();
    }

    static long count(Case c, ActivityType type) {
        return c.activities().stream().filter(a -> a.type() == type).count();
    }

    /** A stored case is whole: its log is numbered 1..n without a gap. */
    static void assertWhole(Case c) {
        assertThat(c.activities()).extracting(Activity::seq).containsExactlyElementsOf(IntStream.rangeClosed(1, c.activities().size()).boxed().toList());
    }

    /**
     * Runs the tasks on their own threads at once; each waits, once it has read the case, until the others have read
     * it too, so all of them act on the same version.
     */
    <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        Faults.Fault race = dynamoFaults.meet(Faults.get("CASE#"), tasks.size(), Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            assertThat(race.injected()).as("every party read the case before any wrote").isEqualTo(tasks.size());
            return results;
        } finally {
            pool.shutdownNow();
            dynamoFaults.healAll();
        }
    }
}
