package io.closedloop.ingest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.FieldMapping;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a delivery's JSON tree for one parse, collecting every problem under its JSON path, so
 * the sender learns everything that is wrong at once. Values the parsers depend on (ids, times, scores) are checked;
 * provider fields that are merely informative are read leniently (a wrong type reads as absent).
 */
final class PayloadReader {

    static final String ROOT = "$";

    /** Rejects trailing content after the JSON value: signed bytes must be exactly one document. */
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final String ELLIPSIS = "…";
    private static final String ID_RULE =
            "must be 1–" + WebhookLimits.MAX_ID_CHARS + " characters of A–Z, a–z, 0–9 and . _ : @ -";
    private static final String INSTANT_RULE = "must be an ISO-8601 instant such as 2025-07-24T07:47:29Z";

    /** Resolves the part after the colon of a mapping reference of one kind (hidden, answer, variable, property, meta). */
    @FunctionalInterface
    interface Lookup {
        String find(String kind, String name);
    }

    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>(2);

    PayloadReader(Instant now) {
        this.now = now;
    }

    /** The body as one JSON object; a one-element array is unwrapped (Formbricks documents arrays). */
    static ObjectNode root(byte[] body) {
        JsonNode root;
        try {
            root = READER.readTree(body == null ? new byte[0] : body);
        } catch (java.io.IOException | RuntimeException e) {
            // The parser's message may quote the body; the sender only learns that it is not JSON
            throw invalid(ROOT, "is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw invalid(ROOT, "is empty; a JSON object is expected");
        }
        if (root.isArray()) {
            if (root.size() != 1) {
                throw invalid(ROOT, "must be a JSON object or an array of exactly one object");
            }
            root = root.get(0);
        }
        if (!(root instanceof ObjectNode object)) {
            throw invalid(ROOT, "must be a JSON object");
        }
        return object;
    }

    static InvalidPayloadException invalid(String path, String message) {
        return new InvalidPayloadException(List.of(new FieldError(path, message)));
    }

    void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    /** Throws every error collected so far; returns when there is none. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidPayloadException(errors);
        }
    }

    // ---- checked values: a wrong type is an error ----

    ObjectNode requiredObject(JsonNode node, String path) {
        if (absent(node)) {
            error(path, "is required");
            return null;
        }
        return object(node, path);
    }

    ObjectNode object(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        error(path, "must be an object");
        return null;
    }

    ArrayNode array(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node instanceof ArrayNode array) {
            return array;
        }
        error(path, "must be an array");
        return null;
    }

    String requiredText(JsonNode node, String path) {
        if (absent(node)) {
            error(path, "is required");
            return null;
        }
        return text(node, path);
    }

    String text(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        error(path, "must be a string");
        return null;
    }

    /** A response id; provider ids may arrive as JSON numbers, ours may not. */
    String externalId(JsonNode node, String path, boolean numberAllowed) {
        if (absent(node)) {
            error(path, "is required");
            return null;
        }
        String id = node.isTextual() ? node.textValue() : numberAllowed && node.isIntegralNumber() ? node.asText() : null;
        if (id == null) {
            error(path, numberAllowed ? "must be a string or an integer" : "must be a string");
            return null;
        }
        if (!isValidId(id)) {
            error(path, ID_RULE);
            return null;
        }
        return id;
    }

    Instant instant(JsonNode node, String path) {
        if (absent(node)) {
            error(path, "is required");
            return null;
        }
        if (!node.isTextual()) {
            error(path, INSTANT_RULE);
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(node.textValue().trim());
        } catch (DateTimeException e) {
            error(path, INSTANT_RULE);
            return null;
        }
        return plausible(instant, path);
    }

    Instant epochSeconds(JsonNode node, String path) {
        if (absent(node)) {
            error(path, "is required");
            return null;
        }
        Long seconds = node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
        if (seconds == null) {
            error(path, "must be an integer number of seconds since 1970-01-01T00:00:00Z");
            return null;
        }
        Instant instant;
        try {
            instant = Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            error(path, "is out of range");
            return null;
        }
        return plausible(instant, path);
    }

    private Instant plausible(Instant instant, String path) {
        if (instant.isBefore(EARLIEST)) {
            error(path, "must not be before 2000-01-01");
            return null;
        }
        if (instant.isAfter(now.plus(WebhookLimits.MAX_FUTURE_SUBMISSION))) {
            error(path, "must not be in the future");
            return null;
        }
        return instant;
    }

    /** A non-negative integer; {@code fallback} when absent. */
    long revision(JsonNode node, String path, long fallback) {
        if (absent(node)) {
            return fallback;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        error(path, "must be an integer from 0 to " + Long.MAX_VALUE);
        return fallback;
    }

    /**
     * A score on {@code type}'s scale; null when absent (or an empty string, a skipped question).
     *
     * @param numericTextAllowed whether "9" counts as 9 (provider answers; our own format wants a number)
     */
    Score score(ScoreType type, JsonNode node, String path, boolean numericTextAllowed) {
        if (absent(node) || node.isTextual() && node.textValue().isBlank() && numericTextAllowed) {
            return null;
        }
        Integer value = integer(node, numericTextAllowed);
        if (value == null || !type.accepts(value)) {
            error(path, "must be an integer from " + type.min() + " to " + type.max() + " (" + type + ")");
            return null;
        }
        return new Score(type, value);
    }

    private static Integer integer(JsonNode node, boolean numericTextAllowed) {
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        if (node.isFloatingPointNumber()) {
            double value = node.doubleValue();
            return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE ? (int) value : null;
        }
        if (numericTextAllowed && node.isTextual()) {
            String text = node.textValue().trim();
            if (text.isEmpty() || text.length() > 10) {
                return null;
            }
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
        return null;
    }

    /** Checks the number of entries of a map-like node before reading them. */
    boolean withinLimit(int size, int max, String path, String what) {
        if (size > max) {
            error(path, "has " + size + " " + what + "; at most " + max + " are accepted");
            return false;
        }
        return true;
    }

    /**
     * Adds an answer or attribute: a key that is empty or too long is an error; an absent or empty value is skipped;
     * a long value is truncated.
     */
    void put(Map<String, String> map, String key, String value, String path) {
        if (key == null || key.isEmpty() || key.length() > WebhookLimits.MAX_KEY_CHARS) {
            error(path, "keys must be 1–" + WebhookLimits.MAX_KEY_CHARS + " characters");
            return;
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        map.put(key, clip(value, WebhookLimits.MAX_VALUE_CHARS));
    }

    /** A string, number or boolean as text; an error for anything else. */
    String scalar(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (node.isValueNode()) {
            return stringify(node);
        }
        error(path, "must be a string, number or boolean");
        return null;
    }

    // ---- building the response ----

    /** The respondent from the payload's own fields, overridden field by field by the source's mapping. */
    static Respondent respondent(String id, String email, String name, String phone, String locale,
            FieldMapping mapping, Lookup lookup) {
        if (!mapping.respondent().isEmpty()) {
            id = mapped(mapping.respondent().get("id"), lookup, id);
            email = mapped(mapping.respondent().get("email"), lookup, email);
            name = mapped(mapping.respondent().get("name"), lookup, name);
            phone = mapped(mapping.respondent().get("phone"), lookup, phone);
            locale = mapped(mapping.respondent().get("locale"), lookup, locale);
        }
        id = respondentField(id);
        email = respondentField(email);
        name = respondentField(name);
        phone = respondentField(phone);
        locale = respondentField(locale);
        if (id == null && email == null && name == null && phone == null && locale == null) {
            return Respondent.ANONYMOUS;
        }
        return new Respondent(id, email, name, phone, locale);
    }

    /** Adds the attributes the source's mapping names; a mapped value replaces a payload attribute of the same name. */
    static void mapAttributes(Map<String, String> attributes, FieldMapping mapping, Lookup lookup) {
        for (Map.Entry<String, String> entry : mapping.attributes().entrySet()) {
            String value = mapped(entry.getValue(), lookup, null);
            String name = entry.getKey();
            if (value != null && !value.isEmpty() && name != null && !name.isEmpty()
                    && name.length() <= WebhookLimits.MAX_KEY_CHARS) {
                attributes.put(name, clip(value, WebhookLimits.MAX_VALUE_CHARS));
            }
        }
    }

    private static String mapped(String reference, Lookup lookup, String fallback) {
        if (reference == null) {
            return fallback;
        }
        int colon = reference.indexOf(':');
        if (colon <= 0 || colon == reference.length() - 1) {
            return fallback;
        }
        String value = lookup.find(reference.substring(0, colon), reference.substring(colon + 1));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String respondentField(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : clip(trimmed, WebhookLimits.MAX_RESPONDENT_CHARS);
    }

    static String comment(String text) {
        return text == null || text.isBlank() ? null : clip(text, WebhookLimits.MAX_COMMENT_CHARS);
    }

    // ---- lenient reading and text helpers ----

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** The node as an object, or null when it is anything else. */
    static ObjectNode objectOrNull(JsonNode node) {
        return node instanceof ObjectNode object ? object : null;
    }

    /** A string, number or boolean as text; null for anything else. */
    static String scalarOrNull(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? stringify(node) : null;
    }

    /** Follows a dotted path of object fields (and array indexes) from {@code node}; missing when there is none. */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        int start = 0;
        while (current != null && start <= dottedPath.length()) {
            int dot = dottedPath.indexOf('.', start);
            int end = dot < 0 ? dottedPath.length() : dot;
            String segment = dottedPath.substring(start, end);
            current = current.isArray() && isDigits(segment) && segment.length() < 6
                    ? current.get(Integer.parseInt(segment))
                    : current.get(segment);
            start = end + 1;
        }
        return current;
    }

    /**
     * Any JSON value as readable text: strings verbatim, numbers without a needless ".0", arrays joined with ", ",
     * objects as "key: value" pairs. Null for null, missing or an empty array.
     */
    static String stringify(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isIntegralNumber()) {
            return node.asText();
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        }
        StringBuilder text = new StringBuilder();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String value = stringify(entry.getValue());
                if (value != null) {
                    separate(text).append(entry.getKey()).append(": ").append(value);
                }
            }
        } else {
            for (JsonNode element : node) {
                String value = stringify(element);
                if (value != null) {
                    separate(text).append(value);
                }
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static StringBuilder separate(StringBuilder text) {
        return text.isEmpty() ? text : text.append(", ");
    }

    /** Cuts text to {@code max} characters, the last being an ellipsis; never splits a surrogate pair. */
    static String clip(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + ELLIPSIS;
    }

    static boolean isValidId(String id) {
        if (id.isEmpty() || id.length() > WebhookLimits.MAX_ID_CHARS) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '@' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** {@code parent.key}, or {@code parent["key"]} when the key is not a plain name; long keys are cut. */
    static String child(String parent, String key) {
        boolean plain = !key.isEmpty() && key.length() <= 64;
        for (int i = 0; plain && i < key.length(); i++) {
            char c = key.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }
        if (plain) {
            return parent + "." + key;
        }
        String shown = clip(key, 64);
        return parent + "[\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"]";
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
