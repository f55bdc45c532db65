package io.closedloop.app;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.Opening;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import io.closedloop.sla.SlaEngine;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the functions' SnapStart priming runs on: in-memory values shaped like real ones (a detractor's response, its
 * case, a responder, a throw-away link key), so the real code paths load and warm up before the snapshot without
 * touching stored data. A failing step is logged and skipped: priming must never stop a function from starting.
 */
public final class Priming {

    public static final String ID = "snapstart-priming";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Priming() {}

    public static void step(String name, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            Log.warn("priming step failed", Map.of("step", name, "error", Failures.describe(e)));
        }
    }

    /** A random key that exists only in memory: nothing it signs is valid anywhere. */
    public static LinkKey linkKey(Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new LinkKey(ID, secret, now, false);
    }

    public static Responder responder() {
        return new Responder(ID, "Priming", "priming@example.invalid", "en", null, true, null);
    }

    public static ActionPlan plan() {
        return SeedPlans.resolutionForDetractors();
    }

    public static Response detractor(Instant submittedAt) {
        return new Response(ID, ID, ID, submittedAt, new Respondent(ID, "priming@example.invalid", "Priming", null, "en"),
                new Score(ScoreType.NPS, 3), "Priming.", Map.of("q1", "a"), Map.of("country", "BR"), 0);
    }

    /** The case a detractor submitted at {@code openedAt} opens: assigned to {@link #responder()}, plan and SLA started. */
    public static Case detractorCase(Instant openedAt) {
        Response response = detractor(openedAt);
        ActionPlan plan = plan();
        return new Case.Builder(response.id().caseId()).version(1).campaignId(ID).response(response).priority(Priority.HIGH)
                .assigneeId(responder().id()).opening(new Opening(ID, 1, "Priming", List.of("score 3 (NPS) in 0–6"), ID))
                .plan(PlanProgress.start(plan.id(), plan.version()))
                .sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, openedAt, openedAt)).openedAt(openedAt)
                .append(openedAt, "system", ActivityType.CASE_OPENED, Map.of("ruleId", ID)).build();
    }
}
