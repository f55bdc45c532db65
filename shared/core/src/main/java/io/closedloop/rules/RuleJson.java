package io.closedloop.rules;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Configuration;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.json.JsonErrors;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
/**
 * The JSON entry point for rules written by admins. Turns any input into either a rule or field errors with JSON
 * paths: binding failures (unknown {@code type}, wrong value types) become errors like validation problems do, and
 * nothing else is ever thrown.
 */
public final class RuleJson {

    /** The condition type names, as in {@link Condition}'s {@code @JsonSubTypes}. */
    static final List<String> CONDITION_TYPES =
            List.of("always", "all", "any", "not", "score", "category", "attribute", "comment", "text");
    /** The assignment type names, as in {@link Assignment}'s {@code @JsonSubTypes}. */
    static final List<String> ASSIGNMENT_TYPES = List.of("fixed", "roundRobin", "lookup");
    /** Deeper JSON than any valid rule needs (8 condition levels are about 20 JSON levels). */
    static final int MAX_JSON_DEPTH = 40;
    /** More JSON nodes than any valid rule needs (the largest lookup table is 1000 entries). */
    static final int MAX_JSON_NODES = 20_000;

    /** Strict about numbers: a score bound of 1.5 is an error, not 1. */
    private static final ObjectReader READER =
            Json.MAPPER.readerFor(Rule.class).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private RuleJson() {}

    /** Reads a stored rule: {@code id} and {@code version} (at least 1) are required; validates it. */
    public static RuleRead readRule(JsonNode json, Configuration config) {
        return read(json, config, false);
    }

    /**
     * Reads a draft: {@code id} and {@code version} are ignored (the rule gets a null id and version 0, for the store
     * to assign); validates it.
     */
    public static RuleRead readDraft(JsonNode json, Configuration config) {
        return read(json, config, true);
    }

    /** The rule as JSON, in the shape {@link #readRule} reads. */
    public static ObjectNode toJson(Rule rule) {
        return Json.MAPPER.valueToTree(rule);
    }

    private static RuleRead read(JsonNode json, Configuration config, boolean draft) {
        try {
            List<FieldError> errors = new ArrayList<>();
            if (json == null || !json.isObject()) {
                errors.add(new FieldError("", "must be a JSON object"));
                return new RuleRead(null, errors);
            }
            FieldError oversized = oversized(json);
            if (oversized != null) {
                errors.add(oversized);
                return new RuleRead(null, errors);
            }
            ObjectNode rule = withDefaults((ObjectNode) json, draft);
            if (!rule.hasNonNull("priority")) {
                errors.add(new FieldError("priority", "is required"));
            }
            if (!draft) {
                if (!rule.hasNonNull("id")) {
                    errors.add(new FieldError("id", "is required"));
                }
                if (!rule.path("version").canConvertToInt() || rule.path("version").asInt() < 1) {
                    errors.add(new FieldError("version", "is required and must be at least 1"));
                }
            }
            Rule bound;
            try {
                bound = READER.readValue(rule);
            } catch (IOException e) {
                errors.add(bindingError(e));
                return new RuleRead(null, errors);
            }
            for (FieldError error : RuleValidator.validate(bound, config)) {
                if (!errors.contains(error)) {
                    errors.add(error);
                }
            }
            return new RuleRead(bound, errors);
        } catch (RuntimeException e) {
            // Last resort for inputs the checks above did not foresee: an error, never an exception.
            return new RuleRead(null, List.of(new FieldError("", "is not a valid rule")));
        }
    }

    /**
     * A copy with the defaults an admin expects: a new rule is enabled, opens a case and alerts its assignee unless
     * it says otherwise. A draft's id and version are dropped.
     */
    private static ObjectNode withDefaults(ObjectNode json, boolean draft) {
        ObjectNode rule = json.deepCopy();
        if (draft) {
            rule.remove("id");
            rule.remove("version");
        }
        if (!rule.has("enabled")) {
            rule.put("enabled", true);
        }
        if (rule.get("outcome") instanceof ObjectNode outcome) {
            if (!outcome.has("openCase")) {
                outcome.put("openCase", true);
            }
            if (!outcome.has("alertAssignee")) {
                outcome.put("alertAssignee", true);
            }
        }
        return rule;
    }

    /** Refuses JSON deeper or larger than any valid rule before binding it, so binding cost stays bounded. */
    private static FieldError oversized(JsonNode root) {
        record Frame(JsonNode node, int depth, String path) {}
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, 1, ""));
        int nodes = 0;
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            if (++nodes > MAX_JSON_NODES) {
                return new FieldError("", "is too large for a rule");
            }
            if (frame.depth() > MAX_JSON_DEPTH) {
                return new FieldError(frame.path(), "nests too deeply");
            }
            JsonNode node = frame.node();
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String name = Text.shown(field.getKey());
                    stack.push(new Frame(field.getValue(), frame.depth() + 1, frame.path().isEmpty() ? name : frame.path() + "." + name));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    stack.push(new Frame(node.get(i), frame.depth() + 1, frame.path() + "[" + i + "]"));
                }
            }
        }
        return null;
    }

    static FieldError bindingError(IOException e) {
        String path = e instanceof JsonMappingException mapping ? JsonErrors.path(mapping.getPath()) : "";
        return switch (e) {
            case InvalidTypeIdException typeId -> typeError(path, typeId);
            case InvalidFormatException format -> new FieldError(path, JsonErrors.quoted(format.getValue()) + " is not " + JsonErrors.expected(format.getTargetType()));
            case MismatchedInputException mismatch -> new FieldError(path, "must be " + JsonErrors.expected(mismatch.getTargetType()));
            default -> new FieldError(path, e.getCause() instanceof InputCoercionException ? "is out of range" : "is not valid");
        };
    }

    private static FieldError typeError(String path, InvalidTypeIdException e) {
        Class<?> base = e.getBaseType() == null ? null : e.getBaseType().getRawClass();
        List<String> names = base == Assignment.class ? ASSIGNMENT_TYPES : CONDITION_TYPES;
        String field = path.isEmpty() ? "type" : path + ".type";
        String expected = "one of " + String.join(", ", names);
        if (e.getTypeId() == null) {
            return new FieldError(field, "is required: " + expected);
        }
        return new FieldError(field, "unknown type " + JsonErrors.quoted(e.getTypeId()) + ": expected " + expected);
    }
}
