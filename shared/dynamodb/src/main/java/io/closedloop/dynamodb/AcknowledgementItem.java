package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.customer.Acknowledgements;
import io.closedloop.customer.CheckIns;
import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.domain.Category;
import io.closedloop.domain.ResponseId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the acknowledgement of a response with no case to its item, {@code pk = ACK#<id>}, {@code sk = ACK}. While it
 * has something due it sits in the due index under its own partitions ({@code ACKDUE#<shard>}), so the scheduled
 * check reads cases and acknowledgements with separate, exact queries. It expires with the response.
 */
final class AcknowledgementItem {

    static final String PREFIX = "ACK#";
    private static final String SORT = "ACK";
    private static final int DUE_SHARDS = 4;

    private AcknowledgementItem() {}

    static Map<String, AttributeValue> key(String id) {
        return Map.of(Table.PK, s(PREFIX + id), Table.SK, s(SORT));
    }

    static Map<String, AttributeValue> toItem(ResponseAcknowledgement ack, long retentionDays) {
        Map<String, AttributeValue> item = new HashMap<>(key(ack.id()));
        item.put(Table.VERSION, n(ack.version()));
        item.put("cmp", s(ack.campaignId()));
        item.put("src", s(ack.responseId().sourceId()));
        item.put("ext", s(ack.responseId().externalId()));
        item.put("sub", n(ack.submittedAt().toEpochMilli()));
        item.put("cat", s(ack.category().name()));
        Alert alert = ack.alert();
        item.put("st", s(alert.state().name()));
        item.put("att", n(alert.attempts()));
        putInstant(item, "nb", alert.notBefore());
        putInstant(item, "lease", alert.leaseUntil());
        putInstant(item, "sentAt", alert.sentAt());
        if (ack.failure() != null) {
            item.put("fail", s(ack.failure()));
        }
        Instant due = alert.dueAt();
        if (due != null) {
            item.put(Table.GSI3PK, s(duePartition(Math.floorMod(ack.id().hashCode(), DUE_SHARDS))));
            item.put(Table.GSI3SK, s(CaseItem.dueSort(due, ack.id())));
        }
        if (retentionDays > 0) {
            item.put(Table.TTL, n(ack.submittedAt().getEpochSecond() + retentionDays * 86_400));
        }
        return item;
    }

    static ResponseAcknowledgement fromItem(Map<String, AttributeValue> item) {
        Alert alert = new Alert(Alert.keyOf(AlertKind.ACKNOWLEDGEMENT, Acknowledgements.REASON, CheckIns.CUSTOMER), AlertKind.ACKNOWLEDGEMENT,
                Acknowledgements.REASON, CheckIns.CUSTOMER, AlertState.valueOf(Table.string(item, "st")), (int) Table.number(item, "att"),
                instant(item, "nb"), instant(item, "lease"), instant(item, "sentAt"));
        return new ResponseAcknowledgement(new ResponseId(Table.string(item, "src"), Table.string(item, "ext")), Table.string(item, "cmp"),
                Instant.ofEpochMilli(Table.number(item, "sub")), Category.valueOf(Table.string(item, "cat")), alert,
                Table.number(item, Table.VERSION), Table.string(item, "fail"));
    }

    static boolean isAcknowledgement(Map<String, AttributeValue> keys) {
        String pk = Table.string(keys, Table.PK);
        return pk != null && pk.startsWith(PREFIX);
    }

    static String duePartition(int shard) {
        return "ACKDUE#" + shard;
    }

    static int dueShards() {
        return DUE_SHARDS;
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, n(value.toEpochMilli()));
        }
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.ofEpochMilli(Table.number(item, name)) : null;
    }
}
