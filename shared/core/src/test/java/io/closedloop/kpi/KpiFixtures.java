package io.closedloop.kpi;

import io.closedloop.app.Change;
import io.closedloop.cases.Actor;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.CommandResult;
import io.closedloop.cases.Opening;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Goal;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Team;
import io.closedloop.config.TimeBasis;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.sla.SlaEngine;
import io.closedloop.sla.SlaEvent;
import io.closedloop.sla.SlaUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real responses and cases for the KPI tests: cases are changed by {@link CaseCommands} and their SLA clock by
 * {@link SlaEngine}, the way the use-case layer does it (a breach the engine reports is logged as SLA_BREACHED).
 */
final class KpiFixtures {

    static final String CAMPAIGN = "nps-2025";
    static final Instant SUBMITTED = Instant.parse("2025-03-03T09:12:41Z");
    static final Instant OPENED = Instant.parse("2025-03-03T09:12:43Z");

    /** 48 h to the first response, 72 h to resolve. */
    static final SlaPolicy POLICY = new SlaPolicy("standard", "48 h first response, 72 h resolution", TimeBasis.CALENDAR, null,
            new SlaTargets(Duration.ofHours(48), Duration.ofHours(72)), Map.of(), 0.75, List.of(), false);

    static final Responder ANA = new Responder("ana", "Ana Souza", "ana.souza@example.com", "pt-BR", "support-br", true, null);
    static final Responder BRUNO = new Responder("bruno", "Bruno Lima", "bruno.lima@example.com", "pt-BR", "support-sp", true, null);
    static final ActionPlan PLAN = SeedPlans.resolutionForDetractors();
    static final Goal GOAL = new Goal(0.85, Duration.ofHours(24));

    static final Configuration CONFIG = new Configuration(
            Map.of(),
            Map.of(CAMPAIGN, new Campaign(CAMPAIGN, "NPS 2025", PLAN.id(), POLICY.id(), GOAL)),
            List.of(),
            Map.of("ana", ANA, "bruno", BRUNO),
            Map.of("support-br", new Team("support-br", "Support Brazil", List.of("ana"), null, null, null),
                    "support-sp", new Team("support-sp", "Support São Paulo", List.of("bruno"), null, null, null)),
            List.of(PLAN),
            Map.of(POLICY.id(), POLICY),
            Map.of(),
            Map.of("delivery", new RootCause("delivery", "Delivery", null),
                    "late-delivery", new RootCause("late-delivery", "Late delivery", "delivery"),
                    "damaged-parcel", new RootCause("damaged-parcel", "Damaged parcel", "delivery")),
            Map.of(),
            List.of());

    private static final Actor ANA_ACTS = Actor.of(ANA);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private KpiFixtures() {}

    static Response response(String externalId, Instant submittedAt, Score score) {
        return new Response("formbricks-main", externalId, CAMPAIGN, submittedAt,
                new Respondent("cust-" + externalId, "joao.pereira@example.com", "João Pereira", "+55 11 91234-5678", "pt-BR"),
                score, "A entrega atrasou duas semanas e ninguém respondeu no chat.", Map.of(),
                Map.of("country", "BR", "store", "sao-paulo-paulista"), 1);
    }

    static Score nps(int value) {
        return new Score(ScoreType.NPS, value);
    }

    /** A detractor's case as the ingest flow opens it: assigned to Ana (team support-br), SLA clock started. */
    static Case opened(String externalId, Instant submittedAt, Instant openedAt) {
        Response response = response(externalId, submittedAt, nps(3));
        return new Case.Builder(response.id().caseId())
                .version(1)
                .campaignId(CAMPAIGN)
                .response(response)
                .priority(Priority.HIGH)
                .assigneeId("ana")
                .teamId("support-br")
                .opening(new Opening("detractors-br", 3, "Detractors in Brazil", List.of("score 3 ≤ 6"), "detractor"))
                .plan(PlanProgress.start(PLAN.id(), PLAN.version()))
                .sla(SlaEngine.start(POLICY, Priority.HIGH, null, submittedAt, openedAt))
                .openedAt(openedAt)
                .append(openedAt, "system", ActivityType.CASE_OPENED, Map.of("ruleId", "detractors-br"))
                .build();
    }

    static Case opened() {
        return opened("resp_8f2k3j", SUBMITTED, OPENED);
    }

    static Instant hoursAfterOpening(double hours) {
        return OPENED.plus(Duration.ofSeconds(Math.round(hours * 3600)));
    }

    /** A note: the first one is the first response (SLA window stopped). */
    static Case note(Case current, Instant at) {
        Case updated = applied(CaseCommands.addNote(current, ANA_ACTS, new CaseCommand.AddNote("Called the customer."), at));
        return withSla(updated, SlaEngine.firstResponse(updated.sla(), at), at);
    }

    /** Closes the plan (and the case) with the exit state "closed". */
    static Case close(Case current, Instant at) {
        Case updated = applied(CaseCommands.closePlan(current, PLAN, ANA_ACTS, new CaseCommand.ClosePlan(SeedPlans.CLOSED), at));
        return withSla(updated, SlaEngine.resolved(updated.sla(), at), at);
    }

    static Case reopen(Case current, Instant at) {
        Case updated = applied(CaseCommands.reopen(current, ANA_ACTS, new CaseCommand.Reopen("Customer called back"), at));
        return updated.toBuilder().sla(SlaEngine.reopened(updated.sla(), POLICY, updated.priority(), null, at)).build();
    }

    static Case rootCause(Case current, String rootCauseId, Instant at) {
        return applied(CaseCommands.setRootCause(current, CONFIG.rootCauses(), ANA_ACTS, new CaseCommand.SetRootCause(rootCauseId), at));
    }

    static Case reassignToBruno(Case current, Instant at) {
        return applied(CaseCommands.reassign(current, CONFIG.responders(), ANA_ACTS, new CaseCommand.Reassign("bruno"), at));
    }

    /** The scheduled check at {@code now}: records what is due (breaches logged), version + 1 when anything was. */
    static Case check(Case current, Instant now) {
        SlaUpdate update = SlaEngine.due(current.sla(), POLICY, now);
        if (update.events().isEmpty()) {
            return current;
        }
        return withSla(current.toBuilder().version(current.version() + 1).build(), update, now);
    }

    private static Case withSla(Case updated, SlaUpdate update, Instant at) {
        Case.Builder next = updated.toBuilder().sla(update.clock());
        for (SlaEvent event : update.events()) {
            if (event instanceof SlaEvent.Breach breach) {
                next.append(at, "system", ActivityType.SLA_BREACHED, Map.of("target", breach.target().slug(), "reason", breach.reason()));
            }
        }
        return next.build();
    }

    static Case applied(CommandResult result) {
        return result.applied().orElseThrow(() -> new AssertionError("refused: " + result.error().orElseThrow()));
    }

    static Change.CaseChange change(Case before, Case after) {
        return new Change.CaseChange(Long.toString(SEQUENCE.incrementAndGet()), before, after);
    }

    static Change.ResponseChange change(Response before, Response after) {
        return new Change.ResponseChange(Long.toString(SEQUENCE.incrementAndGet()), before, after);
    }
}
