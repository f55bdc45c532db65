package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.s;

import io.closedloop.queue.CaseQueue;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueuePage;
import io.closedloop.queue.QueueRow;
import io.closedloop.queue.Stretch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The work queue over {@code gsi4} (team) and {@code gsi5} (owner): one query per lane, each reading at most the page
 * it may show plus one entry, merged in sort-key order. The cursor is the last shown sort key; each lane resumes
 * after it (the key names its case, so the lane's exclusive start key is rebuilt from it).
 */
public final class DynamoDbCaseQueue implements CaseQueue {

    /** Query rounds per lane while a filter drops entries: bounds a page's reads when few entries match. */
    static final int MAX_ROUNDS = 4;
    private static final Pattern SORT_KEY = Pattern.compile("(O#[01]#\\d{12}|C#\\d{13})#[A-Za-z0-9._-]{1,64}");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbCaseQueue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private record Index(String name, String pk, String sk) {}

    private record Range(String keyCondition, Map<String, AttributeValue> values, boolean forward) {}

    @Override
    public QueuePage page(List<Lane> lanes, Stretch stretch, QueueFilter filter, int limit, String cursor) {
        Index index = indexOf(lanes, stretch);
        int size = Math.clamp(limit, 1, MAX_PAGE);
        String after = decodeCursor(cursor);
        Range range = range(index, stretch);
        record Entry(String sortKey, QueueRow row) {}
        Comparator<String> order = range.forward() ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Entry> entries = new ArrayList<>();
        // The furthest key up to which every lane has been read: no entry beyond it may be shown yet
        String bound = null;
        for (Lane lane : lanes) {
            String partition = QueueEntry.partition(lane);
            Map<String, AttributeValue> start = after == null ? null : startKey(index, partition, after);
            int found = 0;
            for (int round = 0; round < MAX_ROUNDS && found <= size; round++) {
                QueryResponse response = query(index, partition, range, filter, size + 1 - found, start, false);
                for (Map<String, AttributeValue> item : response.items()) {
                    String sortKey = Table.string(item, index.sk());
                    entries.add(new Entry(sortKey, QueueEntry.row(item, sortKey)));
                    found++;
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
                if (start == null) {
                    break;
                }
            }
            if (start != null) {
                String lastRead = Table.string(start, index.sk());
                bound = bound == null || order.compare(lastRead, bound) < 0 ? lastRead : bound;
            }
        }
        entries.sort(Comparator.comparing(Entry::sortKey, order));
        String limitKey = bound;
        List<Entry> shown = entries.stream()
                .filter(e -> limitKey == null || order.compare(e.sortKey(), limitKey) <= 0)
                .limit(size)
                .toList();
        boolean more = bound != null || entries.size() > shown.size();
        String next = !more ? null : encodeCursor(shown.isEmpty() ? bound : shown.getLast().sortKey());
        return new QueuePage(shown.stream().map(Entry::row).toList(), next);
    }

    @Override
    public long count(List<Lane> lanes, Stretch stretch) {
        Index index = indexOf(lanes, stretch);
        Range range = range(index, stretch);
        long total = 0;
        for (Lane lane : lanes) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse response = query(index, QueueEntry.partition(lane), range, QueueFilter.NONE, 0, start, true);
                total += response.count();
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return total;
    }

    private QueryResponse query(Index index, String partition, Range range, QueueFilter filter, int limit,
            Map<String, AttributeValue> start, boolean countOnly) {
        Map<String, AttributeValue> values = new HashMap<>(range.values());
        values.put(":p", s(partition));
        Map<String, String> names = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        addFilters(filter, conditions, values, names);
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(index.name())
                .keyConditionExpression(index.pk() + " = :p AND " + range.keyCondition())
                .expressionAttributeValues(values)
                .scanIndexForward(range.forward());
        if (countOnly) {
            request.select(Select.COUNT);
        } else {
            request.limit(limit);
        }
        if (!conditions.isEmpty()) {
            request.filterExpression(String.join(" AND ", conditions));
        }
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        try {
            return dynamo.query(request.build());
        } catch (DynamoDbException refused) {
            if (start != null && refused.statusCode() == 400) {
                // A start key the lane does not hold (a cursor of another list): a bad cursor, not a fault
                throw new IllegalArgumentException("invalid cursor");
            }
            throw refused;
        }
    }

    private static void addFilters(QueueFilter filter, List<String> conditions, Map<String, AttributeValue> values, Map<String, String> names) {
        if (filter.campaignId() != null) {
            conditions.add(CaseItem.CAMPAIGN + " = :fc");
            values.put(":fc", s(filter.campaignId()));
        }
        if (filter.status() != null) {
            conditions.add(CaseItem.STATUS + " = :fs");
            values.put(":fs", s(filter.status().name()));
        }
        if (filter.priority() != null) {
            conditions.add(CaseItem.PRIORITY + " = :fp");
            values.put(":fp", s(filter.priority().name()));
        }
        if (filter.assigneeId() != null) {
            conditions.add(CaseItem.ASSIGNEE + " = :fa");
            values.put(":fa", s(filter.assigneeId()));
        }
        if (filter.teamId() != null) {
            conditions.add(QueueEntry.TEAM + " = :ft");
            values.put(":ft", s(filter.teamId()));
        }
        if (filter.category() != null) {
            conditions.add(QueueEntry.CATEGORY + " = :fk");
            values.put(":fk", s(filter.category().name()));
        }
        if (filter.text() != null) {
            conditions.add("contains(" + QueueEntry.SEARCH + ", :fq)");
            values.put(":fq", s(filter.text()));
        }
        if (filter.openedFrom() != null) {
            conditions.add(CaseItem.OPENED + " >= :ff");
            values.put(":ff", s(filter.openedFrom().toString()));
        }
        if (filter.openedTo() != null) {
            conditions.add(CaseItem.OPENED + " < :fu");
            values.put(":fu", s(filter.openedTo().toString()));
        }
    }

    private static Index indexOf(List<Lane> lanes, Stretch stretch) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a list reads at least one lane");
        }
        boolean owner = lanes.getFirst().ownerIndex();
        if (lanes.stream().anyMatch(l -> l.ownerIndex() != owner)) {
            throw new IllegalArgumentException("a list reads lanes of one index");
        }
        if (owner && stretch instanceof Stretch.Closed) {
            throw new IllegalArgumentException("the owner index holds open cases only");
        }
        return owner ? new Index(Table.OWNER_QUEUE_INDEX, Table.GSI5PK, Table.GSI5SK) : new Index(Table.TEAM_QUEUE_INDEX, Table.GSI4PK, Table.GSI4SK);
    }

    private static Range range(Index index, Stretch stretch) {
        String sk = index.sk();
        return switch (stretch) {
            case Stretch.Open open -> new Range("begins_with(" + sk + ", :r)", Map.of(":r", s(QueueEntry.OPEN_PREFIX)), true);
            case Stretch.Breached breached -> new Range("begins_with(" + sk + ", :r)", Map.of(":r", s(QueueEntry.BREACHED_PREFIX)), true);
            case Stretch.DueBefore(var until) -> new Range(sk + " BETWEEN :lo AND :hi", Map.of(
                    ":lo", s(QueueEntry.NOT_BREACHED_PREFIX),
                    ":hi", s(String.format("%s%012d#~", QueueEntry.NOT_BREACHED_PREFIX, Math.max(0, until.getEpochSecond())))), true);
            case Stretch.Closed closed -> new Range("begins_with(" + sk + ", :r)", Map.of(":r", s(QueueEntry.CLOSED_PREFIX)), false);
        };
    }

    private static Map<String, AttributeValue> startKey(Index index, String partition, String sortKey) {
        Map<String, AttributeValue> key = new HashMap<>(CaseItem.key(QueueEntry.caseIdOf(sortKey)));
        key.put(index.pk(), s(partition));
        key.put(index.sk(), s(sortKey));
        return key;
    }

    private static String encodeCursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (SORT_KEY.matcher(sortKey).matches()) {
                return sortKey;
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("invalid cursor");
    }
}
