package io.closedloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Ratios against the floor and the baseline, the targets, and the Markdown table of a results file. */
final class Report {

    private Report() {}

    static void addRatios(ObjectNode report) {
        JsonNode floorCold = find(report.path("cold"), "floor").path("median");
        JsonNode baselineCold = find(report.path("cold"), "baseline-ingest").path("median");
        for (JsonNode result : report.path("cold")) {
            JsonNode median = result.path("median");
            ObjectNode ratios = ((ObjectNode) result).putObject("ratios");
            ratios.put("initPlusFirstVsFloor", median.path("initPlusFirstMs").asDouble() / floorCold.path("initPlusFirstMs").asDouble());
            ratios.put("initPlusFirstVsBaseline", median.path("initPlusFirstMs").asDouble() / baselineCold.path("initPlusFirstMs").asDouble());
        }
        for (JsonNode result : report.path("primed")) {
            JsonNode median = result.path("median");
            ObjectNode ratios = ((ObjectNode) result).putObject("ratios");
            ratios.put("firstAfterPrimingVsWarmMedian", median.path("firstInvocationMs").asDouble() / median.path("warmMedianMs").asDouble());
        }
        double floorWarm = 0;
        for (JsonNode warm : report.path("warm")) {
            if (warm.path("benchmark").asText().startsWith("FloorBenchmark")) {
                floorWarm = warm.path("microsPerInvocation").asDouble();
            }
        }
        for (JsonNode warm : report.path("warm")) {
            ((ObjectNode) warm).put("vsFloor", warm.path("microsPerInvocation").asDouble() / floorWarm);
        }

        ObjectNode targets = report.putObject("targets");
        JsonNode ingestCold = find(report.path("cold"), "ingest");
        target(targets, "ingestColdVsBaseline", ingestCold.path("ratios").path("initPlusFirstVsBaseline").asDouble(), 0.4, true);
        JsonNode ingestPrimed = find(report.path("primed"), "ingest");
        target(targets, "ingestFirstAfterPrimingVsWarmMedian", ingestPrimed.path("ratios").path("firstAfterPrimingVsWarmMedian").asDouble(), 2.0, true);
        double ingestWarm = Double.NaN;
        for (JsonNode warm : report.path("warm")) {
            if (warm.path("benchmark").asText().equals("IngestBenchmark.invoke format=generic")) {
                ingestWarm = warm.path("microsPerInvocation").asDouble();
            }
        }
        target(targets, "ingestWarmMicros", ingestWarm, 25, true);
        target(targets, "throughputVsRawWrites", report.path("throughput").path("ratio").asDouble(), 0.7, false);
        target(targets, "newResponseWriteUnits", report.path("capacity").path("newResponseWriteUnits").asDouble(), 1, true);
    }

    private static void target(ObjectNode targets, String name, double value, double limit, boolean atMost) {
        ObjectNode t = targets.putObject(name);
        t.put("value", value);
        t.put(atMost ? "atMost" : "atLeast", limit);
        t.put("met", atMost ? value <= limit : value >= limit);
    }

