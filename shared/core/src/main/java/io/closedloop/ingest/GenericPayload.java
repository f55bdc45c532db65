package io.closedloop.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Source;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Closedloop's own format, for any tool that can POST JSON (documented in docs/webhook-formats.md): one response per
 * delivery, a higher {@code revision} replacing a stored lower one.
 */
final class GenericPayload {

    static final String EVENT = "response";

    private GenericPayload() {}

    static ParsedWebhook parse(Source source, ObjectNode root, PayloadReader in) {
        String id = in.externalId(root.get("id"), "id", false);
        Instant submittedAt = in.instant(root.get("submittedAt"), "submittedAt");
        long revision = in.revision(root.get("revision"), "revision", 0);

        ObjectNode person = in.object(root.get("respondent"), "respondent");
        String respondentId = respondentField(person, "id", in);
        String email = respondentField(person, "email", in);
        String name = respondentField(person, "name", in);
        String phone = respondentField(person, "phone", in);
        String locale = respondentField(person, "locale", in);

        Score score = score(source, in.object(root.get("score"), "score"), in);
        String comment = PayloadReader.comment(in.text(root.get("comment"), "comment"));
        Map<String, String> answers = scalars(root, "answers", WebhookLimits.MAX_ANSWERS, in);
        Map<String, String> attributes = scalars(root, "attributes", WebhookLimits.MAX_ATTRIBUTES, in);

        PayloadReader.Lookup lookup = (kind, reference) -> switch (kind) {
            case "answer" -> answers.get(reference);
            case "meta" -> PayloadReader.stringify(PayloadReader.at(root, reference));
            default -> null;
        };
        Respondent who = PayloadReader.respondent(respondentId, email, name, phone, locale, source.mapping(), lookup);
        PayloadReader.mapAttributes(attributes, source.mapping(), lookup);
        in.withinLimit(attributes.size(), WebhookLimits.MAX_ATTRIBUTES, "attributes", "attributes");
        in.throwIfInvalid();

        return ParsedWebhook.of(EVENT, new Delivery(DeliveryKind.FULL, new Response(
                source.id(), id, source.campaignId(), submittedAt, who, score, comment, answers, attributes, revision)));
    }

    private static Score score(Source source, ObjectNode node, PayloadReader in) {
        if (node == null) {
            return null;
        }
        ScoreType type = source.scoreType();
        String typeName = in.text(node.get("type"), "score.type");
        if (typeName != null) {
            type = switch (typeName) {
                case "NPS", "nps" -> ScoreType.NPS;
                case "CSAT", "csat" -> ScoreType.CSAT;
                case "CES", "ces" -> ScoreType.CES;
                default -> {
                    in.error("score.type", "must be NPS, CSAT or CES");
                    yield null;
                }
            };
        }
        JsonNode value = node.get("value");
        if (PayloadReader.absent(value)) {
            in.error("score.value", "is required");
            return null;
        }
        return type == null ? null : in.score(type, value, "score.value", false);
    }

    private static String respondentField(ObjectNode person, String name, PayloadReader in) {
        return person == null ? null : in.text(person.get(name), "respondent." + name);
    }

    /** An object of name → string, number or boolean; null values are skipped. */
    private static Map<String, String> scalars(ObjectNode root, String name, int max, PayloadReader in) {
        Map<String, String> values = new HashMap<>();
        ObjectNode node = in.object(root.get(name), name);
        if (node == null || !in.withinLimit(node.size(), max, name, name)) {
            return values;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String entryPath = PayloadReader.child(name, entry.getKey());
            in.put(values, entry.getKey(), in.scalar(entry.getValue(), entryPath), entryPath);
        }
        return values;
    }
}
