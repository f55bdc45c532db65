package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.cases.Case;
import io.closedloop.json.Json;
import io.closedloop.ports.CasePage;
import io.closedloop.ports.CaseQuery;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.CaseSummary;
import io.closedloop.ports.ConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Cases in the single table; every write is conditional, none is a transaction. */
public final class DynamoDbCaseStore implements CaseStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCaseStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Case newCase) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(CaseItem.toItem(newCase)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Case> find(String caseId) {
        GetItemResponse got = dynamo.getItem(r -> r.tableName(table).key(CaseItem.key(caseId)).consistentRead(true));
        return got.hasItem() && !got.item().isEmpty() ? Optional.of(CaseItem.fromItem(got.item())) : Optional.empty();
    }

    @Override
    public void update(Case updated) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(CaseItem.toItem(updated))
                    .conditionExpression("ver = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(updated.version() - 1))));
        } catch (ConditionalCheckFailedException lost) {
            throw new ConflictException("case " + updated.id() + " changed since version " + (updated.version() - 1));
        }
    }

    @Override
    public List<String> dueCaseIds(Instant until, int limit) {
        List<String> ids = new ArrayList<>();
        String upper = String.format("%012d#~", Math.max(0, until.getEpochSecond()));
        for (int shard = 0; shard < CaseItem.DUE_SHARDS && ids.size() < limit; shard++) {
            String partition = CaseItem.duePartition(shard);
            QueryRequest query = QueryRequest.builder().tableName(table).indexName(Table.DUE_INDEX)
                    .keyConditionExpression("gsi3pk = :p AND gsi3sk <= :upper")
                    .expressionAttributeValues(Map.of(":p", s(partition), ":upper", s(upper)))
                    .build();
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
                ids.add(Table.string(item, Table.PK).substring(CaseItem.PREFIX.length()));
                if (ids.size() >= limit) {
                    break;
                }
            }
        }
        return ids;
    }

    @Override
    public CasePage list(CaseQuery query) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":c", s("CAMPAIGN#" + query.campaignId()));
        String key = "gsi1pk = :c";
        if (query.from() != null || query.to() != null) {
            values.put(":from", s(query.from() == null ? "0" : query.from().toString()));
            values.put(":to", s((query.to() == null ? "9" : query.to().toString()) + "#~"));
            key += " AND gsi1sk BETWEEN :from AND :to";
        }
        List<String> filters = new ArrayList<>();
        if (query.status() != null) {
            filters.add("st = :st");
            values.put(":st", s(query.status().name()));
        }
        if (query.assigneeId() != null) {
            filters.add("asg = :asg");
            values.put(":asg", s(query.assigneeId()));
        }
        if (query.breached() != null) {
            filters.add("brc = :brc");
            values.put(":brc", AttributeValue.fromBool(query.breached()));
        }
        int limit = Math.clamp(query.limit(), 1, 100);
        Map<String, AttributeValue> start = decodeCursor(query.cursor());
        List<CaseSummary> cases = new ArrayList<>();
        Map<String, AttributeValue> last;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(Table.CAMPAIGN_INDEX)
                    .keyConditionExpression(key).expressionAttributeValues(values).scanIndexForward(false)
                    .limit(limit - cases.size());
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            if (!names.isEmpty()) {
                request.expressionAttributeNames(names);
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(request.build());
            page.items().forEach(item -> cases.add(CaseItem.summary(item)));
            last = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            start = last;
        } while (last != null && cases.size() < limit);
        return new CasePage(cases, last == null ? null : encodeCursor(last));
    }

    @Override
    public long openCases(String planId, int upTo) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).indexName(Table.PLAN_INDEX)
                    .keyConditionExpression("gsi6pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(CaseItem.planPartition(planId))))
                    .select(Select.COUNT).limit(upTo).exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && count < upTo);
        return Math.min(count, upTo);
    }

    @Override
    public List<CaseSummary> byCustomer(String customerKey, int limit) {
        QueryResponse page = dynamo.query(r -> r.tableName(table).indexName(Table.CUSTOMER_INDEX)
                .keyConditionExpression("gsi2pk = :c")
                .expressionAttributeValues(Map.of(":c", s(CaseItem.customerPartition(customerKey))))
                .scanIndexForward(false)
                .limit(limit));
        return page.items().stream().map(CaseItem::summary).toList();
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(plain));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            Map<?, ?> plain = Json.read(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), Map.class);
            Map<String, AttributeValue> key = new HashMap<>();
            for (var entry : plain.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (!List.of(Table.PK, Table.SK, Table.GSI1PK, Table.GSI1SK).contains(name)) {
                    throw new IllegalArgumentException("cursor");
                }
                key.put(name, s(String.valueOf(entry.getValue())));
            }
            return key;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor");
        }
    }
}