    static JsonNode find(JsonNode results, String target) {
        for (JsonNode result : results) {
            if (result.path("target").asText().equals(target)) {
                return result;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(report.path("command").asText()).append("` — ").append(report.path("date").asText())
                .append(" — ").append(report.path("machine").path("cpus").asInt()).append(" × ").append(report.path("machine").path("cpuModel").asText())
                .append(", ").append(report.path("machine").path("memory").asText()).append(", ").append(report.path("machine").path("jdk").asText())
                .append(" — medians of ").append(report.path("coldRunsPerFigure").asInt()).append(" fresh JVMs\n\n");

        md.append("Cold start (on-demand flags, no snapshot), ms:\n\n");
        md.append("| function | JVM start → handler constructed | first invocation | init + first | × floor | × baseline | classes loaded | RSS MB | warm median (with I/O) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : report.path("cold")) {
            JsonNode m = r.path("median");
            md.append("| ").append(r.path("target").asText())
                    .append(" | ").append(f(m.path("initMs").asDouble(), 0))
                    .append(" | ").append(f(m.path("firstInvocationMs").asDouble(), 0))
                    .append(" | ").append(f(m.path("initPlusFirstMs").asDouble(), 0))
                    .append(" | ").append(f(r.path("ratios").path("initPlusFirstVsFloor").asDouble(), 2))
                    .append(" | ").append(f(r.path("ratios").path("initPlusFirstVsBaseline").asDouble(), 2))
                    .append(" | ").append(f(m.path("classesLoaded").asDouble(), 0))
                    .append(" | ").append(f(m.path("rssKb").asDouble() / 1024, 0))
                    .append(" | ").append(f(m.path("warmMedianMs").asDouble(), 2)).append(" |\n");
        }
        md.append("\nAfter priming (SnapStart flags; the SnapStart hooks ran before the first invocation), ms:\n\n");
        md.append("| function | priming | first invocation after priming | warm median (same JVM, with I/O) | first ÷ warm median | classes loaded |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : report.path("primed")) {
            JsonNode m = r.path("median");
            md.append("| ").append(r.path("target").asText())
                    .append(" | ").append(f(m.path("primeMs").asDouble(), 0))
                    .append(" | ").append(f(m.path("firstInvocationMs").asDouble(), 2))
                    .append(" | ").append(f(m.path("warmMedianMs").asDouble(), 2))
                    .append(" | ").append(f(r.path("ratios").path("firstAfterPrimingVsWarmMedian").asDouble(), 2))
                    .append(" | ").append(f(m.path("classesLoaded").asDouble(), 0)).append(" |\n");
        }
        md.append("\nWarm CPU per invocation, I/O excluded (JMH, SnapStart flags), µs:\n\n");
        md.append("| benchmark | µs per invocation | ± (99.9 %) | × floor |\n|---|---:|---:|---:|\n");
        for (JsonNode w : report.path("warm")) {
            md.append("| ").append(w.path("benchmark").asText())
                    .append(" | ").append(f(w.path("microsPerInvocation").asDouble(), 2))
                    .append(" | ").append(f(w.path("error").asDouble(), 2))
                    .append(" | ").append(f(w.path("vsFloor").asDouble(), 1)).append(" |\n");
        }
        JsonNode t = report.path("throughput");
        md.append("\nThroughput (local stack over loopback HTTP vs raw DynamoDB Local PutItem, ").append(t.path("requests").asInt())
                .append(" calls each at concurrency ").append(t.path("concurrency").asInt()).append("):\n\n");
        md.append("| what | per second | p50 ms | p90 ms | p99 ms | failed |\n|---|---:|---:|---:|---:|---:|\n");
        for (String phase : new String[] {"ingestOverHttp", "rawPutItem"}) {
            JsonNode p = t.path(phase);
            md.append("| ").append(phase).append(" | ").append(f(p.path("perSecond").asDouble(), 0))
                    .append(" | ").append(f(p.path("p50Ms").asDouble(), 1))
                    .append(" | ").append(f(p.path("p90Ms").asDouble(), 1))
                    .append(" | ").append(f(p.path("p99Ms").asDouble(), 1))
                    .append(" | ").append(p.path("failed").asInt()).append(" |\n");
        }
        md.append("\nIngest requests/s × write calls per request ÷ raw writes/s = ").append(f(t.path("ratio").asDouble(), 2)).append("\n");

        md.append("\nDeployment artifacts:\n\n| artifact | jar KB | unpacked KB | classes |\n|---|---:|---:|---:|\n");
        report.path("artifacts").properties().forEach(e -> md.append("| ").append(e.getKey())
                .append(" | ").append(f(e.getValue().path("bytes").asDouble() / 1024, 0))
                .append(" | ").append(f(e.getValue().path("unpackedBytes").asDouble() / 1024, 0))
                .append(" | ").append(e.getValue().path("classes").asInt()).append(" |\n"));

        md.append("\nCapacity: ").append(report.path("capacity").toString()).append("\n");
        md.append("\nTargets:\n\n| target | value | limit | met |\n|---|---:|---:|---|\n");
        report.path("targets").properties().forEach(e -> md.append("| ").append(e.getKey())
                .append(" | ").append(f(e.getValue().path("value").asDouble(), 2))
                .append(" | ").append(e.getValue().has("atMost") ? "≤ " + f(e.getValue().path("atMost").asDouble(), 2) : "≥ " + f(e.getValue().path("atLeast").asDouble(), 2))
                .append(" | ").append(e.getValue().path("met").asBoolean() ? "yes" : "**no**").append(" |\n"));
        md.append("\nTotal time: ").append(f(report.path("elapsedSeconds").asDouble(), 0)).append(" s\n");
        return md.toString();
    }

    private static String f(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
