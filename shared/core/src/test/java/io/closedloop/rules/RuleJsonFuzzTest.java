package io.closedloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.AdminJson;
import io.closedloop.config.Configuration;
import io.closedloop.domain.Response;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import java.util.List;

/**
 * Any bytes sent as a rule: the body is refused as a 4xx problem, or read to either a valid rule or field errors,
 * never an exception. A rule that reads as valid writes back to JSON that reads as the same rule, and evaluates
 * against real responses without failing. Corpus: {@code RuleJsonFuzzTestInputs/anyRule/} (the rule examples of
 * docs/rules.md and the rule fixtures).
 */
class RuleJsonFuzzTest {

    private static final Configuration CONFIG = RuleFixtures.configuration();
    private static final List<Response> RESPONSES = List.of(
            RuleFixtures.nps("fuzz-1", 3, "BR", "Entrega atrasada"),
            RuleFixtures.nps("fuzz-2", 10, "FR", null),
            RuleFixtures.nps("fuzz-3", 7, null, ""));

    @FuzzTest(maxDuration = "60s")
    void anyRule(byte[] body) {
        ObjectNode json;
        try {
            json = AdminJson.object(body);
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isBetween(400, 499);
            return;
        }
        check(RuleJson.readRule(json.deepCopy(), CONFIG), false);
        check(RuleJson.readDraft(json.deepCopy(), CONFIG), true);
    }

    private static void check(RuleRead read, boolean draft) {
        if (!read.valid()) {
            assertThat(read.errors()).isNotEmpty();
            for (FieldError error : read.errors()) {
                assertThat(error.field()).isNotNull().hasSizeLessThan(1000);
                assertThat(error.message()).isNotBlank().hasSizeLessThan(1000);
            }
            return;
        }
        Rule rule = read.rule();
        assertThat(rule).isNotNull();
        if (!draft) {
            RuleRead again = RuleJson.readRule(RuleJson.toJson(rule), CONFIG);
            assertThat(again.errors()).as("errors reading back %s", RuleJson.toJson(rule)).isEmpty();
            assertThat(again.rule()).isEqualTo(rule);
        }
        for (Response response : RESPONSES) {
            RuleEvaluator.matches(rule.condition(), response);
            RuleEvaluator.explain(rule.condition(), response);
            RuleEvaluator.describe(rule.condition());
        }
    }
}
