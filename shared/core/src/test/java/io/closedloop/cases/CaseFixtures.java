package io.closedloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.sla.SlaEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Cases, responders, root causes and a second plan (covering modes YES and NO) shared by the case tests. */
final class CaseFixtures {

    static final Instant SUBMITTED = Instant.parse("2025-03-03T09:12:41Z");
    static final Instant OPENED = Instant.parse("2025-03-03T09:12:43Z");

    static final Responder ANA = new Responder("ana", "Ana Souza", "ana.souza@example.com", "pt-BR", "support-br", true, null);
    static final Responder BRUNO = new Responder("bruno", "Bruno Lima", "bruno.lima@example.com", "pt-BR", "support-sp", true, null);
    static final Responder DIANA = new Responder("diana", "Diana Costa", "diana.costa@example.com", "pt-BR", null, true, null);
    /** Alerted as a watcher, but the admin has not granted her the right to respond. */
    static final Responder CARLA = new Responder("carla", "Carla Mendes", "carla.mendes@example.com", "pt-BR", "support-br", false, null);
    static final Map<String, Responder> RESPONDERS = Map.of("ana", ANA, "bruno", BRUNO, "carla", CARLA, "diana", DIANA);

    static final Map<String, RootCause> ROOT_CAUSES = Map.of(
            "delivery", new RootCause("delivery", "Delivery", null),
            "late-delivery", new RootCause("late-delivery", "Late delivery", "delivery"),
            "damaged-parcel", new RootCause("damaged-parcel", "Damaged parcel", "delivery"),
            "orphan", new RootCause("orphan", "Orphan cause", "removed-category"));

    static final Actor ANA_ACTS = Actor.of(ANA);
    static final Actor CARLA_ACTS = Actor.of(CARLA);
    static final Actor CRM = Actor.api("k-crm-01");

    static final String REFUND = "refund";
    static final String REFUND_ISSUED = "refund-issued";
    static final String REFUND_REQUESTED = "refund-requested";
    static final String APOLOGY_LETTER = "apology-letter";
    static final String LETTER_SENT = "letter-sent";
    static final String VOUCHER = "goodwill-voucher";
    static final String VOUCHER_SENT = "voucher-sent";
    static final String VOUCHER_OFFERED = "voucher-offered";

    private CaseFixtures() {}

    /**
     * A plan with what seed 000 does not exercise: mode YES (refund), NO with a completing status (letter), and
     * OPERATOR_CHOOSES with a status that does not complete the action (voucher offered).
     */
    static ActionPlan complaintHandling() {
        PlanAction refund = new PlanAction(REFUND, "Refund the order", null, ClosesPlan.YES, false,
                List.of(new ActionStatus(REFUND_ISSUED, "Refund issued", true),
                        new ActionStatus(REFUND_REQUESTED, "Refund requested from finance", false)));
        PlanAction letter = new PlanAction(APOLOGY_LETTER, "Send an apology letter", null, ClosesPlan.NO, true,
                List.of(new ActionStatus(LETTER_SENT, "Letter sent", true)));
        PlanAction voucher = new PlanAction(VOUCHER, "Offer a goodwill voucher", null, ClosesPlan.OPERATOR_CHOOSES, true,
                List.of(new ActionStatus(VOUCHER_OFFERED, "Voucher offered, customer thinking it over", false),
                        new ActionStatus(VOUCHER_SENT, "Voucher sent", true)));
        return new ActionPlan("complaint-handling", 2, "Complaint handling", null, List.of(refund, letter, voucher),
                List.of(new ExitState("resolved", "Resolved"), new ExitState("unresolved", "Unresolved")));
    }

    /** A detractor from Brazil, as the Formbricks webhook delivers it. */
    static Response detractorResponse() {
        return new Response("formbricks-main", "resp_8f2k3j", "nps-2025", SUBMITTED,
                new Respondent("cust-40317", "joao.pereira@example.com", "João Pereira", "+55 11 91234-5678", "pt-BR"),
                new Score(ScoreType.NPS, 3), "A entrega atrasou duas semanas e ninguém respondeu no chat.",
                Map.of(), Map.of("country", "BR", "store", "sao-paulo-paulista"), 1);
    }

    /** A case as the ingest flow opens it: OPEN, version 1, one CASE_OPENED entry, plan just started. */
    static Case openCase(ActionPlan plan) {
        Response response = detractorResponse();
        return new Case.Builder(response.id().caseId())
                .version(1)
                .campaignId(response.campaignId())
                .response(response)
                .priority(Priority.HIGH)
                .assigneeId("ana")
                .teamId("support-br")
                .watcherIds(List.of("carla"))
                .opening(new Opening("detractors-br", 3, "Detractors in Brazil", List.of("score 3 ≤ 6", "country = BR"), "detractor"))
                .plan(plan == null ? null : PlanProgress.start(plan.id(), plan.version()))
                .sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, SUBMITTED, OPENED))
                .openedAt(OPENED)
                .append(OPENED, "system", ActivityType.CASE_OPENED, Map.of("ruleId", "detractors-br"))
                .build();
    }

    static Instant minutesAfterOpening(long minutes) {
        return OPENED.plus(Duration.ofMinutes(minutes));
    }

    static Case applied(CommandResult result) {
        assertThat(result).isInstanceOf(CommandResult.Applied.class);
        return ((CommandResult.Applied) result).updated();
    }

    static CaseError refused(CommandResult result) {
        assertThat(result).isInstanceOf(CaseError.class);
        return (CaseError) result;
    }

    /** The entries a command appended to {@code before}. */
    static List<Activity> appended(Case before, Case after) {
        return after.activitiesAfter(before.lastSeq());
    }
}
