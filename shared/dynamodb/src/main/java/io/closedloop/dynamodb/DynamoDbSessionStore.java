package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.ports.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Console sessions as {@code SESSION#<personId>} / {@code <sha256(secret)>} items (all of a person's sessions in one
 * partition, so "sign out everywhere" is one query), expired by TTL at their absolute end.
 */
public final class DynamoDbSessionStore implements SessionStore {

    static final String PREFIX = "SESSION#";
    private static final String CREATED = "created";
    private static final String SEEN = "seen";
    private static final String EXPIRES = "exp";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String personId, String secretHash) {
        return Map.of(Table.PK, s(PREFIX + personId), Table.SK, s(secretHash));
    }

    @Override
    public void create(Session session) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                Table.PK, s(PREFIX + session.personId()),
                Table.SK, s(session.secretHash()),
                CREATED, s(session.createdAt().toString()),
                SEEN, s(session.lastSeenAt().toString()),
                EXPIRES, s(session.expiresAt().toString()),
                Table.TTL, n(session.expiresAt().getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Session> find(String personId, String secretHash) {
        GetItemResponse got = dynamo.getItem(r -> r.tableName(table).key(key(personId, secretHash)).consistentRead(true));
        if (!got.hasItem() || got.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = got.item();
        return Optional.of(new Session(personId, secretHash, Instant.parse(Table.string(item, CREATED)),
                Instant.parse(Table.string(item, SEEN)), Instant.parse(Table.string(item, EXPIRES))));
    }

    @Override
    public void touch(String personId, String secretHash, Instant seenAt) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(personId, secretHash))
                    .updateExpression("SET #seen = :seen")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#seen", SEEN))
                    .expressionAttributeValues(Map.of(":seen", s(seenAt.toString()))));
        } catch (ConditionalCheckFailedException signedOutMeanwhile) {
            // The session ended between the read and this write: it stays ended
        }
    }

    @Override
    public void delete(String personId, String secretHash) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(personId, secretHash)));
    }

    @Override
    public int deleteAll(String personId) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(PREFIX + personId)))
                .projectionExpression("pk, sk")
                .consistentRead(true)
                .build();
        List<Map<String, AttributeValue>> keys = dynamo.queryPaginator(query).items().stream().toList();
        keys.forEach(k -> dynamo.deleteItem(r -> r.tableName(table).key(k)));
        return keys.size();
    }
}
