package io.closedloop.ingest;

import static io.closedloop.ingest.Fixtures.NOW;
import static io.closedloop.ingest.Fixtures.bytes;
import static io.closedloop.ingest.Fixtures.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the body, parsing either yields deliveries or an {@link InvalidPayloadException} naming fields: never a
 * NullPointerException, a Jackson exception or anything else. Deterministic: every node of every fixture replaced by
 * every kind of JSON value, and seeded byte-level damage.
 */
class RobustnessTest {

    private static final FieldMapping MAPPING = new FieldMapping(
            Map.of("id", "hidden:user_id", "email", "property:email", "name", "answer:readable_ref_short_text",
                    "phone", "variable:name", "locale", "meta:a.0.b"),
            Map.of("survey", "meta:survey.name", "answer", "answer:12124", "empty", "meta:", "odd", ":x",
                    "calc", "meta:calculated.score", "deep", "meta:userAgent.browser.x.y", "index", "meta:answers.99999999"));

    private static final List<String> REPLACEMENTS = List.of(
            "null", "true", "0", "-1", "2147483648", "-9223372036854775809", "1.5", "1e400", "\"\"", "\"x\"", "\"9\"",
            "\"2025-07-24T07:00:00Z\"", "\"" + "é".repeat(3_000) + "\"", "[]", "{}", "[{}]", "[\"a\",null]", "{\"a\":{\"b\":[1]}}");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(WebhookFormat.GENERIC, "generic-response.json", null, null),
                Arguments.of(WebhookFormat.FORMBRICKS, "formbricks-responseFinished.wire-nps.json", "npsQuestionId", "openTextQuestionId"),
                Arguments.of(WebhookFormat.FORMBRICKS, "formbricks-responseCreated.json", "q1", "q2"),
                Arguments.of(WebhookFormat.TYPEFORM, "typeform-form_response.nps.json", "nps_score", "nps_reason"),
                Arguments.of(WebhookFormat.DELIGHTED, "delighted-survey_response.updated.json", null, null),
                Arguments.of(WebhookFormat.SURVICATE, "survicate-questionAnswered.nps.json", null, null),
                Arguments.of(WebhookFormat.SURVICATE, "survicate-questionAnswered.json", "12123", "12123"));
    }

    private static void parseSafely(Source source, byte[] body, String what) {
        try {
            Webhooks.parse(source, body, NOW);
        } catch (InvalidPayloadException invalid) {
            assertThat(invalid.errors()).as(what).isNotEmpty();
            for (FieldError error : invalid.errors()) {
                assertThat(error.field()).as(what).isNotBlank().hasSizeLessThan(200);
                assertThat(error.message()).as(what).isNotBlank();
            }
        } catch (RuntimeException | Error unexpected) {
            fail(what + " threw " + unexpected, unexpected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void parse_everyNodeReplacedByEveryKindOfValue_onlyInvalidPayloadEscapes(WebhookFormat format, String fixture,
            String scoreQuestion, String commentQuestion) {
        Source source = source(format, scoreQuestion, ScoreType.NPS, commentQuestion, MAPPING, Fixtures.secretFor(format));
        JsonNode original = Json.tree(bytes(fixture));
        List<JsonPointer> pointers = new ArrayList<>();
        collect(original, JsonPointer.empty(), pointers);

        int parsed = 0;
        for (JsonPointer pointer : pointers) {
            for (String replacement : REPLACEMENTS) {
                parseSafely(source, Json.bytes(replace(original, pointer, Json.tree(Fixtures.utf8(replacement)))),
                        pointer + " := " + replacement.substring(0, Math.min(20, replacement.length())));
                parsed++;
            }
            if (!pointer.toString().isEmpty()) {
                parseSafely(source, Json.bytes(replace(original, pointer, null)), pointer + " removed");
            }
        }
        assertThat(parsed).isGreaterThan(pointers.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void parse_seededByteDamage_onlyInvalidPayloadEscapes(WebhookFormat format, String fixture, String scoreQuestion,
            String commentQuestion) {
        Source source = source(format, scoreQuestion, ScoreType.NPS, commentQuestion, MAPPING, Fixtures.secretFor(format));
        byte[] original = bytes(fixture);
        Random random = new Random(fixture.hashCode());
        byte[] noise = {'"', '{', '}', '[', ']', ',', ':', '\\', '0', '-', 'e', '.', (byte) 0xC3, (byte) 0xFF, 0};

        for (int round = 0; round < 400; round++) {
            byte[] damaged;
            if (round % 4 == 0) {
                damaged = java.util.Arrays.copyOf(original, random.nextInt(original.length));
            } else {
                damaged = original.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] = noise[random.nextInt(noise.length)];
                }
            }
            parseSafely(source, damaged, "round " + round);
        }
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> pointers) {
        pointers.add(at);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), at.appendProperty(field.getKey()), pointers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at.appendIndex(i), pointers);
            }
        }
    }

    /** A copy of {@code root} with the node at {@code pointer} replaced, or removed when {@code value} is null. */
    private static JsonNode replace(JsonNode root, JsonPointer pointer, JsonNode value) {
        if (pointer.toString().isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(pointer.head());
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(pointer.last().getMatchingProperty());
            } else {
                object.set(pointer.last().getMatchingProperty(), value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(pointer.last().getMatchingIndex());
            } else {
                array.set(pointer.last().getMatchingIndex(), value);
            }
        }
        return copy;
    }
}
