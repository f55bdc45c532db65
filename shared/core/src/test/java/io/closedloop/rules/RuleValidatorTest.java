package io.closedloop.rules;

import static io.closedloop.rules.RuleFixtures.ALL_RULES;
import static io.closedloop.rules.RuleFixtures.DETRACTOR_BRAZIL;
import static io.closedloop.rules.RuleFixtures.NPS_CAMPAIGN;
import static io.closedloop.rules.RuleFixtures.REFUND_WATCH;
import static io.closedloop.rules.RuleFixtures.withAssignment;
import static io.closedloop.rules.RuleFixtures.withCondition;
import static io.closedloop.rules.RuleFixtures.withOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import io.closedloop.domain.Category;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {

    private static final Configuration CONFIG = RuleFixtures.configuration();
    private static final RuleOutcome OUTCOME = DETRACTOR_BRAZIL.outcome();

    private static List<FieldError> validate(Rule rule) {
        return RuleValidator.validate(rule, CONFIG);
    }

    private static List<FieldError> validateCondition(Condition condition) {
        return validate(withCondition(DETRACTOR_BRAZIL, condition));
    }

    private static List<FieldError> validateAssignment(Assignment assignment, String fallback) {
        return validate(withOutcome(DETRACTOR_BRAZIL, withAssignment(OUTCOME, assignment, fallback)));
    }

    private static Condition attribute(String name, AttributeOp op, String... values) {
        return new Condition.Attribute(name, op, Arrays.asList(values));
    }

    private static Condition nested(int depth) {
        Condition condition = new Condition.Always();
        for (int i = 1; i < depth; i++) {
            condition = new Condition.All(List.of(condition));
        }
        return condition;
    }

    @Test
    void validate_exampleRules_areValid() {
        for (Rule rule : ALL_RULES) {
            assertThat(validate(rule)).as(rule.id()).isEmpty();
        }
    }

    @Test
    void validate_draftWithoutIdAndVersion_isValid() {
        Rule draft = new Rule(null, 0, NPS_CAMPAIGN, "draft", 5, true, DETRACTOR_BRAZIL.condition(), OUTCOME);

        assertThat(validate(draft)).isEmpty();
    }

    @Test
    void validate_missingFields_areEachNamed() {
        Rule empty = new Rule(null, 0, null, null, 0, true, null, null);

        assertThat(validate(empty)).containsExactly(
                new FieldError("campaignId", "is required"),
                new FieldError("name", "is required"),
                new FieldError("condition", "is required"),
                new FieldError("outcome", "is required"));
    }

    @Test
    void validate_nullRule_isAnError() {
        assertThat(RuleValidator.validate(null, CONFIG)).containsExactly(new FieldError("", "is required"));
    }

    @Test
    void validate_unknownReferences_nameTheirFields() {
        RuleOutcome outcome = new RuleOutcome(true, Priority.HIGH, List.of(), new Assignment.Fixed("zoe"), "yann", "sla-1h",
                true, List.of("fiona", "xavier"), "loop");
        Rule rule = new Rule("r1", 1, "nps-2024", "Detractors", 10, true, new Condition.Always(), outcome);

        assertThat(validate(rule)).containsExactly(
                new FieldError("campaignId", "unknown campaign nps-2024"),
                new FieldError("outcome.assignment.responderId", "unknown responder zoe"),
                new FieldError("outcome.fallbackResponderId", "unknown responder yann"),
                new FieldError("outcome.slaPolicyId", "unknown SLA policy sla-1h"),
                new FieldError("outcome.watcherIds[1]", "unknown responder xavier"));
    }

    @Test
    void validate_unknownTeam_isNamed() {
        assertThat(validateAssignment(new Assignment.RoundRobin("ghosts"), null))
                .containsExactly(new FieldError("outcome.assignment.teamId", "unknown team ghosts"));
    }

    @Test
    void validate_responderWithoutRightToRespond_cannotBeAssigned() {
        assertThat(validateAssignment(new Assignment.Fixed("carla"), "jules")).containsExactly(
                new FieldError("outcome.assignment.responderId", "responder carla has no right to respond"),
                new FieldError("outcome.fallbackResponderId", "responder jules has no right to respond"));
    }

    @Test
    void validate_watcherWithoutRightToRespond_isAllowed() {
        assertThat(validate(REFUND_WATCH)).isEmpty();
    }

    @Test
    void validate_roundRobinTeamWithoutEligibleMember_isAnError() {
        assertThat(validateAssignment(new Assignment.RoundRobin("finance"), null)).containsExactly(
                new FieldError("outcome.assignment.teamId", "team finance has no member with the right to respond"));
    }

    @Test
    void validate_ruleThatOpensCaseWithoutAnyoneToAssign_isAnError() {
        assertThat(validateAssignment(null, null)).containsExactly(new FieldError("outcome.assignment",
                "is required for a rule that opens a case (or set outcome.fallbackResponderId)"));
        assertThat(validateAssignment(null, "fiona")).isEmpty();
    }

    @Test
    void validate_lookup_checksEveryEntry() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("BR", "ana");
        table.put("br", "bruno");
        table.put("PT", "nobody");
        table.put("AO", null);
        table.put(" ", "ana");

        assertThat(validateAssignment(new Assignment.Lookup("", table), null)).containsExactly(
                new FieldError("outcome.assignment.attribute", "must not be blank"),
                new FieldError("outcome.assignment.responderByValue.br", "repeats the value BR (values match case-insensitively)"),
                new FieldError("outcome.assignment.responderByValue.PT", "unknown responder nobody"),
                new FieldError("outcome.assignment.responderByValue.AO", "is required"),
                new FieldError("outcome.assignment.responderByValue",
                        "keys must be non-blank values of at most 500 characters, without control characters"));
        assertThat(validateAssignment(new Assignment.Lookup("store", Map.of()), null)).containsExactly(
                new FieldError("outcome.assignment.responderByValue", "must hold at least one value"));
    }

    @Test
    void validate_emptyGroups_areErrors() {
        Condition condition = new Condition.All(List.of(new Condition.Always(), new Condition.Any(List.of())));

        assertThat(validateCondition(condition)).containsExactly(
                new FieldError("condition.conditions[1].conditions", "must contain at least one condition"));
        assertThat(validateCondition(new Condition.All(List.of()))).containsExactly(
                new FieldError("condition.conditions", "must contain at least one condition"));
    }

    @Test
    void validate_missingConditionsInGroupsAndNot_areNamed() {
        Condition condition = new Condition.Any(Arrays.asList(new Condition.Not(null), null));

        assertThat(validateCondition(condition)).containsExactly(
                new FieldError("condition.conditions[0].condition", "is required"),
                new FieldError("condition.conditions[1]", "is required"));
    }

    @Test
    void validate_minGreaterThanMax_isAnError() {
        assertThat(validateCondition(new Condition.ScoreBetween(ScoreType.NPS, 7, 6)))
                .containsExactly(new FieldError("condition.min", "must not be greater than max (6)"));
    }

    @Test
    void validate_scoreBoundsOutsideTheScale_areErrors() {
        assertThat(validateCondition(new Condition.ScoreBetween(ScoreType.CSAT, 0, 6))).containsExactly(
                new FieldError("condition.min", "must be within 1–5 (CSAT)"),
                new FieldError("condition.max", "must be within 1–5 (CSAT)"));
        assertThat(validateCondition(new Condition.ScoreBetween(null, -1, 11))).containsExactly(
                new FieldError("condition.min", "must be within 0–10 (any scale)"),
                new FieldError("condition.max", "must be within 0–10 (any scale)"));
        assertThat(validateCondition(new Condition.ScoreBetween(ScoreType.CES, 5, 7))).isEmpty();
    }

    @Test
    void validate_emptyCategories_isAnError() {
        assertThat(validateCondition(new Condition.CategoryIn(ScoreType.NPS, Set.of())))
                .containsExactly(new FieldError("condition.categories", "must contain at least one category"));
        assertThat(validateCondition(new Condition.CategoryIn(null, Set.of(Category.PASSIVE)))).isEmpty();
    }

    @Test
    void validate_operatorArity_isCheckedPerOperator() {
        Condition condition = new Condition.All(List.of(
                attribute("store", AttributeOp.EXISTS, "042"),
                attribute("country", AttributeOp.EQ, "BR", "PT"),
                attribute("country", AttributeOp.IN),
                attribute("accountValue", AttributeOp.GT, "a lot"),
                attribute("accountValue", AttributeOp.LTE),
                attribute("segment", AttributeOp.CONTAINS, " "),
                attribute("country", AttributeOp.IN, "BR", null),
                attribute(null, null)));

        assertThat(validateCondition(condition)).containsExactly(
                new FieldError("condition.conditions[0].values", "must be empty: EXISTS takes no value"),
                new FieldError("condition.conditions[1].values", "must hold exactly one value for EQ"),
                new FieldError("condition.conditions[2].values", "must hold at least one value for IN"),
                new FieldError("condition.conditions[3].values[0]", "must be a number, e.g. 100000 or 12.5"),
                new FieldError("condition.conditions[4].values", "must hold exactly one number for LTE"),
                new FieldError("condition.conditions[5].values[0]", "must not be blank"),
                new FieldError("condition.conditions[6].values[1]", "is required"),
                new FieldError("condition.conditions[7].name", "is required"),
                new FieldError("condition.conditions[7].op", "is required"));
    }

    @Test
    void validate_validOperators_haveNoErrors() {
        Condition condition = new Condition.All(List.of(
                attribute("store", AttributeOp.EXISTS),
                attribute("country", AttributeOp.NE, "BR"),
                attribute("country", AttributeOp.IN, "BR", "PT"),
                attribute("accountValue", AttributeOp.GTE, "-12.5"),
                attribute("segment", AttributeOp.CONTAINS, "enterprise")));

        assertThat(validateCondition(condition)).isEmpty();
    }

    @Test
    void validate_textCondition_needsKnownFieldAndText() {
        Condition condition = new Condition.Any(List.of(
                new Condition.TextContains("subject", "late"),
                new Condition.TextContains("answer:", "late"),
                new Condition.TextContains("answer:q1", ""),
                new Condition.TextContains(null, "late"),
                new Condition.TextContains("answer:why", "late")));

        assertThat(validateCondition(condition)).containsExactly(
                new FieldError("condition.conditions[0].field", "must be \"comment\" or \"answer:<question id>\""),
                new FieldError("condition.conditions[1].field", "must be \"comment\" or \"answer:<question id>\""),
                new FieldError("condition.conditions[2].text", "must not be blank"));
    }

    @Test
    void validate_nestingDepth_isAtMostEight() {
        assertThat(validateCondition(nested(8))).isEmpty();
        assertThat(validateCondition(nested(9))).containsExactly(new FieldError(
                "condition" + ".conditions[0]".repeat(8), "nests deeper than 8 levels"));
    }

    @Test
    void validate_conditionCount_isAtMostOneHundred() {
        List<Condition> ninetyNine = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            ninetyNine.add(attribute("country", AttributeOp.NE, "C" + i));
        }
        List<Condition> hundred = new ArrayList<>(ninetyNine);
        hundred.add(new Condition.Always());

        assertThat(validateCondition(new Condition.All(ninetyNine))).isEmpty();
        assertThat(validateCondition(new Condition.All(hundred)))
                .containsExactly(new FieldError("condition", "has more than 100 conditions"));
    }

    @Test
    void validate_triageConditions_countTowardsTheLimitAndAreChecked() {
        List<Condition> ninety = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            ninety.add(new Condition.Always());
        }
        List<PriorityOverride> triage = List.of(
                new PriorityOverride(attribute("accountValue", AttributeOp.GT, "lots"), Priority.URGENT),
                new PriorityOverride(null, null),
                new PriorityOverride(new Condition.All(ninety), Priority.HIGH));
        RuleOutcome outcome = new RuleOutcome(true, Priority.NORMAL, triage, new Assignment.Fixed("ana"), null, null, true,
                List.of(), null);

        assertThat(validate(withOutcome(withCondition(DETRACTOR_BRAZIL, new Condition.All(ninety.subList(0, 9))), outcome)))
                .containsExactly(
                        new FieldError("outcome.triage[0].when.values[0]", "must be a number, e.g. 100000 or 12.5"),
                        new FieldError("outcome.triage[1].when", "is required"),
                        new FieldError("outcome.triage[1].priority", "is required"),
                        new FieldError("outcome.triage[2].when", "brings the rule over 100 conditions"));
    }

    @Test
    void validate_namesAndIdsOfUnreasonableLength_areErrors() {
        Rule rule = new Rule("x".repeat(65), -1, NPS_CAMPAIGN, "n".repeat(201), 2_000_000, true, new Condition.Always(),
                new RuleOutcome(true, null, null, new Assignment.Fixed("ana"), null, null, true, null, "detractor recovery"));

        assertThat(validate(rule)).containsExactly(
                new FieldError("id", "must be at most 64 characters"),
                new FieldError("version", "must not be negative"),
                new FieldError("name", "must be at most 200 characters"),
                new FieldError("priority", "must be between -1000000 and 1000000"),
                new FieldError("outcome.loop", "must not contain spaces or control characters"));
    }

    @Test
    void validate_controlCharactersInName_areErrors() {
        Rule rule = new Rule("r", 1, NPS_CAMPAIGN, "Detractors\u0000", 1, true, new Condition.Always(), OUTCOME);

        assertThat(validate(rule)).containsExactly(new FieldError("name", "must not contain control characters"));
    }
}
