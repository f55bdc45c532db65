package io.closedloop.dynamodb;

import static io.closedloop.dynamodb.Table.b;
import static io.closedloop.dynamodb.Table.n;
import static io.closedloop.dynamodb.Table.s;

import io.closedloop.domain.Response;
import io.closedloop.json.Compact;
import io.closedloop.json.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a response to its item. Key: {@code pk = RESP#<campaign>#<submission day, UTC>},
 * {@code sk = <source>#<provider response id>}: derived from the payload alone, so a retried delivery hits the same
 * item, and a day of a campaign can be read back with one query (dry runs) without any index. No GSI attributes:
 * a response that opens nothing costs exactly one write unit.
 */
public final class ResponseItem {

    public static final String PREFIX = "RESP#";
    static final String REVISION = "rev";

    private ResponseItem() {}

    public static String partition(String campaignId, LocalDate day) {
        return PREFIX + campaignId + "#" + day;
    }

    public static String sort(String sourceId, String externalId) {
        return sourceId + "#" + externalId;
    }

    public static LocalDate day(Response response) {
        return LocalDate.ofInstant(response.submittedAt(), ZoneOffset.UTC);
    }

    public static Map<String, AttributeValue> key(String campaignId, LocalDate day, String sourceId, String externalId) {
        return Map.of(Table.PK, s(partition(campaignId, day)), Table.SK, s(sort(sourceId, externalId)));
    }

    public static Map<String, AttributeValue> toItem(Response response, long retentionDays) {
        Map<String, AttributeValue> item = new HashMap<>(key(response.campaignId(), day(response), response.sourceId(), response.externalId()));
        item.put(REVISION, n(response.revision()));
        item.put(Table.DOC, b(Compact.encode(Json.bytes(response))));
        if (retentionDays > 0) {
            item.put(Table.TTL, n(response.submittedAt().getEpochSecond() + retentionDays * 86_400));
        }
        return item;
    }

    public static Response fromItem(Map<String, AttributeValue> item) {
        return Json.read(Compact.decode(Table.bytes(item, Table.DOC)), Response.class);
    }

    public static boolean isResponse(Map<String, AttributeValue> item) {
        String pk = Table.string(item, Table.PK);
        return pk != null && pk.startsWith(PREFIX);
    }
}
