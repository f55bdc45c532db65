package io.closedloop.functions.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.domain.Category;
import io.closedloop.domain.ScoreType;
import io.closedloop.functions.console.ConditionForm.Node;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.rules.AttributeOp;
import io.closedloop.rules.Condition;
import io.closedloop.webui.FormBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionFormTest {

    private static final Condition DETRACTOR_IN_FRANCE_OR_ANGRY = new Condition.All(List.of(
            new Condition.CategoryIn(ScoreType.NPS, Set.of(Category.DETRACTOR)),
            new Condition.Any(List.of(
                    new Condition.Attribute("country", AttributeOp.IN, List.of("FR", "BE")),
                    new Condition.TextContains("comment", "refund"),
                    new Condition.Not(new Condition.CommentPresent(true)))),
            new Condition.Not(new Condition.All(List.of(new Condition.ScoreBetween(null, 0, 1), new Condition.TextContains("answer:q1", "test"))))));

    private static Condition bound(ObjectNode json) {
        return Json.convert(json, Condition.class);
    }

    private static FormBody fieldsOf(Node root) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(root, ConditionForm.ROOT, fields);
        return new FormBody(fields);
    }

    /** What the builder's page submits for this tree, as rule.jte names the fields. */
    private static void put(Node node, String path, Map<String, String> fields) {
        fields.put(path + ".kind", node.kind());
        if (node.not()) {
            fields.put(path + ".not", "yes");
        }
        fields.put(path + ".scale", node.scale() == null ? "" : node.scale());
        fields.put(path + ".min", node.min() == null ? "" : node.min());
        fields.put(path + ".max", node.max() == null ? "" : node.max());
        node.categories().forEach(c -> fields.put(path + ".cat." + c, "yes"));
        fields.put(path + ".attribute", node.attribute() == null ? "" : node.attribute());
        fields.put(path + ".op", node.op() == null ? "" : node.op());
        fields.put(path + ".values", node.values() == null ? "" : node.values());
        fields.put(path + ".present", node.present() ? "yes" : "no");
        fields.put(path + ".question", node.question() == null ? "" : node.question());
        fields.put(path + ".text", node.text() == null ? "" : node.text());
        for (int i = 0; i < node.children().size(); i++) {
            put(node.children().get(i), path + "." + i, fields);
        }
    }

    @Test
    void storedCondition_throughTheFormsFields_isTheSameCondition() {
        Node shown = ConditionForm.of(DETRACTOR_IN_FRANCE_OR_ANGRY);
        List<FieldError> unreadable = new ArrayList<>();

        Condition saved = bound(ConditionForm.toJson(ConditionForm.read(fieldsOf(shown)), unreadable));

        assertThat(unreadable).isEmpty();
        assertThat(saved).isEqualTo(DETRACTOR_IN_FRANCE_OR_ANGRY);
    }

    @Test
    void singleTest_isShownUnderAnAndGroup_andSavedAsItself() {
        Condition score = new Condition.ScoreBetween(ScoreType.NPS, 0, 6);

        Node shown = ConditionForm.of(score);

        assertThat(shown.kind()).isEqualTo("all");
        assertThat(shown.children()).singleElement().extracting(Node::kind).isEqualTo("score");
        assertThat(bound(ConditionForm.toJson(shown, new ArrayList<>()))).isEqualTo(score);
    }

    @Test
    void emptyTopGroup_isAlways_andDoubleNegationCancels() {
        assertThat(bound(ConditionForm.toJson(ConditionForm.of(new Condition.Always()), new ArrayList<>()))).isEqualTo(new Condition.Always());
        Condition twice = new Condition.Not(new Condition.Not(new Condition.CommentPresent(false)));

        assertThat(bound(ConditionForm.toJson(ConditionForm.of(twice), new ArrayList<>()))).isEqualTo(new Condition.CommentPresent(false));
    }

    @Test
    void add_putsAGroupWithOneScoreTestAtTheEnd_andStopsAtTheBuildersDepth() {
        Node root = ConditionForm.of(new Condition.ScoreBetween(ScoreType.NPS, 0, 6));

        Node withGroup = ConditionForm.add(root, "c", "any");
        Node deeper = ConditionForm.add(withGroup, "c.1", "all");
        Node tooDeep = ConditionForm.add(deeper, "c.1.1", "any");

        assertThat(withGroup.children()).extracting(Node::kind).containsExactly("score", "any");
        assertThat(withGroup.children().get(1).children()).extracting(Node::kind).containsExactly("score");
        assertThat(deeper.children().get(1).children()).extracting(Node::kind).containsExactly("score", "all");
        assertThat(tooDeep).as("a group at depth 3 could hold no test").isEqualTo(deeper);
        assertThat(ConditionForm.add(deeper, "c.1.1", "text").children().get(1).children().get(1).children()).extracting(Node::kind)
                .containsExactly("score", "text");
        assertThat(ConditionForm.add(root, "c", "unknown")).isEqualTo(root);
    }

    @Test
    void remove_takesTheNodeOut_andRenumbersTheRest() {
        Node root = ConditionForm.of(DETRACTOR_IN_FRANCE_OR_ANGRY);

        Node removed = ConditionForm.remove(root, "c.1.0");

        assertThat(removed.children().get(1).children()).extracting(Node::kind).containsExactly("text", "comment");
        assertThat(ConditionForm.remove(root, "c")).as("the top group stays").isEqualTo(root);
        assertThat(ConditionForm.remove(root, "c.9")).isEqualTo(root);
    }

    @Test
    void unreadableBound_isRefusedOnItsNodesField() {
        Node root = Node.group("all", List.of(new Node("score", false, "NPS", "six", "10", Set.of(), null, null, null, true, null, null, List.of())));
        List<FieldError> unreadable = new ArrayList<>();

        ConditionForm.toJson(root, unreadable);

        assertThat(unreadable).containsExactly(new FieldError("c.0.min", "whole"));
    }

    @Test
    void locate_mapsTheAdminApisJsonPathToTheFormsNode() {
        Node root = ConditionForm.of(DETRACTOR_IN_FRANCE_OR_ANGRY);
        Node folded = ConditionForm.of(new Condition.Not(new Condition.ScoreBetween(ScoreType.NPS, 7, 3)));

        assertThat(ConditionForm.locate("condition.conditions[1].conditions[0].values", root)).hasValueSatisfying(at ->
                assertThat(at).containsExactly("c.1.0", "values"));
        assertThat(ConditionForm.locate("condition.conditions[2].condition.conditions[0].min", root)).hasValueSatisfying(at ->
                assertThat(at).containsExactly("c.2.0", "min"));
        assertThat(ConditionForm.locate("condition.condition.min", folded)).hasValueSatisfying(at -> assertThat(at).containsExactly("c.0", "min"));
        assertThat(ConditionForm.locate("outcome.assignment", root)).isEmpty();
    }

    @Test
    void read_ignoresAnUnknownKind_andWhatLiesBelowIt() {
        FormBody form = new FormBody(Map.of("c.kind", "any", "c.0.kind", "score", "c.0.min", "9", "c.1.kind", "script", "c.2.kind", "comment"));

        Node read = ConditionForm.read(form);

        assertThat(read.kind()).isEqualTo("any");
        assertThat(read.children()).extracting(Node::kind).containsExactly("score");
    }
}
