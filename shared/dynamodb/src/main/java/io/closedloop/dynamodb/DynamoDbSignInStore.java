package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.ports.SignInStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sign-in links as {@code SIGNIN#<sha256(token)>} items, and the per-address counter as
 * {@code SIGNINRATE#<sha256(address)>} / {@code <window start>}; both expire by TTL. Consuming is one conditional
 * delete that returns the old item, so a link works exactly once even under concurrent clicks.
 */
public final class DynamoDbSignInStore implements SignInStore {

    static final String PREFIX = "SIGNIN#";
    static final String RATE_PREFIX = "SIGNINRATE#";
    private static final String PERSON = "person";
    private static final String EXPIRES = "exp";
    private static final String COUNT = "cnt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSignInStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean allowAnother(String addressHash, Instant windowStart, Instant windowEnd, int max) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(Table.PK, s(RATE_PREFIX + addressHash), Table.SK, s(Long.toString(windowStart.getEpochSecond()))))
                    .updateExpression("ADD #c :one SET #t = :ttl")
                    .conditionExpression("attribute_not_exists(#c) OR #c < :max")
                    .expressionAttributeNames(Map.of("#c", COUNT, "#t", Table.TTL))
                    .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max), ":ttl", n(windowEnd.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    @Override
    public void store(Grant grant) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of(
                Table.PK, s(PREFIX + grant.tokenHash()),
                Table.SK, s("SIGNIN"),
                PERSON, s(grant.personId()),
                EXPIRES, s(grant.expiresAt().toString()),
                Table.TTL, n(grant.expiresAt().getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Grant> consume(String tokenHash) {
        try {
            DeleteItemResponse deleted = dynamo.deleteItem(r -> r.tableName(table)
                    .key(Map.of(Table.PK, s(PREFIX + tokenHash), Table.SK, s("SIGNIN")))
                    .conditionExpression("attribute_exists(pk)")
                    .returnValues(ReturnValue.ALL_OLD));
            Map<String, AttributeValue> old = deleted.attributes();
            return Optional.of(new Grant(tokenHash, Table.string(old, PERSON), Instant.parse(Table.string(old, EXPIRES))));
        } catch (ConditionalCheckFailedException alreadyUsed) {
            return Optional.empty();
        }
    }
}
