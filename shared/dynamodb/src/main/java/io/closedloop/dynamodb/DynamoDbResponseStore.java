package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.ResponseId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.StoreOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Responses in the single table: one conditional put per delivery. */
public final class DynamoDbResponseStore implements ResponseStore {

    private static final int MERGE_ATTEMPTS = 8;
    private static final String ASSEMBLY_PREFIX = "RESPKEY#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final long retentionDays;

    public DynamoDbResponseStore(DynamoDbClient dynamo, String table, long retentionDays) {
        this.dynamo = dynamo;
        this.table = table;
        this.retentionDays = retentionDays;
    }

    @Override
    public StoreOutcome store(Response response) {
        try {
            PutItemResponse put = dynamo.putItem(r -> r.tableName(table)
                    .item(ResponseItem.toItem(response, retentionDays))
                    // Same or older revision already stored: a retry or a late duplicate, nothing to do
                    .conditionExpression("attribute_not_exists(pk) OR rev < :rev")
                    .expressionAttributeValues(Map.of(":rev", n(response.revision())))
                    .returnValues(ReturnValue.ALL_OLD));
            return put.hasAttributes() && !put.attributes().isEmpty() ? StoreOutcome.UPDATED : StoreOutcome.STORED;
        } catch (ConditionalCheckFailedException duplicate) {
            return StoreOutcome.DUPLICATE;
        }
    }

    /**
     * Survicate-style deliveries arrive one answered question at a time, each with its own timestamp. The first one
     * fixes the day the response is filed under, recorded in a small assembly item, so later answers find it.
     */
    @Override
    public StoreOutcome merge(Response partial) {
        LocalDate day = assemblyDay(partial);
        for (int attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
            GetItemResponse current = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(ResponseItem.key(partial.campaignId(), day, partial.sourceId(), partial.externalId())));
            Response stored = current.hasItem() && !current.item().isEmpty() ? ResponseItem.fromItem(current.item()) : null;
            Response merged = stored == null ? partial : mergeInto(stored, partial);
            if (stored != null && merged.equals(stored)) {
                return StoreOutcome.DUPLICATE;
            }
            long revision = stored == null ? 0 : stored.revision() + 1;
            Response next = new Response(merged.sourceId(), merged.externalId(), merged.campaignId(),
                    stored == null ? partial.submittedAt() : stored.submittedAt(), merged.respondent(), merged.score(),
                    merged.comment(), merged.answers(), merged.attributes(), revision);
            try {
                Map<String, AttributeValue> item = ResponseItem.toItem(next, retentionDays);
                if (stored == null) {
                    dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                    return StoreOutcome.STORED;
                }
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("rev = :rev")
                        .expressionAttributeValues(Map.of(":rev", n(stored.revision()))));
                return StoreOutcome.UPDATED;
            } catch (ConditionalCheckFailedException raced) {
                // another answer of the same response landed first: read it and merge again
            }
        }
        throw new IllegalStateException("could not merge a partial response after " + MERGE_ATTEMPTS + " attempts");
    }

    private LocalDate assemblyDay(Response partial) {
        Map<String, AttributeValue> key = Map.of(
                Table.PK, s(ASSEMBLY_PREFIX + partial.sourceId() + "#" + partial.externalId()), Table.SK, s("K"));
        LocalDate day = ResponseItem.day(partial);
        try {
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("day", s(day.toString()));
            if (retentionDays > 0) {
                item.put(Table.TTL, n(partial.submittedAt().getEpochSecond() + retentionDays * 86_400));
            }
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return day;
        } catch (ConditionalCheckFailedException exists) {
            return LocalDate.parse(exists.item().get("day").s());
        }
    }

    static Response mergeInto(Response stored, Response partial) {
        Map<String, String> answers = new HashMap<>(stored.answers());
        answers.putAll(partial.answers());
        Map<String, String> attributes = new HashMap<>(stored.attributes());
        attributes.putAll(partial.attributes());
        Respondent a = stored.respondent();
        Respondent b = partial.respondent();
        Respondent respondent = new Respondent(first(a.id(), b.id()), first(a.email(), b.email()), first(a.name(), b.name()),
                first(a.phone(), b.phone()), first(a.locale(), b.locale()));
        return new Response(stored.sourceId(), stored.externalId(), stored.campaignId(), stored.submittedAt(), respondent,
                partial.score() != null ? partial.score() : stored.score(), first(stored.comment(), partial.comment()),
                answers, attributes, stored.revision());
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    @Override
    public void forEachInPeriod(String campaignId, LocalDate from, LocalDate to, Consumer<Response> consumer) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String partition = ResponseItem.partition(campaignId, day);
            QueryRequest query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(partition)))
                    .build();
            dynamo.queryPaginator(query).items().forEach(item -> consumer.accept(ResponseItem.fromItem(item)));
        }
    }

    @Override
    public Optional<Response> get(String campaignId, Instant submittedAt, ResponseId id) {
        return find(campaignId, LocalDate.ofInstant(submittedAt, ZoneOffset.UTC), id.sourceId(), id.externalId()).stream().findFirst();
    }

    @Override
    public List<Response> find(String campaignId, LocalDate day, String sourceId, String externalId) {
        GetItemResponse got = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(ResponseItem.key(campaignId, day, sourceId, externalId)));
        List<Response> found = new ArrayList<>();
        if (got.hasItem() && !got.item().isEmpty()) {
            found.add(ResponseItem.fromItem(got.item()));
        }
        return found;
    }
}
