package io.closedloop.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Source;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Typeform: one {@code form_response} per submitted response, answers matched by field ref (from the answer, else
 * from the form definition) or id, never by position. {@code form_response_partial} and other event types are
 * acknowledged and ignored.
 */
final class TypeformPayload {

    private static final String FORM_RESPONSE = "form_response";

    private TypeformPayload() {}

    static ParsedWebhook parse(Source source, ObjectNode root, PayloadReader in) {
        String event = in.requiredText(root.get("event_type"), "event_type");
        in.throwIfInvalid();
        if (!event.equals(FORM_RESPONSE)) {
            return ParsedWebhook.ignored(event);
        }
        ObjectNode form = in.requiredObject(root.get(FORM_RESPONSE), FORM_RESPONSE);
        in.throwIfInvalid();

        String id = in.externalId(form.get("token"), "form_response.token", false);
        Instant submittedAt = in.instant(form.get("submitted_at"), "form_response.submitted_at");
        ArrayNode list = in.array(form.get("answers"), "form_response.answers");
        ObjectNode hidden = PayloadReader.objectOrNull(form.get("hidden"));

        String scoreQuestion = source.scoreQuestion();
        String commentQuestion = source.commentQuestion();
        Score score = null;
        String comment = null;
        String email = null;
        String phone = null;
        Map<String, String> answers = new HashMap<>();
        Map<String, String> byIdOrRef = new HashMap<>();
        Map<String, String> refs = refs(form.get("definition"));
        if (list != null && in.withinLimit(list.size(), WebhookLimits.MAX_ANSWERS, "form_response.answers", "answers")) {
            for (int i = 0; i < list.size(); i++) {
                String path = "form_response.answers[" + i + "]";
                ObjectNode answer = in.object(list.get(i), path);
                if (answer == null) {
                    continue;
                }
                ObjectNode field = PayloadReader.objectOrNull(answer.get("field"));
                String fieldId = field == null ? null : PayloadReader.scalarOrNull(field.get("id"));
                String ref = field == null ? null : PayloadReader.scalarOrNull(field.get("ref"));
                if (ref == null && fieldId != null) {
                    ref = refs.get(fieldId);
                }
                if (fieldId == null && ref == null) {
                    in.error(path + ".field.id", "is required");
                    continue;
                }
                String type = PayloadReader.scalarOrNull(answer.get("type"));
                JsonNode value = type == null ? null : answer.get(type);
                String text = text(type, value);
                if (matches(scoreQuestion, fieldId, ref)) {
                    score = in.score(source.scoreType(), value, path + "." + (type == null ? "number" : type), true);
                } else if (matches(commentQuestion, fieldId, ref)) {
                    comment = PayloadReader.comment(text);
                } else {
                    in.put(answers, ref != null ? ref : fieldId, text, path + ".field.ref");
                }
                if ("email".equals(type) && email == null) {
                    email = text;
                } else if ("phone_number".equals(type) && phone == null) {
                    phone = text;
                }
                if (text != null) {
                    byIdOrRef.putIfAbsent(fieldId == null ? ref : fieldId, text);
                    byIdOrRef.putIfAbsent(ref == null ? fieldId : ref, text);
                }
            }
        }
        if (email == null && hidden != null) {
            email = PayloadReader.scalarOrNull(hidden.get("email"));
        }

        PayloadReader.Lookup lookup = (kind, name) -> switch (kind) {
            case "hidden" -> hidden == null ? null : PayloadReader.stringify(hidden.get(name));
            case "answer" -> byIdOrRef.get(name);
            case "variable" -> variable(form.get("variables"), name);
            case "meta" -> PayloadReader.stringify(PayloadReader.at(form, name));
            default -> null;
        };
        Respondent respondent = PayloadReader.respondent(null, email, null, phone, null, source.mapping(), lookup);
        Map<String, String> attributes = new HashMap<>();
        PayloadReader.mapAttributes(attributes, source.mapping(), lookup);
        in.throwIfInvalid();

        return ParsedWebhook.of(event, new Delivery(DeliveryKind.FULL, new Response(source.id(), id,
                source.campaignId(), submittedAt, respondent, score, comment, answers, attributes, 0)));
    }

    /** Field id → ref from the form definition: older payloads leave the ref out of the answers. */
    private static Map<String, String> refs(JsonNode definition) {
        Map<String, String> refs = new HashMap<>();
        JsonNode fields = definition == null ? null : definition.get("fields");
        if (fields != null && fields.isArray()) {
            for (JsonNode field : fields) {
                String id = PayloadReader.scalarOrNull(field.get("id"));
                String ref = PayloadReader.scalarOrNull(field.get("ref"));
                if (id != null && ref != null) {
                    refs.putIfAbsent(id, ref);
                }
            }
        }
        return refs;
    }

    private static boolean matches(String question, String fieldId, String ref) {
        return question != null && (question.equals(ref) || question.equals(fieldId));
    }

    /** An answer's value as text: the value sits under a key named like its type. */
    private static String text(String type, JsonNode value) {
        if (PayloadReader.absent(value) || type == null) {
            return null;
        }
        if (!value.isObject()) {
            return PayloadReader.stringify(value);
        }
        return switch (type) {
            case "choice" -> first(PayloadReader.scalarOrNull(value.get("label")), PayloadReader.scalarOrNull(value.get("other")));
            case "choices" -> choices(value);
            default -> PayloadReader.stringify(value);
        };
    }

    private static String choices(JsonNode value) {
        String labels = PayloadReader.stringify(value.get("labels"));
        String other = PayloadReader.scalarOrNull(value.get("other"));
        if (labels == null || other == null) {
            return labels != null ? labels : other;
        }
        return labels + ", " + other;
    }

    private static String variable(JsonNode variables, String name) {
        if (variables == null || !variables.isArray()) {
            return null;
        }
        for (JsonNode variable : variables) {
            if (name.equals(PayloadReader.scalarOrNull(variable.get("key")))) {
                String type = PayloadReader.scalarOrNull(variable.get("type"));
                return type == null ? null : PayloadReader.stringify(variable.get(type));
            }
        }
        return null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
