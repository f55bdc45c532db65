package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** An atomic counter per team: one UpdateItem ADD, so concurrent cases get consecutive turns. */
public final class DynamoDbRoundRobinCounter implements io.closedloop.rules.RoundRobinCounter {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRoundRobinCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long next(String teamId) {
        var updated = dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of(Table.PK, s("RR#" + teamId), Table.SK, s("RR")))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(updated.attributes().get("n").n());
    }
}
