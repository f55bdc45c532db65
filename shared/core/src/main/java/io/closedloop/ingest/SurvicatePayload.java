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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Survicate: one {@code questionAnswered} delivery per answered question, merged into the response of its
 * {@code responseUuid}; any other event (e.g. {@code surveyCompleted}, whose full shape is not documented in a form
 * we could verify) is acknowledged and ignored.
 */
final class SurvicatePayload {

    private static final String QUESTION_ANSWERED = "questionAnswered";
    private static final String BASE = "event." + QUESTION_ANSWERED;
    /** Survicate names an NPS answer's category in {@code choice.body}; {@code choice.id} is then the score. */
    private static final Set<String> NPS_CATEGORIES = Set.of("promoter", "passive", "detractor");
    /** Members of the event that describe the delivery; any other member is the answer. */
    private static final Set<String> METADATA = Set.of(
            "responseUuid", "survey", "url", "timestamp", "respondent", "question", "type");

    private SurvicatePayload() {}

    static ParsedWebhook parse(Source source, ObjectNode root, PayloadReader in) {
        ObjectNode event = in.requiredObject(root.get("event"), "event");
        in.throwIfInvalid();
        JsonNode answered = event.get(QUESTION_ANSWERED);
        if (answered == null) {
            return ParsedWebhook.ignored(event.isEmpty() ? "unknown" : event.properties().iterator().next().getKey());
        }
        ObjectNode qa = in.requiredObject(answered, BASE);
        in.throwIfInvalid();

        String id = in.externalId(qa.get("responseUuid"), BASE + ".responseUuid", false);
        Instant submittedAt = in.instant(qa.get("timestamp"), BASE + ".timestamp");
        ObjectNode question = in.requiredObject(qa.get("question"), BASE + ".question");
        String questionId = question == null ? null : PayloadReader.scalarOrNull(question.get("id"));
        if (question != null && questionId == null) {
            in.error(BASE + ".question.id", "is required");
        }

        String answerKey = answerKey(qa);
        JsonNode answer = answerKey == null ? null : qa.get(answerKey);
        ObjectNode choice = "choice".equals(answerKey) ? PayloadReader.objectOrNull(answer) : null;
        String choiceBody = choice == null ? null : PayloadReader.scalarOrNull(choice.get("body"));
        boolean npsChoice = choiceBody != null && NPS_CATEGORIES.contains(choiceBody.toLowerCase(Locale.ROOT));
        String scoreQuestion = source.scoreQuestion();
        boolean isScore = scoreQuestion != null ? scoreQuestion.equals(questionId) : npsChoice;
        boolean isComment = !isScore && questionId != null && questionId.equals(source.commentQuestion());
        String text = text(answerKey, answer);

        Score score = null;
        if (isScore) {
            ScoreType type = scoreQuestion == null ? ScoreType.NPS : source.scoreType();
            if (choice == null) {
                in.error(BASE + ".choice", "is required: the score question's answer must be a choice");
            } else {
                score = in.score(type, choice.get("id"), BASE + ".choice.id", true);
            }
        }
        String comment = choice == null ? null : PayloadReader.comment(PayloadReader.scalarOrNull(choice.get("comment")));
        if (comment == null && isComment) {
            comment = PayloadReader.comment(text);
        }
        Map<String, String> answers = new HashMap<>();
        if (!isScore && !isComment && questionId != null) {
            in.put(answers, questionId, text, BASE + ".question.id");
        }

        ObjectNode respondentNode = PayloadReader.objectOrNull(qa.get("respondent"));
        // Survicate serialises empty attributes as [] (PHP): any array reads as no attributes
        ObjectNode properties = respondentNode == null ? null : PayloadReader.objectOrNull(respondentNode.get("attributes"));
        Map<String, String> attributes = new HashMap<>();
        String attributesPath = BASE + ".respondent.attributes";
        if (properties != null && in.withinLimit(properties.size(), WebhookLimits.MAX_ATTRIBUTES, attributesPath, "attributes")) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                in.put(attributes, property.getKey(), PayloadReader.stringify(property.getValue()),
                        PayloadReader.child(attributesPath, property.getKey()));
            }
        }
        ObjectNode contactForm = "fields".equals(answerKey) ? PayloadReader.objectOrNull(answer) : null;

        PayloadReader.Lookup lookup = (kind, name) -> switch (kind) {
            case "property" -> properties == null ? null : PayloadReader.stringify(properties.get(name));
            case "answer" -> name.equals(questionId) ? text : null;
            case "meta" -> PayloadReader.stringify(PayloadReader.at(qa, name));
            default -> null;
        };
        Respondent respondent = PayloadReader.respondent(
                respondentNode == null ? null : PayloadReader.scalarOrNull(respondentNode.get("id")),
                first(field(properties, "email"), field(contactForm, "email")),
                first(field(properties, "name"), fullName(contactForm)),
                first(field(properties, "phone"), field(contactForm, "phone")),
                null, source.mapping(), lookup);
        PayloadReader.mapAttributes(attributes, source.mapping(), lookup);
        in.withinLimit(attributes.size(), WebhookLimits.MAX_ATTRIBUTES, attributesPath, "attributes");
        in.throwIfInvalid();

        return ParsedWebhook.of(QUESTION_ANSWERED, new Delivery(DeliveryKind.PARTIAL, new Response(source.id(), id,
                source.campaignId(), submittedAt, respondent, score, comment, answers, attributes, 0)));
    }

    /** The member holding the answer: choice, choices, text, date, fields, or another answer type. */
    private static String answerKey(ObjectNode qa) {
        for (Map.Entry<String, JsonNode> member : qa.properties()) {
            if (!METADATA.contains(member.getKey()) && !PayloadReader.absent(member.getValue())) {
                return member.getKey();
            }
        }
        return null;
    }

    private static String text(String answerKey, JsonNode answer) {
        if (answerKey == null) {
            return null;
        }
        return switch (answerKey) {
            case "choice" -> answer.isObject() ? PayloadReader.scalarOrNull(answer.get("body")) : PayloadReader.stringify(answer);
            case "choices" -> choices(answer);
            default -> PayloadReader.stringify(answer);
        };
    }

    private static String choices(JsonNode answer) {
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : answer) {
            String body = choice.isObject() ? PayloadReader.scalarOrNull(choice.get("body")) : PayloadReader.stringify(choice);
            if (body != null) {
                (text.isEmpty() ? text : text.append(", ")).append(body);
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static String field(ObjectNode node, String name) {
        return node == null ? null : PayloadReader.scalarOrNull(node.get(name));
    }

    private static String fullName(ObjectNode form) {
        String first = field(form, "firstName");
        String last = field(form, "lastName");
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        return first + " " + last;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
