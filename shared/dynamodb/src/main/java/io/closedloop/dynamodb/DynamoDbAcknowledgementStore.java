package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.ports.AcknowledgementStore;
import io.closedloop.ports.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Acknowledgements of responses with no case: one small item each, created once, then changed on its version. */
public final class DynamoDbAcknowledgementStore implements AcknowledgementStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final long retentionDays;

    public DynamoDbAcknowledgementStore(DynamoDbClient dynamo, String table, long retentionDays) {
        this.dynamo = dynamo;
        this.table = table;
        this.retentionDays = retentionDays;
    }

    @Override
    public boolean create(ResponseAcknowledgement acknowledgement) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(AcknowledgementItem.toItem(acknowledgement, retentionDays))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<ResponseAcknowledgement> find(String id) {
        var got = dynamo.getItem(r -> r.tableName(table).key(AcknowledgementItem.key(id)).consistentRead(true));
        return got.hasItem() && !got.item().isEmpty() ? Optional.of(AcknowledgementItem.fromItem(got.item())) : Optional.empty();
    }

    @Override
    public void update(ResponseAcknowledgement updated) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(AcknowledgementItem.toItem(updated, retentionDays))
                    .conditionExpression("ver = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(updated.version() - 1))));
        } catch (ConditionalCheckFailedException lost) {
            throw new ConflictException("acknowledgement " + updated.id() + " changed since version " + (updated.version() - 1));
        }
    }

    @Override
    public List<String> dueIds(Instant until, int limit) {
        List<String> ids = new ArrayList<>();
        String upper = String.format("%012d#~", Math.max(0, until.getEpochSecond()));
        for (int shard = 0; shard < AcknowledgementItem.dueShards() && ids.size() < limit; shard++) {
            QueryRequest query = QueryRequest.builder().tableName(table).indexName(Table.DUE_INDEX)
                    .keyConditionExpression("gsi3pk = :p AND gsi3sk <= :upper")
                    .expressionAttributeValues(Map.of(":p", s(AcknowledgementItem.duePartition(shard)), ":upper", s(upper)))
                    .build();
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
                ids.add(Table.string(item, Table.PK).substring(AcknowledgementItem.PREFIX.length()));
                if (ids.size() >= limit) {
                    break;
                }
            }
        }
        return ids;
    }
}
