package io.closedloop.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Source;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Formbricks: {@code responseCreated}, {@code responseUpdated} and {@code responseFinished} each carry the whole
 * response so far ({@code data.data} is cumulative), so each is a full snapshot; any other event, such as the
 * {@code testEndpoint} ping, is acknowledged and ignored.
 */
final class FormbricksPayload {

    /** Present in {@code data.data} when email verification is on: the respondent's address, not an answer. */
    private static final String VERIFIED_EMAIL = "verifiedEmail";

    private FormbricksPayload() {}

    static ParsedWebhook parse(Source source, ObjectNode root, PayloadReader in) {
        String event = in.requiredText(root.get("event"), "event");
        in.throwIfInvalid();
        // The rank orders events that share an updatedAt: one update can both update and finish a response
        int rank = switch (event) {
            case "responseCreated" -> 0;
            case "responseUpdated" -> 1;
            case "responseFinished" -> 2;
            default -> -1;
        };
        if (rank < 0) {
            return ParsedWebhook.ignored(event);
        }
        ObjectNode data = in.requiredObject(root.get("data"), "data");
        in.throwIfInvalid();

        String id = in.externalId(data.get("id"), "data.id", false);
        // createdAt, not the finish time, is the submitted time: it is part of the storage key, so it must not move
        Instant createdAt = in.instant(data.get("createdAt"), "data.createdAt");
        Instant updatedAt = PayloadReader.absent(data.get("updatedAt"))
                ? createdAt
                : in.instant(data.get("updatedAt"), "data.updatedAt");
        ObjectNode values = in.object(data.get("data"), "data.data");
        ObjectNode contact = PayloadReader.objectOrNull(data.get("contact"));
        ObjectNode contactAttributes = PayloadReader.objectOrNull(data.get("contactAttributes"));
        ObjectNode variables = PayloadReader.objectOrNull(data.get("variables"));
        ObjectNode meta = PayloadReader.objectOrNull(data.get("meta"));

        String scoreQuestion = source.scoreQuestion();
        String commentQuestion = source.commentQuestion();
        Score score = null;
        String comment = null;
        Map<String, String> answers = new HashMap<>();
        if (values != null) {
            for (Map.Entry<String, JsonNode> entry : values.properties()) {
                String question = entry.getKey();
                String path = PayloadReader.child("data.data", question);
                if (question.equals(scoreQuestion)) {
                    score = in.score(source.scoreType(), entry.getValue(), path, true);
                } else if (question.equals(commentQuestion)) {
                    comment = PayloadReader.comment(PayloadReader.stringify(entry.getValue()));
                } else if (!question.equals(VERIFIED_EMAIL)) {
                    in.put(answers, question, PayloadReader.stringify(entry.getValue()), path);
                }
            }
            in.withinLimit(answers.size(), WebhookLimits.MAX_ANSWERS, "data.data", "answers");
        }

        PayloadReader.Lookup lookup = (kind, name) -> switch (kind) {
            case "hidden", "answer" -> values == null ? null : PayloadReader.stringify(values.get(name));
            case "variable" -> variables == null ? null : PayloadReader.stringify(variables.get(name));
            case "property" -> contactAttributes == null ? null : PayloadReader.stringify(contactAttributes.get(name));
            case "meta" -> meta == null ? null : PayloadReader.stringify(PayloadReader.at(meta, name));
            default -> null;
        };
        Respondent respondent = PayloadReader.respondent(
                first(field(contact, "userId"), field(contactAttributes, "userId"), field(contact, "id")),
                first(field(contactAttributes, "email"), values == null ? null : PayloadReader.scalarOrNull(values.get(VERIFIED_EMAIL))),
                first(field(contactAttributes, "name"), fullName(contactAttributes)),
                first(field(contactAttributes, "phone"), field(contactAttributes, "phoneNumber")),
                first(locale(PayloadReader.scalarOrNull(data.get("language"))), field(contactAttributes, "language")),
                source.mapping(), lookup);
        Map<String, String> attributes = new HashMap<>();
        PayloadReader.mapAttributes(attributes, source.mapping(), lookup);
        in.throwIfInvalid();

        long revision = updatedAt.toEpochMilli() * 4 + rank;
        return ParsedWebhook.of(event, new Delivery(DeliveryKind.FULL, new Response(source.id(), id,
                source.campaignId(), createdAt, respondent, score, comment, answers, attributes, revision)));
    }

    private static String field(ObjectNode node, String name) {
        return node == null ? null : PayloadReader.scalarOrNull(node.get(name));
    }

    private static String fullName(ObjectNode attributes) {
        String first = field(attributes, "firstName");
        String last = field(attributes, "lastName");
        if (first == null || last == null) {
            return first != null ? first : last;
        }
        return first + " " + last;
    }

    /** Formbricks reports "default" when the survey's default language was used: not a locale. */
    private static String locale(String language) {
        return language == null || language.equals("default") ? null : language;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
