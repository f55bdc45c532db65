package io.closedloop.functions.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.app.Alerting;
import io.closedloop.app.SlaCheck;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.Opening;
import io.closedloop.config.Priority;
import io.closedloop.config.SlaPolicy;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.CapacityMeter;
import io.closedloop.dynamodb.CaseItem;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.ports.Email;
import io.closedloop.ports.Mailer;
import io.closedloop.sla.SlaClock;
import io.closedloop.sla.SlaEngine;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The scheduled check on DynamoDB Local: what it reads grows with what is due, never with what is stored. */
class SlaCheckHandlerTest {

    private static final Instant OPENED = Instant.parse("2026-11-20T10:00:00Z");
    /** The demo's detractor policy: 48 h first response, reminder at 75 %, team lead at breach, manager 24 h later. */
    private static final SlaPolicy DEMO_POLICY = demoPolicy();

    private static SlaPolicy demoPolicy() {
        Setup s = setup();
        return s.stores().configCache().current().slaPolicy("detractor-48h").orElseThrow();
    }

    /** Records what would go out; the SES adapter itself is tested against moto. */
    private static final class RecordingMailer implements Mailer {
        final List<Email> sent = new CopyOnWriteArrayList<>();

        @Override
        public String send(Email email) {
            sent.add(email);
            return "m-" + sent.size();
        }
    }

    private record Setup(Stores stores, DynamoDbClient client, CapacityMeter meter, MutableClock clock, RecordingMailer mailer,
            SlaCheckHandler handler) {}

    private static Setup setup() {
        LocalDynamo dynamo = LocalDynamo.shared();
        CapacityMeter meter = new CapacityMeter();
        MutableClock clock = new MutableClock(OPENED);
        DynamoDbClient client = dynamo.client(meter);
        Stores stores = Stores.of(client, dynamo.createTable("sla"), 730, clock, Duration.ofHours(1));
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), OPENED);
        RecordingMailer mailer = new RecordingMailer();
        SlaCheck check = new SlaCheck(stores.cases(), stores.configCache(),
                Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(), stores.suppressions(), "cx@example.com", "https://cx.example.com"),
                stores.acknowledgementSender(mailer, "cx@example.com", "https://cx.example.com"), clock);
        return new Setup(stores, client, meter, clock, mailer, new SlaCheckHandler(check));
    }

    private static Case detractorCase(String id, boolean closed) {
        Response response = new Response(DemoConfiguration.SOURCE_ID, id, DemoConfiguration.CAMPAIGN_ID, OPENED,
                new Respondent("cust-" + id, null, "Customer " + id, null, "en"), new Score(ScoreType.NPS, 2), "Not happy",
                Map.of(), Map.of(), 0);
        SlaClock sla = SlaEngine.start(DEMO_POLICY, Priority.NORMAL, null, OPENED, OPENED);
        Case.Builder builder = new Case.Builder(response.id().caseId()).version(1).campaignId(DemoConfiguration.CAMPAIGN_ID)
                .response(response).status(CaseStatus.OPEN).priority(Priority.NORMAL).assigneeId("ana").teamId("support")
                .opening(new Opening("detractors", 1, "Detractors", List.of("score 2 (NPS) in 0–6"), "detractor-recovery"))
                .sla(sla).openedAt(OPENED).append(OPENED, "system", ActivityType.CASE_OPENED, Map.of());
        if (closed) {
            Instant closedAt = OPENED.plus(Duration.ofHours(3));
            builder.status(CaseStatus.CLOSED).firstResponseAt(closedAt).closedAt(closedAt).firstClosedAt(closedAt)
                    .sla(SlaEngine.resolved(SlaEngine.firstResponse(sla, closedAt).clock(), closedAt).clock());
        }
        return builder.build();
    }

    private static void store(Setup s, List<Case> cases) {
        String table = s.stores().table();
        for (int from = 0; from < cases.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Case c : cases.subList(from, Math.min(cases.size(), from + 25))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(CaseItem.toItem(c)).build()).build());
            }
            s.client().batchWriteItem(r -> r.requestItems(Map.of(table, writes)));
        }
    }

    private static List<Case> cases(String prefix, int count, boolean closed) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(detractorCase(prefix + i, closed));
        }
        return cases;
    }

    private static String run(Setup s) throws IOException {
        byte[] event = Files.readAllBytes(Project.root().resolve("events/schedule-sla-check.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.handler().handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString();
    }

    private static double readUnitsOfOneCheck(int closedCases) throws IOException {
        Setup s = setup();
        store(s, cases("closed-", closedCases, true));
        store(s, cases("due-", 100, false));
        s.stores().configCache().current();
        s.clock().set(OPENED.plus(Duration.ofHours(49)));
        s.meter().reset();

        String summary = run(s);

        assertThat(Json.tree(summary.getBytes()).path("due").asInt()).isEqualTo(100);
        return s.meter().readUnits();
    }

    @Test
    void check_readUnitsGrowWithDueCasesNotWithStoredCases() throws IOException {
        double hundredDue = readUnitsOfOneCheck(0);
        double hundredDueAmongTenThousandClosed = readUnitsOfOneCheck(10_000);

        // Reading 100 due cases: the due index (8 shards) and each case once; 10,000 closed cases add nothing
        assertThat(hundredDue).isLessThanOrEqualTo(100 * 2 + 8);
        assertThat(hundredDueAmongTenThousandClosed).isLessThanOrEqualTo(hundredDue + 2);
    }

    @Test
    void check_breachesAtFortyNineHours_exactlyOnce_andEscalatesToTheTeamLead() throws IOException {
        Setup s = setup();
        Case c = detractorCase("one", false);
        store(s, List.of(c));

        s.clock().set(OPENED.plus(Duration.ofHours(37)));
        run(s);
        s.clock().set(OPENED.plus(Duration.ofHours(49)));
        run(s);
        run(s);

        Case after = s.stores().cases().find(c.id()).orElseThrow();
        assertThat(after.activities()).filteredOn(a -> a.type() == ActivityType.SLA_REMINDER).hasSize(1);
        assertThat(after.activities()).filteredOn(a -> a.type() == ActivityType.SLA_BREACHED).hasSize(1);
        assertThat(s.mailer().sent).extracting(Email::to).containsExactly("ana@closedloop.local", "carla@closedloop.local");
        assertThat(s.mailer().sent.get(1).subject()).startsWith("Escalation");

        s.clock().set(OPENED.plus(Duration.ofHours(48 + 24 + 1)));
        run(s);
        run(s);
        assertThat(s.mailer().sent).extracting(Email::to)
                .containsExactly("ana@closedloop.local", "carla@closedloop.local", "marc@closedloop.local");
    }
}
