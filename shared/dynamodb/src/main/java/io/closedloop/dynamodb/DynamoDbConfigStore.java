package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Configuration in one partition ({@code pk = CONFIG}, {@code sk = <KIND>#<id>}), so the whole of it is one query.
 * Documents are plain JSON, readable in the console.
 */
public final class DynamoDbConfigStore implements ConfigStore {

    static final String PARTITION = "CONFIG";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbConfigStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<ConfigEntry> loadAll() {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(PARTITION)))
                .build();
        List<ConfigEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            entries.add(entry(item));
        }
        return entries;
    }

    @Override
    public Optional<ConfigEntry> find(ConfigKind kind, String id) {
        GetItemResponse got = dynamo.getItem(r -> r.tableName(table).key(key(kind, id)).consistentRead(true));
        return got.hasItem() && !got.item().isEmpty() ? Optional.of(entry(got.item())) : Optional.empty();
    }

    @Override
    public void put(ConfigEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry.kind(), entry.id()));
        item.put(Table.VERSION, n(entry.version()));
        item.put(Table.DOC, s(entry.json()));
        try {
            if (entry.version() <= 1) {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("ver = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(entry.version() - 1))));
            }
        } catch (ConditionalCheckFailedException lost) {
            throw new ConflictException(entry.kind() + " " + entry.id() + " changed");
        }
    }

    /** One transaction: every entry is written or none (at most 100, DynamoDB's limit for a transaction). */
    @Override
    public void putAll(List<ConfigEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        for (ConfigEntry entry : entries) {
            Map<String, AttributeValue> item = new HashMap<>(key(entry.kind(), entry.id()));
            item.put(Table.VERSION, n(entry.version()));
            item.put(Table.DOC, s(entry.json()));
            Put.Builder put = Put.builder().tableName(table).item(item);
            if (entry.version() <= 1) {
                put.conditionExpression("attribute_not_exists(pk)");
            } else {
                put.conditionExpression("ver = :expected").expressionAttributeValues(Map.of(":expected", n(entry.version() - 1)));
            }
            writes.add(TransactWriteItem.builder().put(put.build()).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException lost) {
            throw new ConflictException("configuration changed during a write of " + entries.size() + " entries");
        }
    }

    @Override
    public void delete(ConfigKind kind, String id) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(kind, id)));
    }

    private static Map<String, AttributeValue> key(ConfigKind kind, String id) {
        return Map.of(Table.PK, s(PARTITION), Table.SK, s(kind.name() + "#" + id));
    }

    private static ConfigEntry entry(Map<String, AttributeValue> item) {
        String sk = Table.string(item, Table.SK);
        int hash = sk.indexOf('#');
        return new ConfigEntry(ConfigKind.valueOf(sk.substring(0, hash)), sk.substring(hash + 1),
                Table.number(item, Table.VERSION), Table.string(item, Table.DOC));
    }
}
