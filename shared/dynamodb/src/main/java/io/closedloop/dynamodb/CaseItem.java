package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.b;
import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.json.Compact;
import io.closedloop.json.Json;
import io.closedloop.ports.CaseSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a case to its item: the whole case as one compressed JSON document, plus the few plain attributes that
 * indexes and filters need. {@code gsi3pk/gsi3sk} exist only while the case has something due (a sparse index),
 * spread over {@link #DUE_SHARDS} partitions so no single partition takes every case; the work-queue entries
 * ({@code gsi4}, {@code gsi5}) are {@link QueueEntry}'s. {@code gsi6pk/gsi6sk} exist only while the case is open and
 * follows an action plan, so a plan's deletion can be refused with one small query.
 */
public final class CaseItem {

    public static final String PREFIX = "CASE#";
    public static final String SORT = "CASE";
    public static final int DUE_SHARDS = 8;

    static final String STATUS = "st";
    static final String ASSIGNEE = "asg";
    static final String PRIORITY = "pri";
    static final String CAMPAIGN = "cmp";
    static final String SCORE = "scr";
    static final String BREACHED = "brc";
    static final String OPENED = "opn";

    private CaseItem() {}

    public static Map<String, AttributeValue> key(String caseId) {
        return Map.of(Table.PK, s(PREFIX + caseId), Table.SK, s(SORT));
    }

    public static Map<String, AttributeValue> toItem(Case c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        item.put(Table.VERSION, n(c.version()));
        item.put(Table.DOC, b(Compact.encode(Json.bytes(c))));
        item.put(STATUS, s(c.status().name()));
        item.put(PRIORITY, s(c.priority().name()));
        item.put(CAMPAIGN, s(c.campaignId()));
        item.put(OPENED, s(c.openedAt().toString()));
        item.put(BREACHED, AttributeValue.fromBool(breached(c)));
        if (c.assigneeId() != null) {
            item.put(ASSIGNEE, s(c.assigneeId()));
        }
        if (c.response().score() != null) {
            item.put(SCORE, n(c.response().score().value()));
        }
        String listed = c.openedAt() + "#" + c.id();
        item.put(Table.GSI1PK, s("CAMPAIGN#" + c.campaignId()));
        item.put(Table.GSI1SK, s(listed));
        String customer = c.response().respondent().customerKey();
        if (customer != null) {
            item.put(Table.GSI2PK, s(customerPartition(customer)));
            item.put(Table.GSI2SK, s(listed));
        }
        Instant due = c.nextDueAt();
        if (due != null) {
            item.put(Table.GSI3PK, s(duePartition(shardOf(c.id()))));
            item.put(Table.GSI3SK, s(dueSort(due, c.id())));
        }
        if (c.status() != CaseStatus.CLOSED && c.plan() != null) {
            item.put(Table.GSI6PK, s(planPartition(c.plan().planId())));
            item.put(Table.GSI6SK, s(c.id()));
        }
        QueueEntry.addTo(item, c);
        return item;
    }

    public static Case fromItem(Map<String, AttributeValue> item) {
        return Json.read(Compact.decode(Table.bytes(item, Table.DOC)), Case.class);
    }

    public static boolean isCase(Map<String, AttributeValue> item) {
        String pk = Table.string(item, Table.PK);
        return pk != null && pk.startsWith(PREFIX);
    }

    /** Reads a list entry from the attributes the campaign and customer indexes project. */
    public static CaseSummary summary(Map<String, AttributeValue> item) {
        String pk = Table.string(item, Table.PK);
        AttributeValue score = item.get(SCORE);
        AttributeValue breached = item.get(BREACHED);
        return new CaseSummary(
                pk.substring(PREFIX.length()),
                Table.string(item, CAMPAIGN),
                CaseStatus.valueOf(Table.string(item, STATUS)),
                Priority.valueOf(Table.string(item, PRIORITY)),
                Table.string(item, ASSIGNEE),
                score == null ? null : Integer.valueOf(score.n()),
                breached != null && Boolean.TRUE.equals(breached.bool()),
                Instant.parse(Table.string(item, OPENED)));
    }

    static boolean breached(Case c) {
        return c.sla() != null && (c.sla().firstResponse().breachedAt() != null || c.sla().resolution().breachedAt() != null
                || c.sla().earlierResolutions().stream().anyMatch(w -> w.breachedAt() != null));
    }

    static String customerPartition(String customerKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customerKey.getBytes(StandardCharsets.UTF_8));
            // Hashed so the index key carries no personal data
            return "CUSTOMER#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String planPartition(String planId) {
        return "PLAN#" + planId;
    }

    static int shardOf(String caseId) {
        return Math.floorMod(caseId.hashCode(), DUE_SHARDS);
    }

    static String duePartition(int shard) {
        return "DUE#" + shard;
    }

    static String dueSort(Instant due, String caseId) {
        return String.format("%012d#%s", Math.max(0, due.getEpochSecond()), caseId);
    }
}
