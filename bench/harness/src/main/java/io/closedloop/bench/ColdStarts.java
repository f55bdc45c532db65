package io.closedloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Fresh JVMs on a function's own artifact, with the Lambda runtime's flags and the function's environment: one JVM
 * per measurement, the in-JVM runner (bench-floor's {@code ColdStartRunner}) next to the artifact on the class path.
 */
final class ColdStarts {

    /**
     * What to start: an artifact, its handler, its environment, the events of one run (first + warm ones), and the
     * status the first invocation must answer (0: not an HTTP function).
     */
    record Target(String name, Path artifact, String handler, Map<String, String> environment, IntFunction<List<String>> events,
            int expectedStatus) {}

    private static final String RUNNER = "io.closedloop.bench.runner.ColdStartRunner";

    private final Path runnerJar;
    private final Path workDir;

    ColdStarts(Path runnerJar, Path workDir) {
        this.runnerJar = runnerJar;
        this.workDir = workDir;
    }

    /**
     * @param mode "cold" (on-demand flags, no priming) or "primed" (SnapStart flags, the SnapStart hooks run before the
     *     first invocation, as a restored snapshot has them)
     * @return every run's figures and their medians
     */
    ObjectNode measure(Target target, String mode, int runs, int warmInvocations) throws IOException, InterruptedException {
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (int run = 0; run < runs; run++) {
            all.add(once(target, mode, run, warmInvocations));
        }
        ObjectNode result = Json.object();
        result.put("target", target.name());
        result.put("mode", mode);
        result.set("median", medians(all));
        result.set("runs", all);
        return result;
    }

    private JsonNode once(Target target, String mode, int run, int warmInvocations) throws IOException, InterruptedException {
        String tag = target.name() + "-" + mode + "-" + run;
        Path events = workDir.resolve(tag + ".events.jsonl");
        Path result = workDir.resolve(tag + ".result.json");
        Path log = workDir.resolve(tag + ".log");
        Files.write(events, target.events().apply(warmInvocations + 1), StandardCharsets.UTF_8);
        Files.deleteIfExists(result);

        List<String> command = new ArrayList<>();
        command.add(LambdaJvm.java().toString());
        command.addAll(mode.equals("primed") ? LambdaJvm.snapStartFlags() : LambdaJvm.onDemandFlags());
        command.addAll(List.of("-cp", target.artifact() + ":" + runnerJar, RUNNER));
        ProcessBuilder builder = new ProcessBuilder();
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("JAVA_TOOL") || name.startsWith("JDK_JAVA"));
        environment.putAll(target.environment());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());

        long launchedAt = System.currentTimeMillis();
        command.addAll(List.of(Long.toString(launchedAt), target.handler(), events.toString(), mode, result.toString()));
        builder.command(command);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tag + " did not finish in 180 s; see " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new IllegalStateException(tag + " failed (exit " + process.exitValue() + "); see " + log + ":\n" + tail(log));
        }
        JsonNode figures = Json.tree(Files.readAllBytes(result));
        int status = figures.path("firstStatus").asInt();
        if (status != target.expectedStatus()) {
            throw new IllegalStateException(tag + ": the first invocation answered " + status + ", not " + target.expectedStatus() + "; see " + log);
        }
        return figures;
    }

    private static ObjectNode medians(ArrayNode runs) {
        ObjectNode medians = Json.object();
        Iterator<String> names = runs.get(0).fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!runs.get(0).get(name).isNumber()) {
                continue;
            }
            double[] values = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                values[i] = runs.get(i).path(name).asDouble();
            }
            medians.put(name, Stats.median(values));
        }
        return medians;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
