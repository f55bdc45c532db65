package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.ports.StoreOutcome;
import io.closedloop.testing.LocalDynamo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbResponseStoreTest {

    private final CapacityMeter meter = new CapacityMeter();
    private DynamoDbResponseStore store;

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("responses");
        store = new DynamoDbResponseStore(dynamo.client(meter), table, 730);
        meter.reset();
    }

    static Response typicalResponse(String externalId, long revision) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            answers.put("q" + i, "An answer to question number " + i + " with a few words in it");
        }
        return new Response("demo-source", externalId, "demo-campaign", Instant.parse("2026-11-20T10:15:30Z"),
                new Respondent("cust-4711", "ana.souza@example.com", "Ana Souza", "+55 11 91234-5678", "pt-BR"),
                new Score(ScoreType.NPS, 3),
                "The delivery was late twice and nobody answered the phone. I want a refund for the last order.",
                answers, Map.of("country", "BR", "store", "São Paulo – Paulista", "segment", "gold", "accountValue", "125000"),
                revision);
    }

    @Test
    void store_typicalResponse_costsOneWriteUnit() {
        StoreOutcome outcome = store.store(typicalResponse("resp-1", 0));

        assertThat(outcome).isEqualTo(StoreOutcome.STORED);
        assertThat(meter.writeUnits()).isEqualTo(1.0);
    }

    @Test
    void store_sameRevisionAgain_isDuplicateAndChangesNothing() {
        store.store(typicalResponse("resp-2", 0));

        StoreOutcome again = store.store(typicalResponse("resp-2", 0));

        assertThat(again).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(meter.calls()).filteredOn(c -> c.operation().equals("write")).hasSize(1);
        assertThat(meter.conditionalFailures()).isEqualTo(1);
        assertThat(store.find("demo-campaign", LocalDate.parse("2026-11-20"), "demo-source", "resp-2"))
                .singleElement().isEqualTo(typicalResponse("resp-2", 0));
    }

    @Test
    void store_newerRevision_updatesInPlace_olderIsDuplicate() {
        store.store(typicalResponse("resp-3", 1));

        assertThat(store.store(typicalResponse("resp-3", 2))).isEqualTo(StoreOutcome.UPDATED);
        assertThat(store.store(typicalResponse("resp-3", 1))).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(store.find("demo-campaign", LocalDate.parse("2026-11-20"), "demo-source", "resp-3"))
                .singleElement().extracting(Response::revision).isEqualTo(2L);
    }

    @Test
    void store_fiftyParallelDeliveries_storeExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<StoreOutcome>> deliveries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                deliveries.add(() -> store.store(typicalResponse("resp-par", 0)));
            }
            List<StoreOutcome> outcomes = new ArrayList<>();
            for (Future<StoreOutcome> f : pool.invokeAll(deliveries)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o == StoreOutcome.STORED).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o == StoreOutcome.DUPLICATE).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void merge_answersArrivingOneByOne_assembleOneResponse() {
        Response first = new Response("svc", "uuid-1", "demo-campaign", Instant.parse("2026-11-20T23:59:58Z"),
                Respondent.ANONYMOUS, null, null, Map.of("q1", "Yes"), Map.of(), 0);
        Response second = new Response("svc", "uuid-1", "demo-campaign", Instant.parse("2026-11-21T00:00:03Z"),
                Respondent.ANONYMOUS, new Score(ScoreType.NPS, 4), "Too slow", Map.of("q2", "4"), Map.of("plan", "pro"), 0);

        assertThat(store.merge(first)).isEqualTo(StoreOutcome.STORED);
        assertThat(store.merge(second)).isEqualTo(StoreOutcome.UPDATED);
        assertThat(store.merge(second)).isEqualTo(StoreOutcome.DUPLICATE);

        List<Response> found = store.find("demo-campaign", LocalDate.parse("2026-11-20"), "svc", "uuid-1");
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.answers()).containsOnlyKeys("q1", "q2");
            assertThat(r.score()).isEqualTo(new Score(ScoreType.NPS, 4));
            assertThat(r.comment()).isEqualTo("Too slow");
            assertThat(r.submittedAt()).isEqualTo(Instant.parse("2026-11-20T23:59:58Z"));
        });
    }

    @Test
    void forEachInPeriod_readsOnlyTheCampaignsDays() {
        store.store(typicalResponse("in-period", 0));
        Response otherDay = new Response("demo-source", "other-day", "demo-campaign", Instant.parse("2026-11-25T08:00:00Z"),
                Respondent.ANONYMOUS, new Score(ScoreType.NPS, 9), null, Map.of(), Map.of(), 0);
        store.store(otherDay);

        List<String> seen = new ArrayList<>();
        store.forEachInPeriod("demo-campaign", LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-21"), r -> seen.add(r.externalId()));

        assertThat(seen).containsExactly("in-period");
    }

    @Test
    void latest_goesBackDayByDay_newestFirst_andStopsWhenEnoughAreFound() {
        for (String at : List.of("2026-11-20T09:00:00Z", "2026-11-20T17:00:00Z", "2026-11-18T12:00:00Z", "2026-11-10T12:00:00Z")) {
            store.store(new Response("demo-source", "at-" + at, "demo-campaign", Instant.parse(at), Respondent.ANONYMOUS,
                    new Score(ScoreType.NPS, 5), null, Map.of(), Map.of(), 0));
        }
        store.store(new Response("demo-source", "other-campaign", "other-campaign", Instant.parse("2026-11-20T12:00:00Z"),
                Respondent.ANONYMOUS, new Score(ScoreType.NPS, 5), null, Map.of(), Map.of(), 0));
        meter.reset();

        List<Response> lastThree = store.latest("demo-campaign", LocalDate.parse("2026-11-21"), 30, 3);
        List<CapacityMeter.Call> callsForThree = List.copyOf(meter.calls());
        List<Response> withinAWeek = store.latest("demo-campaign", LocalDate.parse("2026-11-21"), 7, 10);

        assertThat(lastThree).extracting(Response::externalId)
                .containsExactly("at-2026-11-20T17:00:00Z", "at-2026-11-20T09:00:00Z", "at-2026-11-18T12:00:00Z");
        assertThat(callsForThree).as("one query per day, 21 back to 18 November, then enough were found")
                .extracting(CapacityMeter.Call::api).containsExactly("Query", "Query", "Query", "Query");
        assertThat(withinAWeek).hasSize(3);
    }
}
