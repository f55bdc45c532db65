package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.ports.Suppressions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** One item per suppressed address, {@code SUPPRESS#<address hash>}: written once (the first reason stands), read per customer email. */
public final class DynamoDbSuppressions implements Suppressions {

    static final String PREFIX = "SUPPRESS#";
    private static final String SORT = "SUPPRESS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSuppressions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String addressHash) {
        return Map.of(Table.PK, s(PREFIX + addressHash), Table.SK, s(SORT));
    }

    @Override
    public Optional<Suppression> find(String addressHash) {
        var got = dynamo.getItem(r -> r.tableName(table).key(key(addressHash)).consistentRead(true));
        if (!got.hasItem() || got.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(Reason.valueOf(Table.string(got.item(), "reason")),
                Instant.ofEpochSecond(Table.number(got.item(), "at"))));
    }

    @Override
    public void suppress(String addressHash, Reason reason, Instant at) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(addressHash));
        item.put("reason", s(reason.name()));
        item.put("at", n(at.getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException already) {
            // suppressed before: the first reason and time stand
        }
    }
}
