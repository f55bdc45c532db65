package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.kpi.KpiBucket;
import io.closedloop.kpi.KpiCounts;
import io.closedloop.kpi.KpiDeltas;
import io.closedloop.kpi.KpiIncrement;
import io.closedloop.kpi.KpiReports;
import io.closedloop.kpi.KpiStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The KPI counters in the single table: one small item per campaign and UTC day ({@code pk = KPI#<campaign>},
 * {@code sk = DAY#<yyyy-MM-dd>}) and one totals item ({@code sk = TOTAL}); each counter is a number attribute.
 * A batch writes each bucket once, with one UpdateItem ADD (no read, no condition); a report reads a period with one
 * Query on the sort-key range and the totals with one GetItem. Reads are eventually consistent (half price): a report
 * may miss the last second of writes. See docs/kpis.md for the layout and costs.
 */
public final class DynamoDbKpiStore implements KpiStore {

    public static final String PREFIX = "KPI#";
    public static final String DAY = "DAY#";
    public static final String TOTAL = "TOTAL";

    /**
     * Most counters in one UpdateItem: keeps the expression under DynamoDB's 4 KB limit (each "#cN :vN, " is at most
     * 13 characters); a bucket with more (a very busy day of a large team) takes one more write per 200 counters.
     */
    static final int COUNTERS_PER_UPDATE = 200;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbKpiStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static Map<String, AttributeValue> key(KpiBucket bucket) {
        return Map.of(Table.PK, s(PREFIX + bucket.campaignId()),
                Table.SK, s(bucket.isTotals() ? TOTAL : DAY + bucket.day()));
    }

    @Override
    public void add(List<KpiIncrement> increments) {
        for (KpiIncrement increment : KpiDeltas.merge(increments)) {
            List<Map.Entry<String, Long>> counters = new ArrayList<>(increment.counters().entrySet());
            for (int start = 0; start < counters.size(); start += COUNTERS_PER_UPDATE) {
                update(increment.bucket(), counters.subList(start, Math.min(counters.size(), start + COUNTERS_PER_UPDATE)));
            }
        }
    }

    private void update(KpiBucket bucket, List<Map.Entry<String, Long>> counters) {
        StringBuilder expression = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < counters.size(); i++) {
            if (i > 0) {
                expression.append(", ");
            }
            expression.append("#c").append(i).append(" :v").append(i);
            names.put("#c" + i, counters.get(i).getKey());
            values.put(":v" + i, n(counters.get(i).getValue()));
        }
        dynamo.updateItem(r -> r.tableName(table)
                .key(key(bucket))
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public List<KpiCounts> days(String campaignId, LocalDate from, LocalDate to) {
        KpiReports.checkPeriod(from, to);
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", s(PREFIX + campaignId), ":from", s(DAY + from), ":to", s(DAY + to)))
                .build();
        List<KpiCounts> days = new ArrayList<>();
        // One page holds a year of small items; the paginator only matters for very large ones (over 1 MB in all)
        for (QueryResponse page : dynamo.queryPaginator(query)) {
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Table.string(item, Table.SK);
                days.add(new KpiCounts(KpiBucket.day(campaignId, LocalDate.parse(sk.substring(DAY.length()))), counters(item)));
            }
        }
        return days;
    }

    @Override
    public KpiCounts totals(String campaignId) {
        KpiBucket bucket = KpiBucket.totals(campaignId);
        GetItemResponse got = dynamo.getItem(r -> r.tableName(table).key(key(bucket)));
        return got.hasItem() ? new KpiCounts(bucket, counters(got.item())) : KpiCounts.empty(bucket);
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item) {
        Map<String, Long> counters = new HashMap<>();
        item.forEach((name, value) -> {
            if (!name.equals(Table.PK) && !name.equals(Table.SK) && value.n() != null) {
                counters.put(name, Long.parseLong(value.n()));
            }
        });
        return counters;
    }
}
