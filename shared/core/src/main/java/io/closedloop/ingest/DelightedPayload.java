package io.closedloop.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Delighted: {@code survey_response.created} (the score) then {@code survey_response.updated} (comment, extra
 * answers) for the same {@code event_data.id}, each a full snapshot; other events (e.g. {@code unsubscribe.created})
 * are acknowledged and ignored.
 */
final class DelightedPayload {

    private static final String CREATED = "survey_response.created";
    private static final String UPDATED = "survey_response.updated";

    private DelightedPayload() {}

    static ParsedWebhook parse(Source source, ObjectNode root, PayloadReader in) {
        String event = in.requiredText(root.get("event_type"), "event_type");
        in.throwIfInvalid();
        if (!event.equals(CREATED) && !event.equals(UPDATED)) {
            return ParsedWebhook.ignored(event);
        }
        ObjectNode data = in.requiredObject(root.get("event_data"), "event_data");
        in.throwIfInvalid();

        String id = in.externalId(data.get("id"), "event_data.id", true);
        Instant createdAt = in.epochSeconds(data.get("created_at"), "event_data.created_at");
        Instant updatedAt = PayloadReader.absent(data.get("updated_at"))
                ? createdAt
                : in.epochSeconds(data.get("updated_at"), "event_data.updated_at");
        ScoreType type = scale(PayloadReader.scalarOrNull(data.get("survey_type")), source.scoreType());
        Score score = in.score(type, data.get("score"), "event_data.score", false);
        String comment = PayloadReader.comment(in.text(data.get("comment"), "event_data.comment"));

        Map<String, String> answers = new HashMap<>();
        ArrayNode additional = in.array(data.get("additional_answers"), "event_data.additional_answers");
        if (additional != null
                && in.withinLimit(additional.size(), WebhookLimits.MAX_ANSWERS, "event_data.additional_answers", "answers")) {
            for (int i = 0; i < additional.size(); i++) {
                JsonNode answer = additional.get(i);
                ObjectNode question = PayloadReader.objectOrNull(answer.get("question"));
                String questionId = question == null ? null : PayloadReader.scalarOrNull(question.get("id"));
                String path = "event_data.additional_answers[" + i + "].question.id";
                if (questionId == null) {
                    in.error(path, "is required");
                    continue;
                }
                in.put(answers, questionId, value(answer.get("value")), path);
            }
        }

        Map<String, String> attributes = new HashMap<>();
        ObjectNode properties = PayloadReader.objectOrNull(data.get("person_properties"));
        if (properties != null && in.withinLimit(properties.size(), WebhookLimits.MAX_ATTRIBUTES,
                "event_data.person_properties", "attributes")) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                in.put(attributes, property.getKey(), PayloadReader.stringify(property.getValue()),
                        PayloadReader.child("event_data.person_properties", property.getKey()));
            }
        }

        ObjectNode person = PayloadReader.objectOrNull(data.get("person"));
        PayloadReader.Lookup lookup = (kind, name) -> switch (kind) {
            case "property" -> properties == null ? null : PayloadReader.stringify(properties.get(name));
            case "answer" -> answers.get(name);
            case "meta" -> PayloadReader.stringify(PayloadReader.at(data, name));
            default -> null;
        };
        Respondent respondent = PayloadReader.respondent(field(person, "id"), field(person, "email"),
                field(person, "name"), field(person, "phone_number"), null, source.mapping(), lookup);
        PayloadReader.mapAttributes(attributes, source.mapping(), lookup);
        in.withinLimit(attributes.size(), WebhookLimits.MAX_ATTRIBUTES, "event_data.person_properties", "attributes");
        in.throwIfInvalid();

        // Seconds are coarse: the event rank lets an update made in the creation's second still win
        long revision = updatedAt.getEpochSecond() * 2 + (event.equals(UPDATED) ? 1 : 0);
        return ParsedWebhook.of(event, new Delivery(DeliveryKind.FULL, new Response(source.id(), id,
                source.campaignId(), createdAt, respondent, score, comment, answers, attributes, revision)));
    }

    /** The scale of Delighted's survey type; the source's configured scale for types without a standard one. */
    private static ScoreType scale(String surveyType, ScoreType configured) {
        if (surveyType == null) {
            return configured;
        }
        return switch (surveyType) {
            case "nps", "enps" -> ScoreType.NPS;
            case "csat" -> ScoreType.CSAT;
            case "ces" -> ScoreType.CES;
            default -> configured;
        };
    }

    /** The one non-null member of an additional answer's value: free_response, scale, select_one or select_many. */
    private static String value(JsonNode value) {
        if (!(value instanceof ObjectNode members)) {
            return PayloadReader.stringify(value);
        }
        for (Map.Entry<String, JsonNode> member : members.properties()) {
            JsonNode node = member.getValue();
            if (PayloadReader.absent(node)) {
                continue;
            }
            if (node.isObject()) {
                return first(PayloadReader.scalarOrNull(node.get("text")), PayloadReader.stringify(node));
            }
            if (node.isArray()) {
                StringBuilder text = new StringBuilder();
                for (JsonNode element : node) {
                    String item = element.isObject()
                            ? first(PayloadReader.scalarOrNull(element.get("text")), PayloadReader.stringify(element))
                            : PayloadReader.stringify(element);
                    if (item != null) {
                        (text.isEmpty() ? text : text.append(", ")).append(item);
                    }
                }
                return text.isEmpty() ? null : text.toString();
            }
            return PayloadReader.stringify(node);
        }
        return null;
    }

    private static String field(ObjectNode node, String name) {
        return node == null ? null : PayloadReader.scalarOrNull(node.get(name));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
