package io.closedloop.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.closedloop.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The warm benchmarks (JMH): CPU per invocation with the I/O taken out, in a forked JVM with the SnapStart flags
 * (default tiered compilation, serial GC, the function's heap).
 */
final class Warm {

    private Warm() {}

    static ArrayNode run(boolean quick) throws RunnerException {
        List<String> jvm = new ArrayList<>(LambdaJvm.snapStartFlags());
        Options options = new OptionsBuilder()
                .include("io\\.closedloop\\.bench\\.warm\\..*Benchmark")
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.milliseconds(quick ? 300 : 2000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
                .timeUnit(TimeUnit.MICROSECONDS)
                .jvmArgs(jvm.toArray(String[]::new))
                .shouldFailOnError(true)
                .build();
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (RunResult result : new Runner(options).run()) {
            var params = result.getParams();
            StringBuilder name = new StringBuilder(params.getBenchmark().replace("io.closedloop.bench.warm.", ""));
            for (String key : params.getParamsKeys()) {
                name.append(' ').append(key).append('=').append(params.getParam(key));
            }
            var primary = result.getPrimaryResult();
            var node = results.addObject();
            node.put("benchmark", name.toString());
            node.put("microsPerInvocation", primary.getScore());
            node.put("error", primary.getScoreError());
            node.put("unit", primary.getScoreUnit());
        }
        return results;
    }
}
