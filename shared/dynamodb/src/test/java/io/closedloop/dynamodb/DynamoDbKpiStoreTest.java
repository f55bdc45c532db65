package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Goal;
import io.closedloop.kpi.KpiBucket;
import io.closedloop.kpi.KpiCounts;
import io.closedloop.kpi.KpiIncrement;
import io.closedloop.kpi.KpiReport;
import io.closedloop.testing.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoDbKpiStoreTest {

    private static final String CAMPAIGN = "nps-2025";
    private static final LocalDate JAN_1 = LocalDate.parse("2025-01-01");

    private final CapacityMeter meter = new CapacityMeter();
    private final CallCounter calls = new CallCounter();
    private DynamoDbClient client;
    private String table;
    private DynamoDbKpiStore store;

    /** Counts the requests of each kind the store sends. */
    static final class CallCounter implements ExecutionInterceptor {
        final AtomicInteger updates = new AtomicInteger();
        final AtomicInteger queries = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            switch (context.request()) {
                case UpdateItemRequest r -> updates.incrementAndGet();
                case QueryRequest r -> queries.incrementAndGet();
                default -> { }
            }
        }

        void reset() {
            updates.set(0);
            queries.set(0);
        }
    }

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        table = dynamo.createTable("kpis");
        client = dynamo.client(meter, calls);
        store = new DynamoDbKpiStore(client, table);
        meter.reset();
        calls.reset();
    }

    private static Map<String, Long> counts(Object... nameValuePairs) {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            counts.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).longValue());
        }
        return counts;
    }

    /**
     * A busy day's counters, as the deltas write them: NPS, cases, first responses, closes, breaches, histograms,
     * and breakdowns for four assignees, two teams and four root causes.
     */
    static Map<String, Long> busyDay(int day) {
        Map<String, Long> c = counts("resp", 48 + day % 7, "det", 12, "pas", 9, "pro", 27, "nps", 48, "nDet", 12, "nPro", 27,
                "opn", 12, "cls", 11, "cls1", 10, "reo", 1, "reo1", 1, "fr", 12, "frIn", 11, "resIn", 10, "res1In", 9,
                "goalIn", 9, "brFr", 1, "brRes", 1,
                "hFr#1h", 3, "hFr#4h", 5, "hFr#12h", 3, "hFr#72h", 1, "hCl#8h", 4, "hCl#24h", 5, "hCl#72h", 2);
        for (String assignee : List.of("ana", "bruno", "carla", "diana")) {
            for (String counter : List.of("opn", "cls", "fr", "frIn", "resIn", "goalIn", "br")) {
                c.put("a#" + assignee + "#" + counter, 3L);
            }
        }
        for (String team : List.of("support-br", "support-sp")) {
            for (String counter : List.of("opn", "cls", "fr", "frIn", "resIn", "goalIn", "br")) {
                c.put("t#" + team + "#" + counter, 6L);
            }
        }
        for (String cause : List.of("late-delivery", "damaged-parcel", "wrong-item", "-")) {
            c.put("rc#" + cause + "#cls", 3L);
            c.put("rc#" + cause + "#resIn", 2L);
        }
        return c;
    }

    /** DynamoDB's item size: the UTF-8 length of each attribute name plus its value (a number: 1 + digits / 2). */
    static int itemSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            AttributeValue v = e.getValue();
            size += v.s() != null ? v.s().getBytes(StandardCharsets.UTF_8).length : 1 + (v.n().replace("-", "").length() + 1) / 2;
        }
        return size;
    }

    @Test
    void add_twice_countersAddUpAndNegativeIncrementsSubtract() {
        KpiBucket march3 = KpiBucket.day(CAMPAIGN, LocalDate.parse("2025-03-03"));
        KpiBucket totals = KpiBucket.totals(CAMPAIGN);

        store.add(List.of(new KpiIncrement(march3, counts("opn", 2, "a#ana#opn", 2)), new KpiIncrement(totals, counts("opnNow", 2))));
        store.add(List.of(new KpiIncrement(march3, counts("opn", 1, "cls", 1, "rc#-#cls", 1)), new KpiIncrement(totals, counts("opnNow", -1))));
        store.add(List.of(new KpiIncrement(march3, counts("rc#-#cls", -1, "rc#late-delivery#cls", 1))));

        assertThat(store.days(CAMPAIGN, march3.day(), march3.day())).containsExactly(new KpiCounts(march3,
                counts("opn", 3, "a#ana#opn", 2, "cls", 1, "rc#-#cls", 0, "rc#late-delivery#cls", 1)));
        assertThat(store.totals(CAMPAIGN)).isEqualTo(new KpiCounts(totals, counts("opnNow", 1)));
    }

    @Test
    void add_batchOverThreeBuckets_writesEachBucketOnceForOneUnitEach() {
        KpiBucket day1 = KpiBucket.day(CAMPAIGN, JAN_1);
        List<KpiIncrement> batch = List.of(
                new KpiIncrement(day1, counts("opn", 1, "a#ana#opn", 1, "t#support-br#opn", 1)),
                new KpiIncrement(KpiBucket.day(CAMPAIGN, JAN_1.plusDays(1)), counts("cls", 1, "hCl#24h", 1)),
                new KpiIncrement(day1, counts("fr", 1, "frIn", 1, "hFr#1h", 1)),
                new KpiIncrement(KpiBucket.totals(CAMPAIGN), counts("opnNow", 1)));

        store.add(batch);

        assertThat(calls.updates.get()).isEqualTo(3);
        assertThat(meter.writeUnits()).isEqualTo(3.0);
        assertThat(store.days(CAMPAIGN, JAN_1, JAN_1).getFirst().counters())
                .containsEntry("opn", 1L).containsEntry("fr", 1L).containsEntry("hFr#1h", 1L);
    }

    @Test
    void add_busyDayItem_staysUnderOneKilobyteSoAWriteCostsOneUnit() {
        KpiBucket day = KpiBucket.day(CAMPAIGN, JAN_1);

        store.add(List.of(new KpiIncrement(day, busyDay(0))));

        assertThat(meter.writeUnits()).isEqualTo(1.0);
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(DynamoDbKpiStore.key(day))).item();
        assertThat(itemSize(item)).isLessThan(1024);
    }

    @Test
    void days_aYearOfBusyDays_readsEveryItemInOneQueryWithinTheReadUnitBound() {
        List<KpiIncrement> year = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            year.add(new KpiIncrement(KpiBucket.day(CAMPAIGN, JAN_1.plusDays(i)), busyDay(i)));
        }
        year.add(new KpiIncrement(KpiBucket.day(CAMPAIGN, JAN_1.minusDays(1)), counts("opn", 99)));
        year.add(new KpiIncrement(KpiBucket.day(CAMPAIGN, JAN_1.plusDays(365)), counts("opn", 99)));
        year.add(new KpiIncrement(KpiBucket.day("csat-2025", JAN_1), counts("opn", 99)));
        year.add(new KpiIncrement(KpiBucket.totals(CAMPAIGN), counts("opnNow", 5)));
        store.add(year);
        int largest = 0;
        for (int i = 0; i < 365; i++) {
            KpiBucket bucket = KpiBucket.day(CAMPAIGN, JAN_1.plusDays(i));
            largest = Math.max(largest, itemSize(client.getItem(r -> r.tableName(table).key(DynamoDbKpiStore.key(bucket))).item()));
        }
        meter.reset();
        calls.reset();

        List<KpiCounts> days = store.days(CAMPAIGN, JAN_1, JAN_1.plusDays(364));

        assertThat(days).hasSize(365);
        assertThat(days.getFirst().bucket().day()).isEqualTo(JAN_1);
        assertThat(days.getLast().bucket().day()).isEqualTo(LocalDate.parse("2025-12-31"));
        assertThat(days).allSatisfy(d -> assertThat(d.get("opn")).isEqualTo(12));
        assertThat(calls.queries.get()).isEqualTo(1);
        // An eventually consistent query costs 0.5 unit per 4 KB read, all items summed and rounded up
        assertThat(largest).isLessThan(1024);
        double bound = Math.ceil(365.0 * largest / 4096) * 0.5;
        assertThat(meter.readUnits()).isPositive().isLessThanOrEqualTo(bound).isLessThanOrEqualTo(46.0);
    }

    @Test
    void report_readsThePeriodAndOpenNow() {
        store.add(List.of(
                new KpiIncrement(KpiBucket.day(CAMPAIGN, JAN_1), counts("nps", 4, "nPro", 3, "nDet", 1, "opn", 2, "cls", 1, "goalIn", 1)),
                new KpiIncrement(KpiBucket.totals(CAMPAIGN), counts("opnNow", 1))));
        calls.reset();

        KpiReport report = store.report(CAMPAIGN, JAN_1, JAN_1.plusDays(6), Goal.DEFAULT);

        assertThat(calls.queries.get()).isEqualTo(1);
        assertThat(report.days()).hasSize(7);
        assertThat(report.totals().nps()).isEqualTo(50.0);
        assertThat(report.totals().openNow()).isEqualTo(1);
        assertThat(report.totals().goalMet()).isTrue();
    }

    @Test
    void totals_neverWritten_isEmpty_andIsNotPartOfTheDays() {
        assertThat(store.totals(CAMPAIGN)).isEqualTo(KpiCounts.empty(KpiBucket.totals(CAMPAIGN)));

        store.add(List.of(new KpiIncrement(KpiBucket.totals(CAMPAIGN), counts("opnNow", 3))));

        assertThat(store.days(CAMPAIGN, LocalDate.parse("2000-01-01"), LocalDate.parse("2001-12-31"))).isEmpty();
        assertThat(store.totals(CAMPAIGN).get("opnNow")).isEqualTo(3);
    }

    @Test
    void add_moreCountersThanOneExpressionHolds_splitsTheWriteAndKeepsEveryCounter() {
        Map<String, Long> wide = new TreeMap<>();
        for (int i = 0; i < 450; i++) {
            wide.put("a#responder-" + i + "#opn", (long) i + 1);
        }
        KpiBucket day = KpiBucket.day(CAMPAIGN, JAN_1);

        store.add(List.of(new KpiIncrement(day, wide)));
        store.add(List.of(new KpiIncrement(day, wide)));

        assertThat(calls.updates.get()).isEqualTo(2 * 3);
        KpiCounts stored = store.days(CAMPAIGN, JAN_1, JAN_1).getFirst();
        assertThat(stored.counters()).hasSize(450);
        assertThat(stored.get("a#responder-449#opn")).isEqualTo(900);
    }

    @Test
    void add_counterNamesWithExpressionCharacters_areStoredAsTheyAre() {
        KpiBucket day = KpiBucket.day(CAMPAIGN, JAN_1);
        Map<String, Long> odd = counts("a#ana.souza@example.com#opn", 1, "rc#cause: late, again#cls", 1, "t#é équipe#opn", 1);

        store.add(List.of(new KpiIncrement(day, odd)));

        assertThat(store.days(CAMPAIGN, JAN_1, JAN_1).getFirst().counters()).isEqualTo(odd);
    }
}
