package io.closedloop.bench.warm;

import io.closedloop.config.Configuration;
import io.closedloop.domain.Response;
import io.closedloop.rules.Evaluation;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleEvaluator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The processor's rule evaluation: the campaign's 50 rules against a 2 KB response (a detractor, a passive). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulesBenchmark {

    @Param({"3", "8"})
    public int score;

    private List<Rule> rules;
    private Response response;

    @Setup
    public void setUp() {
        Configuration config = WarmSupport.wiring().cache().current();
        rules = config.rulesOf(WarmSupport.CAMPAIGN);
        if (rules.size() != 50) {
            throw new IllegalStateException("expected 50 rules, found " + rules.size());
        }
        response = WarmSupport.response(score);
    }

    @Benchmark
    public Evaluation evaluate() {
        return RuleEvaluator.evaluate(rules, response);
    }
}
