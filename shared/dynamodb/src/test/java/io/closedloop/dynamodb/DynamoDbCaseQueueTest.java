package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.app.Priming;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueuePage;
import io.closedloop.queue.QueueRow;
import io.closedloop.queue.Stretch;
import io.closedloop.sla.SlaClock;
import io.closedloop.sla.SlaEngine;
import io.closedloop.testing.LocalDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoDbCaseQueueTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final QueueFilter NO_FILTER = QueueFilter.NONE;

    private final CapacityMeter meter = new CapacityMeter();
    private DynamoDbClient client;
    private String table;
    private DynamoDbCaseStore cases;
    private DynamoDbCaseQueue queue;

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        table = dynamo.createTable("queue");
        client = dynamo.client(meter);
        cases = new DynamoDbCaseStore(client, table);
        queue = new DynamoDbCaseQueue(client, table);
    }

    /** An open case of {@code team}, opened {@code hoursAgo}, its 48 h first-response deadline counting from then. */
    static Case open(String id, String team, String assignee, int hoursAgo) {
        Instant opened = NOW.minus(Duration.ofHours(hoursAgo));
        Response response = new Response("src", id, "nps", opened, new Respondent(null, id + "@example.com", "Customer " + id, null, "en"),
                new Score(ScoreType.NPS, 3), "Delivery was late and nobody called me back about the refund I was promised", Map.of(),
                Map.of(), 0);
        SlaClock sla = SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.NORMAL, null, opened, opened);
        return new Case.Builder(id).version(1).campaignId("nps").response(response).teamId(team).assigneeId(assignee)
                .sla(sla).openedAt(opened).build();
    }

    static Case breached(Case c) {
        return c.toBuilder().sla(SlaEngine.due(c.sla(), SlaEngine.DEFAULT_POLICY, NOW).clock()).build();
    }

    static Case closed(Case c, Instant at) {
        return c.toBuilder().status(CaseStatus.CLOSED).closedAt(at).sla(SlaEngine.resolved(c.sla(), at).clock()).build();
    }

    private List<String> ids(QueuePage page) {
        return page.rows().stream().map(QueueRow::caseId).toList();
    }

    @Test
    void open_ordersBreachedFirstThenNearestDeadline() {
        cases.create(open("c-new", "support", "ana", 1));
        cases.create(open("c-old", "support", "ana", 40));
        cases.create(breached(open("c-late", "support", "ana", 60)));

        QueuePage page = queue.page(List.of(new Lane.Team("support")), Stretch.OPEN, NO_FILTER, 10, null);

        assertThat(ids(page)).containsExactly("c-late", "c-old", "c-new");
        assertThat(page.rows().getFirst().breached()).isTrue();
        assertThat(page.rows().getFirst().customer()).isEqualTo("Customer c-late");
        assertThat(page.rows().getFirst().excerpt()).startsWith("Delivery was late").endsWith("…");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void lists_readOnlyTheirOwnEntries() {
        cases.create(open("c-ana", "support", "ana", 2));
        cases.create(open("c-nobody", "support", null, 3));
        cases.create(open("c-sales", "sales", "bob", 4));
        cases.create(breached(open("c-breached", "support", null, 50)));
        cases.create(closed(open("c-done", "support", "ana", 10), NOW.minus(Duration.ofHours(1))));
        cases.create(open("c-soon", "support", "ana", 30));

        assertThat(ids(queue.page(List.of(new Lane.Assignee("ana")), Stretch.OPEN, NO_FILTER, 10, null))).containsExactly("c-soon", "c-ana");
        assertThat(ids(queue.page(List.of(new Lane.Unassigned("support")), Stretch.OPEN, NO_FILTER, 10, null)))
                .containsExactly("c-breached", "c-nobody");
        assertThat(ids(queue.page(List.of(new Lane.Team("support")), Stretch.BREACHED, NO_FILTER, 10, null))).containsExactly("c-breached");
        assertThat(ids(queue.page(List.of(new Lane.Team("support")), Stretch.CLOSED, NO_FILTER, 10, null))).containsExactly("c-done");
        assertThat(ids(queue.page(List.of(new Lane.Team("support")), new Stretch.DueBefore(NOW.plus(Duration.ofHours(24))), NO_FILTER, 10,
                null))).containsExactly("c-soon");
    }

    @Test
    void closingAndAssigning_moveTheCaseBetweenLists() {
        Case c = open("c-1", "support", null, 5);
        cases.create(c);
        Case assigned = c.toBuilder().version(2).assigneeId("ana").build();
        cases.update(assigned);

        assertThat(ids(queue.page(List.of(new Lane.Unassigned("support")), Stretch.OPEN, NO_FILTER, 10, null))).isEmpty();
        assertThat(ids(queue.page(List.of(new Lane.Assignee("ana")), Stretch.OPEN, NO_FILTER, 10, null))).containsExactly("c-1");

        cases.update(closed(assigned, NOW).toBuilder().version(3).build());

        assertThat(ids(queue.page(List.of(new Lane.Assignee("ana")), Stretch.OPEN, NO_FILTER, 10, null))).isEmpty();
        assertThat(ids(queue.page(List.of(new Lane.Team("support")), Stretch.OPEN, NO_FILTER, 10, null))).isEmpty();
        assertThat(ids(queue.page(List.of(new Lane.Team("support")), Stretch.CLOSED, NO_FILTER, 10, null))).containsExactly("c-1");
    }

    @Test
    void pages_mergeLanesInKeyOrder_andTheCursorResumesEachLane() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String team = i % 2 == 0 ? "support" : "sales";
            String id = "c-" + i;
            cases.create(open(id, team, null, 47 - i));
            expected.add(id);
        }
        List<Lane> lanes = List.of(new Lane.Team("support"), new Lane.Team("sales"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            QueuePage page = queue.page(lanes, Stretch.OPEN, NO_FILTER, 3, cursor);
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void filters_narrowWithinTheList() {
        Case urgent = open("c-urgent", "support", "ana", 2).toBuilder().priority(Priority.URGENT).build();
        cases.create(urgent);
        cases.create(open("c-normal", "support", "ana", 3));
        Lane team = new Lane.Team("support");

        QueueFilter byPriority = new QueueFilter(null, null, Priority.URGENT, null, null, null, null, null, null);
        QueueFilter byText = new QueueFilter(null, null, null, null, null, null, "CUSTOMER C-NORMAL", null, null);
        QueueFilter byOpened = new QueueFilter(null, null, null, null, null, null, null, NOW.minus(Duration.ofMinutes(150)), null);

        assertThat(ids(queue.page(List.of(team), Stretch.OPEN, byPriority, 10, null))).containsExactly("c-urgent");
        assertThat(ids(queue.page(List.of(team), Stretch.OPEN, byText, 10, null))).containsExactly("c-normal");
        assertThat(ids(queue.page(List.of(team), Stretch.OPEN, byOpened, 10, null))).containsExactly("c-urgent");
    }

    @Test
    void count_countsTheOpenRanges() {
        cases.create(open("c-1", "support", null, 2));
        cases.create(breached(open("c-2", "support", "ana", 50)));
        cases.create(closed(open("c-3", "support", "ana", 10), NOW));

        assertThat(queue.count(List.of(new Lane.Team("support")), Stretch.OPEN)).isEqualTo(2);
        assertThat(queue.count(List.of(new Lane.Team("support")), Stretch.BREACHED)).isEqualTo(1);
        assertThat(queue.count(List.of(new Lane.Unassigned("support")), Stretch.OPEN)).isEqualTo(1);
    }

    @Test
    void page_foreignOrMalformedCursor_isRefused() {
        cases.create(open("c-1", "support", null, 2));

        assertThatThrownBy(() -> queue.page(List.of(new Lane.Team("support")), Stretch.OPEN, NO_FILTER, 10, "not-a-cursor"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.page(List.of(new Lane.Assignee("ana"), new Lane.Team("support")), Stretch.OPEN, NO_FILTER, 10, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listPage_withTenThousandClosedCases_readsOnlyThePageItShows() {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Case done = closed(open(String.format("closed-%05d", i), "support", "ana", 100), NOW.minus(Duration.ofMinutes(10_000 - i)));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(CaseItem.toItem(done)).build()).build());
            if (batch.size() == 25) {
                writeAll(batch);
                batch.clear();
            }
        }
        for (int i = 0; i < 30; i++) {
            cases.create(open("open-" + i, "support", i % 2 == 0 ? "ana" : null, 40 - i));
        }
        Lane team = new Lane.Team("support");

        meter.reset();
        QueuePage open = queue.page(List.of(team), Stretch.OPEN, NO_FILTER, 25, null);
        double openReads = meter.readUnits();
        meter.reset();
        QueuePage closedPage = queue.page(List.of(team), Stretch.CLOSED, NO_FILTER, 25, null);
        double closedReads = meter.readUnits();
        meter.reset();
        QueuePage second = queue.page(List.of(team), Stretch.CLOSED, NO_FILTER, 25, closedPage.nextCursor());
        double secondReads = meter.readUnits();

        assertThat(open.rows()).hasSize(25);
        assertThat(closedPage.rows()).hasSize(25).first().extracting(QueueRow::caseId).isEqualTo("closed-09999");
        assertThat(second.rows().getFirst().caseId()).isEqualTo("closed-09974");
        // 26 projected entries of well under 1 KB each, eventually consistent: a few units, never the 10,000 closed cases
        double onePage = 26 * 1.0 / 4 / 2 + 1;
        assertThat(openReads).isPositive().isLessThanOrEqualTo(onePage);
        assertThat(closedReads).isPositive().isLessThanOrEqualTo(onePage);
        assertThat(secondReads).isPositive().isLessThanOrEqualTo(onePage);
    }

    private void writeAll(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> sending = pending;
            Map<String, List<WriteRequest>> unprocessed = client.batchWriteItem(r -> r.requestItems(sending)).unprocessedItems();
            pending = unprocessed == null || unprocessed.isEmpty() ? Map.of() : unprocessed;
        }
    }
}
