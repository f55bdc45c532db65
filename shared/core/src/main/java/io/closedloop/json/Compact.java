package io.closedloop.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compresses the JSON documents kept in DynamoDB items. Write units are billed per KB of item, so a typical
 * response must fit in one: raw DEFLATE with a preset dictionary of our own field names roughly halves it.
 * The first byte says how the rest is encoded, so the dictionary can change without breaking stored items.
 */
public final class Compact {

    private static final byte PLAIN_JSON = '{';
    private static final byte DEFLATE_V1 = 1;

    /** Field names and values that recur in stored documents; order matters only for the compression ratio. */
    private static final byte[] DICTIONARY_V1 = String.join("",
            "{\"id\":\"", "\"version\":", "\"campaignId\":\"", "\"sourceId\":\"", "\"externalId\":\"",
            "\"submittedAt\":\"", "\"respondent\":{", "\"email\":\"", "\"name\":\"", "\"phone\":\"", "\"locale\":\"",
            "\"score\":{\"type\":\"NPS\",\"value\":", "\"comment\":\"", "\"answers\":{", "\"attributes\":{",
            "\"revision\":", "\"response\":{", "\"status\":\"OPEN\"", "\"IN_PROGRESS\"", "\"CLOSED\"",
            "\"priority\":\"NORMAL\"", "\"assigneeId\":\"", "\"teamId\":\"", "\"watcherIds\":[",
            "\"opening\":{\"ruleId\":\"", "\"ruleVersion\":", "\"ruleName\":\"", "\"explanation\":[", "\"loop\":\"",
            "\"plan\":{\"planId\":\"", "\"planVersion\":", "\"completedActionIds\":[", "\"closed\":false",
            "\"exitStateId\":\"", "\"rootCauseId\":\"", "\"sla\":{\"policyId\":\"", "\"firstResponseDue\":\"",
            "\"resolutionDue\":\"", "\"alerts\":{\"NEW_CASE|", "\"key\":\"", "\"kind\":\"NEW_CASE\"", "\"reason\":\"",
            "\"recipientId\":\"", "\"state\":\"SENT\"", "\"attempts\":", "\"notBefore\":\"", "\"sentAt\":\"",
            "\"activities\":[{\"seq\":", "\"at\":\"", "\"actor\":\"system\"", "\"responder:", "\"type\":\"CASE_OPENED\"",
            "\"ALERT_SENT\"", "\"ACTION_TAKEN\"", "\"details\":{", "\"openedAt\":\"", "\"firstResponseAt\":\"",
            "\"closedAt\":\"", "\"reopenCount\":0", "\"linkGeneration\":0", "country", "segment", "store",
            "accountValue", "DETRACTOR", "2026-", "T00:00:00Z\"", ".000Z\"", "\"}", "\":\"", "\",\"", "}}")
            .getBytes(StandardCharsets.UTF_8);

    /** One deflater per thread, reset per document: creating one allocates native zlib state each time. */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));

    private Compact() {}

    public static byte[] encode(byte[] json) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY_V1);
        deflater.setInput(json);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
        out.write(DEFLATE_V1);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    public static byte[] decode(byte[] stored) {
        if (stored.length == 0 || stored[0] == PLAIN_JSON) {
            return stored;
        }
        if (stored[0] != DEFLATE_V1) {
            throw new IllegalArgumentException("unknown document encoding " + stored[0]);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(DICTIONARY_V1);
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 3);
            byte[] buffer = new byte[4096];
            boolean padded = false;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                out.write(buffer, 0, n);
                if (n == 0 && inflater.needsInput()) {
                    if (padded) {
                        throw new IllegalArgumentException("truncated document");
                    }
                    // raw DEFLATE may need one extra byte to see the end of the stream
                    inflater.setInput(new byte[1]);
                    padded = true;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt document", e);
        } finally {
            inflater.end();
        }
    }
}
