package io.closedloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.domain.Response;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluation must stay allocation-light: counted in bytes by the JVM, never timed. */
class RuleEvaluationAllocationTest {

    private static long allocatedPerEvaluation(List<Rule> rules, Response response, int evaluations) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < evaluations; i++) {
            sink += RuleEvaluator.evaluate(rules, response).matches().size();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < evaluations; i++) {
            sink += RuleEvaluator.evaluate(rules, response).matches().size();
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        assertThat(sink).isNotNegative();
        return (after - before) / evaluations;
    }

    @Test
    void evaluate_fiftyRulesWithoutTextSearch_allocatesOnlyPerEvaluationNotPerRule() {
        List<Rule> rules = RuleEvaluationBenchmark.fiftyRules().stream()
                .filter(rule -> !RuleEvaluator.describe(rule.condition()).contains(" contains \"keyword"))
                .filter(rule -> !RuleEvaluator.describe(rule.condition()).contains("answer "))
                .toList();
        Response passive = RuleEvaluationBenchmark.twoKilobyteResponse(8);

        assertThat(rules).hasSize(30);
        assertThat(RuleEvaluator.evaluate(rules, passive).matches()).isEmpty();
        assertThat(allocatedPerEvaluation(rules, passive, 20_000)).isLessThan(64);
    }

    @Test
    void evaluate_commentSearches_lowerCaseTheCommentOnce() {
        List<Rule> textRules = RuleEvaluationBenchmark.fiftyRules().stream()
                .filter(rule -> RuleEvaluator.describe(rule.condition()).contains("comment contains"))
                .toList();
        Response passive = RuleEvaluationBenchmark.twoKilobyteResponse(8);
        int commentLength = passive.comment().length();

        assertThat(textRules).hasSize(10);
        assertThat(allocatedPerEvaluation(textRules, passive, 5_000)).isLessThan(commentLength + 200L);
    }
}
