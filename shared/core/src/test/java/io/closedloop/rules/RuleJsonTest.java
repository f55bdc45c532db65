package io.closedloop.rules;

import static io.closedloop.rules.RuleFixtures.ALL_RULES;
import static io.closedloop.rules.RuleFixtures.DETRACTOR_BRAZIL;
import static io.closedloop.rules.RuleFixtures.nps;
import static io.closedloop.rules.RuleFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import io.closedloop.domain.Category;
import io.closedloop.domain.Response;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleJsonTest {

    private static final Configuration CONFIG = RuleFixtures.configuration();
    private static final List<String> FIXTURES = RuleFixtures.FIXTURE_FILES;

    private static ObjectNode fixture(String name) {
        return (ObjectNode) Json.tree(resource(name).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode json(String text) {
        return (ObjectNode) Json.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A rule using every condition type, every operator and a lookup assignment. */
    private static Rule everyKindOfCondition() {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(new Condition.Always());
        conditions.add(new Condition.Any(List.of(
                new Condition.ScoreBetween(ScoreType.NPS, 0, 6), new Condition.ScoreBetween(null, null, 2))));
        conditions.add(new Condition.Not(new Condition.CategoryIn(ScoreType.CSAT, Set.of(Category.PROMOTER, Category.PASSIVE))));
        for (AttributeOp op : AttributeOp.values()) {
            List<String> values = switch (op) {
                case EXISTS -> List.of();
                case IN -> List.of("BR", "PT");
                case GT, GTE, LT, LTE -> List.of("100000");
                default -> List.of("BR");
            };
            conditions.add(new Condition.Attribute("country", op, values));
        }
        conditions.add(new Condition.CommentPresent(false));
        conditions.add(new Condition.TextContains("answer:why", "late"));
        RuleOutcome outcome = new RuleOutcome(true, Priority.HIGH,
                List.of(new PriorityOverride(new Condition.Attribute("accountValue", AttributeOp.GT, List.of("100000")), Priority.URGENT)),
                new Assignment.Lookup("store", Map.of("042", "gabriel", "117", "hana")), "fiona", "sla-24h", false,
                List.of("kim", "fiona"), "store-recovery");
        return new Rule("every-kind", 7, RuleFixtures.NPS_CAMPAIGN, "Every kind of condition", 42, false,
                new Condition.All(conditions), outcome);
    }

    @Test
    void toJson_fullRule_roundTrips() {
        Rule rule = everyKindOfCondition();

        RuleRead read = RuleJson.readRule(RuleJson.toJson(rule), CONFIG);

        assertThat(read.errors()).isEmpty();
        assertThat(read.rule()).isEqualTo(rule);
    }

    @Test
    void toJson_usesTypeNamesAndScaleProperty() {
        JsonNode json = RuleJson.toJson(DETRACTOR_BRAZIL);

        assertThat(json.at("/condition/type").asText()).isEqualTo("all");
        assertThat(json.at("/condition/conditions/0").toString()).isEqualTo("{\"type\":\"score\",\"scale\":\"NPS\",\"min\":0,\"max\":6}");
        assertThat(json.at("/outcome/assignment").toString()).isEqualTo("{\"type\":\"fixed\",\"responderId\":\"ana\"}");
    }

    @Test
    void readRule_everyFixture_isValidAndRoundTrips() {
        for (String name : FIXTURES) {
            RuleRead read = RuleJson.readRule(fixture(name), CONFIG);

            assertThat(read.valid()).as(name + " " + read.errors()).isTrue();
            assertThat(RuleJson.readRule(RuleJson.toJson(read.rule()), CONFIG).rule()).as(name).isEqualTo(read.rule());
        }
        assertThat(ALL_RULES).hasSameSizeAs(FIXTURES);
    }

    @Test
    void readRule_everyTypeName_isKnownToErrorMessages() {
        for (String type : RuleJson.CONDITION_TYPES) {
            JsonNode condition = json("{\"type\":\"" + type + "\"}");
            ObjectNode rule = fixture("detractor-brazil.json");
            rule.set("condition", condition);

            assertThat(RuleJson.readRule(rule, CONFIG).rule()).as(type).isNotNull();
        }
        for (String type : RuleJson.ASSIGNMENT_TYPES) {
            ObjectNode rule = fixture("detractor-brazil.json");
            ((ObjectNode) rule.get("outcome")).set("assignment", json("{\"type\":\"" + type + "\"}"));

            assertThat(RuleJson.readRule(rule, CONFIG).rule()).as(type).isNotNull();
        }
    }

    @Test
    void readDraft_ignoresIdAndVersion() {
        ObjectNode draft = fixture("detractor-brazil.json");
        draft.put("id", "chosen by client");
        draft.put("version", 99);

        RuleRead read = RuleJson.readDraft(draft, CONFIG);

        assertThat(read.valid()).isTrue();
        assertThat(read.rule().id()).isNull();
        assertThat(read.rule().version()).isZero();
        assertThat(read.rule().condition()).isEqualTo(DETRACTOR_BRAZIL.condition());
    }

    @Test
    void readRule_withoutIdAndVersion_namesBoth() {
        ObjectNode rule = fixture("detractor-brazil.json");
        rule.remove("id");
        rule.put("version", 0);

        assertThat(RuleJson.readRule(rule, CONFIG).errors()).containsExactly(
                new FieldError("id", "is required"), new FieldError("version", "is required and must be at least 1"));
    }

    @Test
    void readDraft_missingFlags_defaultToEnabledOpeningAndAlerting() {
        ObjectNode draft = fixture("detractor-brazil.json");
        draft.remove("enabled");
        ((ObjectNode) draft.get("outcome")).remove(List.of("openCase", "alertAssignee"));

        Rule rule = RuleJson.readDraft(draft, CONFIG).rule();

        assertThat(rule.enabled()).isTrue();
        assertThat(rule.outcome().openCase()).isTrue();
        assertThat(rule.outcome().alertAssignee()).isTrue();
    }

    @Test
    void readDraft_missingPriority_isAnErrorButStillBinds() {
        ObjectNode draft = fixture("detractor-brazil.json");
        draft.remove("priority");

        RuleRead read = RuleJson.readDraft(draft, CONFIG);

        assertThat(read.errors()).containsExactly(new FieldError("priority", "is required"));
        assertThat(read.rule()).isNotNull();
        assertThat(read.valid()).isFalse();
    }

    @Test
    void readDraft_bindingAndValidationErrors_areReportedTogether() {
        ObjectNode draft = fixture("detractor-brazil.json");
        draft.remove("priority");
        ((ObjectNode) draft.at("/condition/conditions/1")).putArray("values");

        assertThat(RuleJson.readDraft(draft, CONFIG).errors()).containsExactly(
                new FieldError("priority", "is required"),
                new FieldError("condition.conditions[1].values", "must hold exactly one value for EQ"));
    }

    @Test
    void readDraft_unknownConditionType_namesItsPath() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ((ObjectNode) draft.at("/condition/conditions/1")).put("type", "regex");

        assertThat(RuleJson.readDraft(draft, CONFIG).errors()).containsExactly(new FieldError("condition.conditions[1].type",
                "unknown type \"regex\": expected one of always, all, any, not, score, category, attribute, comment, text"));
    }

    @Test
    void readDraft_missingConditionType_namesItsPath() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ((ObjectNode) draft.at("/condition/conditions/0")).remove("type");

        assertThat(RuleJson.readDraft(draft, CONFIG).errors()).containsExactly(new FieldError("condition.conditions[0].type",
                "is required: one of always, all, any, not, score, category, attribute, comment, text"));
    }

    @Test
    void readDraft_unknownAssignmentType_listsAssignmentTypes() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ((ObjectNode) draft.at("/outcome/assignment")).put("type", "random");

        assertThat(RuleJson.readDraft(draft, CONFIG).errors()).containsExactly(new FieldError("outcome.assignment.type",
                "unknown type \"random\": expected one of fixed, roundRobin, lookup"));
    }

    @Test
    void readDraft_wrongValueTypes_nameTheirPaths() {
        assertThat(errorsAfter("/condition/conditions/1", "values", Json.MAPPER.getNodeFactory().textNode("BR")))
                .containsExactly(new FieldError("condition.conditions[1].values", "must be an array"));
        assertThat(errorsAfter("/condition/conditions/1", "op", Json.MAPPER.getNodeFactory().textNode("LIKE")))
                .containsExactly(new FieldError("condition.conditions[1].op",
                        "\"LIKE\" is not one of EQ, NE, IN, CONTAINS, EXISTS, GT, GTE, LT, LTE"));
        assertThat(errorsAfter("/condition/conditions/0", "min", Json.MAPPER.getNodeFactory().numberNode(1.5)))
                .containsExactly(new FieldError("condition.conditions[0].min", "\"1.5\" is not an integer"));
        assertThat(errorsAfter("/condition/conditions/0", "scale", Json.MAPPER.getNodeFactory().textNode("nps")))
                .containsExactly(new FieldError("condition.conditions[0].scale", "\"nps\" is not one of NPS, CSAT, CES"));
        assertThat(errorsAfter("", "priority", Json.MAPPER.getNodeFactory().numberNode(99_999_999_999L)))
                .containsExactly(new FieldError("priority", "is out of range"));
        assertThat(errorsAfter("", "condition", Json.MAPPER.getNodeFactory().arrayNode()))
                .containsExactly(new FieldError("condition", "must be an object"));
        assertThat(errorsAfter("/outcome", "watcherIds", Json.MAPPER.getNodeFactory().objectNode()))
                .containsExactly(new FieldError("outcome.watcherIds", "must be an array"));
        assertThat(errorsAfter("/outcome", "priority", Json.MAPPER.getNodeFactory().textNode("CRITICAL")))
                .containsExactly(new FieldError("outcome.priority", "\"CRITICAL\" is not one of LOW, NORMAL, HIGH, URGENT"));
    }

    private static List<FieldError> errorsAfter(String pointer, String field, JsonNode value) {
        ObjectNode draft = fixture("detractor-brazil.json");
        ((ObjectNode) (pointer.isEmpty() ? draft : draft.at(pointer))).set(field, value);
        return RuleJson.readDraft(draft, CONFIG).errors();
    }

    @Test
    void readDraft_nullElementInGroup_isNamedByValidation() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ((ArrayNode) draft.at("/condition/conditions")).addNull();

        assertThat(RuleJson.readDraft(draft, CONFIG).errors())
                .containsExactly(new FieldError("condition.conditions[2]", "is required"));
    }

    @Test
    void readDraft_notAnObject_isAnError() {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        for (JsonNode input : List.of(nodes.arrayNode(), nodes.textNode("rule"), nodes.nullNode(), nodes.numberNode(1))) {
            assertThat(RuleJson.readDraft(input, CONFIG).errors()).containsExactly(new FieldError("", "must be a JSON object"));
        }
        assertThat(RuleJson.readDraft(null, CONFIG).rule()).isNull();
    }

    @Test
    void readDraft_deeplyNestedJson_isRefusedBeforeBinding() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ObjectNode condition = draft.putObject("condition");
        for (int i = 0; i < 5000; i++) {
            condition.put("type", "not");
            condition = condition.putObject("condition");
        }
        condition.put("type", "always");

        RuleRead read = RuleJson.readDraft(draft, CONFIG);

        assertThat(read.rule()).isNull();
        assertThat(read.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).startsWith("condition.condition.condition");
            assertThat(error.message()).isEqualTo("nests too deeply");
        });
    }

    @Test
    void readDraft_tooManyNodes_isRefusedBeforeBinding() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ArrayNode watchers = ((ObjectNode) draft.get("outcome")).putArray("watcherIds");
        for (int i = 0; i < 30_000; i++) {
            watchers.add("fiona");
        }

        assertThat(RuleJson.readDraft(draft, CONFIG).errors()).containsExactly(new FieldError("", "is too large for a rule"));
    }

    @Test
    void readDraft_nestingDeeperThanEightConditions_isAValidationError() {
        ObjectNode draft = fixture("detractor-brazil.json");
        ObjectNode condition = draft.putObject("condition");
        for (int i = 0; i < 9; i++) {
            condition.put("type", "not");
            condition = condition.putObject("condition");
        }
        condition.put("type", "always");

        assertThat(RuleJson.readDraft(draft, CONFIG).errors()).containsExactly(
                new FieldError("condition" + ".condition".repeat(8), "nests deeper than 8 levels"));
    }

    /**
     * Mutates the fixtures at random (seeded, so a failure reproduces): whatever the JSON, reading gives a rule or
     * errors, never an exception (nor the catch-all error that would hide one), and a bound rule can be evaluated and
     * dry-run without throwing either.
     */
    @Test
    void readDraft_randomlyMutatedRules_neverThrow() {
        Random random = new Random(20250314);
        List<Response> responses = List.of(nps("a", 3, "BR", "refund"), nps("b", 9, null, null),
                RuleFixtures.response(RuleFixtures.NPS_CAMPAIGN, "c", null, null, Map.of("accountValue", "x")));
        int bound = 0;
        for (int run = 0; run < 3000; run++) {
            ObjectNode json = fixture(FIXTURES.get(random.nextInt(FIXTURES.size())));
            for (int m = 0, n = 1 + random.nextInt(4); m < n; m++) {
                mutate(json, random);
            }

            RuleRead read = random.nextBoolean() ? RuleJson.readDraft(json, CONFIG) : RuleJson.readRule(json, CONFIG);

            assertThat(read.rule() != null || !read.errors().isEmpty()).as(json.toString()).isTrue();
            assertThat(read.errors()).as(json.toString())
                    .allSatisfy(e -> assertThat(e.field()).isNotNull())
                    .noneMatch(e -> e.message().equals("is not a valid rule"));
            if (read.rule() != null && read.rule().campaignId() != null) {
                bound++;
                Rule rule = read.rule();
                Rule enabled = new Rule(rule.id(), rule.version(), RuleFixtures.NPS_CAMPAIGN, rule.name(), rule.priority(), true,
                        rule.condition(), rule.outcome());
                for (Response response : responses) {
                    RuleEngine.decide(List.of(enabled), response, CONFIG, team -> 0);
                }
                DryRun.run(rule, responses, 5);
            }
        }
        assertThat(bound).isGreaterThan(100);
    }

    private static void mutate(ObjectNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = randomValue(random);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(5) == 0
                    ? List.of("type", "values", "conditions", "condition", "min", "op", "x").get(random.nextInt(7))
                    : names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(value);
            } else {
                array.set(random.nextInt(array.size()), value);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        List<String> words = List.of("all", "any", "not", "score", "category", "attribute", "comment", "text", "always",
                "fixed", "roundRobin", "lookup", "EQ", "GT", "EXISTS", "NPS", "DETRACTOR", "URGENT", "ana", "br-cx",
                "answer:q1", "", " ", "\u0000", "x".repeat(600));
        return switch (random.nextInt(9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(random.nextInt(40) - 20);
            case 2 -> nodes.numberNode(random.nextDouble() * 1e12);
            case 3 -> nodes.booleanNode(random.nextBoolean());
            case 4 -> nodes.arrayNode().add(words.get(random.nextInt(words.size())));
            case 5 -> nodes.objectNode().put("type", words.get(random.nextInt(words.size())));
            case 6 -> nodes.arrayNode();
            default -> nodes.textNode(words.get(random.nextInt(words.size())));
        };
    }
}
