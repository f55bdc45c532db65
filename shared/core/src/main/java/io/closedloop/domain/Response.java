package io.closedloop.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One survey answer, as parsed from a provider's delivery. {@code externalId} is the provider's response id; with
 * {@code sourceId} it identifies the response, so a retried delivery lands on the same item. {@code revision}
 * orders deliveries of the same response (an "updated" event carries a higher one).
 *
 * @param score null when the delivery carries no score yet (e.g. a partial response)
 * @param comment null when absent
 */
public record Response(
        String sourceId,
        String externalId,
        String campaignId,
        Instant submittedAt,
        Respondent respondent,
        Score score,
        String comment,
        Map<String, String> answers,
        Map<String, String> attributes,
        long revision) {

    public Response {
        respondent = respondent == null ? Respondent.ANONYMOUS : respondent;
        answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(answers));
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public ResponseId id() {
        return new ResponseId(sourceId, externalId);
    }

    public Response withRevision(long newRevision) {
        return new Response(sourceId, externalId, campaignId, submittedAt, respondent, score, comment, answers, attributes, newRevision);
    }
}
