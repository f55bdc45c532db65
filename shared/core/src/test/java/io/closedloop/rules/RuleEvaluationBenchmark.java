package io.closedloop.rules;

import io.closedloop.config.Priority;
import io.closedloop.domain.Category;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warm-path cost of rule evaluation: 50 rules of one campaign against a 2 KB response. A plain harness (not a test:
 * tests never measure time); the command that runs it is in docs/rules.md.
 */
public final class RuleEvaluationBenchmark {

    static final String CAMPAIGN = "nps-2025";
    private static final String[] COUNTRIES = {"BR", "PT", "US", "DE", "FR", "ES", "MX", "AR", "CL", "CO"};

    private RuleEvaluationBenchmark() {}

    /** 50 rules in the shapes admins write: country bands, store lookups, text alerts, triage, nested groups. */
    static List<Rule> fiftyRules() {
        List<Rule> rules = new ArrayList<>();
        RuleOutcome outcome = new RuleOutcome(true, Priority.HIGH,
                List.of(new PriorityOverride(new Condition.Attribute("accountValue", AttributeOp.GT, List.of("100000")), Priority.URGENT)),
                new Assignment.Fixed("ana"), "fiona", null, true, List.of("fiona"), "detractor-recovery");
        RuleOutcome watchOnly = new RuleOutcome(false, null, null, null, null, null, false, List.of("jules"), null);
        for (int i = 0; i < 50; i++) {
            String country = COUNTRIES[i % COUNTRIES.length];
            Condition condition = switch (i % 5) {
                case 0 -> new Condition.All(List.of(new Condition.ScoreBetween(ScoreType.NPS, 0, 6),
                        new Condition.Attribute("country", AttributeOp.EQ, List.of(country))));
                case 1 -> new Condition.All(List.of(new Condition.CategoryIn(ScoreType.NPS, Set.of(Category.PASSIVE)),
                        new Condition.Attribute("store", AttributeOp.IN, List.of("0" + i, "1" + i, "2" + i))));
                case 2 -> new Condition.All(List.of(new Condition.CommentPresent(true),
                        new Condition.TextContains("comment", "keyword" + i)));
                case 3 -> new Condition.Any(List.of(
                        new Condition.All(List.of(new Condition.Attribute("segment", AttributeOp.CONTAINS, List.of("tier" + i)),
                                new Condition.Attribute("accountValue", AttributeOp.GTE, List.of(String.valueOf(1_000_000 + i))))),
                        new Condition.Not(new Condition.Attribute("language", AttributeOp.EXISTS, List.of()))));
                default -> new Condition.All(List.of(new Condition.CategoryIn(null, Set.of(Category.PROMOTER)),
                        new Condition.TextContains("answer:q" + i, "recommend")));
            };
            rules.add(new Rule("rule-" + i, 1, CAMPAIGN, "Rule " + i, 1000 - i, true, condition, i % 7 == 6 ? watchOnly : outcome));
        }
        return List.copyOf(rules);
    }

    /** A detractor from Brazil with a 1.5 KB comment and a dozen attributes and answers: about 2 KB of data. */
    static Response twoKilobyteResponse(int score) {
        StringBuilder comment = new StringBuilder();
        while (comment.length() < 1500) {
            comment.append("A entrega chegou com três dias de atraso e ninguém do suporte respondeu aos meus e-mails. ");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("country", "BR");
        attributes.put("store", "042");
        attributes.put("segment", "Enterprise EMEA");
        attributes.put("accountValue", "250000");
        attributes.put("language", "pt-BR");
        attributes.put("plan", "premium");
        attributes.put("channel", "email");
        attributes.put("region", "LATAM");
        Map<String, String> answers = new LinkedHashMap<>();
        for (int q = 0; q < 6; q++) {
            answers.put("q" + q, "Answer number " + q + " about delivery, support and billing.");
        }
        return new Response("typeform-main", "resp-2kb", CAMPAIGN, Instant.parse("2025-03-14T09:26:53Z"),
                new Respondent("cust-1", "maria@example.com", "Maria Silva", null, "pt-BR"),
                new Score(ScoreType.NPS, score), comment.toString(), answers, attributes, 1);
    }

    public static void main(String[] args) {
        List<Rule> rules = fiftyRules();
        Response detractor = twoKilobyteResponse(3);
        Response passive = twoKilobyteResponse(8);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 2_000_000; i++) {
            sink += RuleEvaluator.evaluate(rules, (i & 1) == 0 ? detractor : passive).matches().size();
        }
        int iterations = 200_000;
        for (Response response : List.of(detractor, passive)) {
            double[] micros = new double[7];
            long bytes = 0;
            for (int round = 0; round < micros.length; round++) {
                long bytesBefore = threads.getCurrentThreadAllocatedBytes();
                // CPU time of this thread, so that other processes on a busy machine do not inflate the figure
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < iterations; i++) {
                    sink += RuleEvaluator.evaluate(rules, response).matches().size();
                }
                micros[round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / iterations;
                bytes = (threads.getCurrentThreadAllocatedBytes() - bytesBefore) / iterations;
            }
            Arrays.sort(micros);
            System.out.printf("NPS %d, %d of 50 rules match: median %.2f µs (best %.2f) CPU and %d bytes allocated per evaluation%n",
                    response.score().value(), RuleEvaluator.evaluate(rules, response).matches().size(),
                    micros[micros.length / 2], micros[0], bytes);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
