package io.closedloop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ApiScope;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Campaign;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.Configuration;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.ExitState;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Goal;
import io.closedloop.config.PlanAction;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.config.TimeBasis;
import io.closedloop.config.WebhookFormat;
import io.closedloop.config.WorkingHours;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "pt-BR", null, true, null);
    private static final Configuration CONFIG = new Configuration(
            Map.of(), Map.of("nps-br", new Campaign("nps-br", "NPS Brazil", SeedPlans.RESOLUTION_FOR_DETRACTORS, null, null)), List.of(),
            Map.of("ana", ANA), Map.of("support", new Team("support", "Support", List.of("ana"), null, null, null)),
            List.of(SeedPlans.resolutionForDetractors()), Map.of(), Map.of(),
            Map.of("delivery", new RootCause("delivery", "Delivery", null), "late", new RootCause("late", "Late", "delivery")),
            Map.of(), List.of());

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static PlanAction action(String id, ClosesPlan closesPlan, ActionStatus... statuses) {
        return new PlanAction(id, "Action " + id, null, closesPlan, true, List.of(statuses));
    }

    @Test
    void actionPlan_seed000_isValid() {
        assertThat(ConfigValidator.actionPlan(SeedPlans.resolutionForDetractors())).isEmpty();
    }

    @Test
    void actionPlan_repeatedIdsAndAnActionThatCanNeverCloseThePlan_areNamed() {
        ActionPlan plan = new ActionPlan("p", 1, "Plan", null, List.of(
                action("call", ClosesPlan.YES, new ActionStatus("done", "Done", false), new ActionStatus("done", "Done again", false)),
                action("mail", ClosesPlan.NO, new ActionStatus("sent", "Sent", true))),
                List.of(new ExitState("closed", "Closed"), new ExitState("closed", "Closed too")));

        assertThat(fields(ConfigValidator.actionPlan(plan)))
                .containsExactly("actions[0].statuses[1].id", "actions[0].closesPlan", "exitStates[1].id");
    }

    @Test
    void actionPlan_withoutActions_orClosingWithoutExitStates_isRefused() {
        ActionPlan empty = new ActionPlan("p", 1, "Plan", null, List.of(), List.of());
        ActionPlan noExit = new ActionPlan("p", 1, "Plan", null,
                List.of(action("call", ClosesPlan.OPERATOR_CHOOSES, new ActionStatus("done", "Done", true))), List.of());
        ActionPlan neverCloses = new ActionPlan("p", 1, "Plan", null, List.of(action("mail", ClosesPlan.NO, new ActionStatus("sent", "Sent", true))), List.of());

        assertThat(fields(ConfigValidator.actionPlan(empty))).containsExactly("actions");
        assertThat(ConfigValidator.actionPlan(noExit)).singleElement()
                .isEqualTo(new FieldError("exitStates", "must hold at least one exit state: action call may close the plan"));
        assertThat(ConfigValidator.actionPlan(neverCloses)).isEmpty();
    }

    @Test
    void calendar_withoutHours_orOverlapping_isNamedByDay() {
        BusinessCalendar none = new BusinessCalendar("c", "Closed", ZoneId.of("Europe/Paris"), Map.of(), Set.of());
        BusinessCalendar overlapping = new BusinessCalendar("c", "Paris", ZoneId.of("Europe/Paris"), Map.of(DayOfWeek.TUESDAY, List.of(
                new WorkingHours(LocalTime.of(9, 0), LocalTime.of(12, 30)), new WorkingHours(LocalTime.of(12, 0), LocalTime.of(17, 0)))), Set.of());

        assertThat(fields(ConfigValidator.calendar(none))).containsExactly("week");
        assertThat(ConfigValidator.calendar(overlapping)).singleElement()
                .isEqualTo(new FieldError("week.TUESDAY", "has overlapping working hours 09:00–12:30 and 12:00–17:00"));
    }

    @Test
    void slaPolicy_fieldsAreCheckedBeforeTheEngine() {
        SlaPolicy policy = new SlaPolicy("p", "Policy", TimeBasis.BUSINESS, "nowhere", new SlaTargets(Duration.ofHours(-1), null),
                Map.of(), 0.75, List.of(new EscalationStep(EscalationTarget.MANAGER, "ana", Duration.ofHours(1)),
                        new EscalationStep(EscalationTarget.RESPONDER, "zoe", Duration.ofHours(-2))), false);
        SlaPolicy valid = new SlaPolicy("p", "Policy", TimeBasis.CALENDAR, null, new SlaTargets(Duration.ofHours(48), Duration.ofDays(5)),
                Map.of(), 0.75, List.of(new EscalationStep(EscalationTarget.RESPONDER, "ana", Duration.ZERO)), false);

        assertThat(fields(ConfigValidator.slaPolicy(policy, CONFIG))).containsExactly("targets.firstResponse", "calendarId",
                "escalations[0].responderId", "escalations[1].responderId", "escalations[1].after");
        assertThat(ConfigValidator.slaPolicy(valid, CONFIG)).isEmpty();
    }

    @Test
    void responderAndTeam_referencesAndShapes() {
        Responder responder = new Responder("bo", "Bo", "not-an-email", "portuguese please", "night", true, "paris");
        Team team = new Team("t", "Team", List.of("ana", "ana", "zoe"), "zoe", null, null);

        assertThat(fields(ConfigValidator.responder(responder, CONFIG))).containsExactly("email", "locale", "teamId", "calendarId");
        assertThat(fields(ConfigValidator.team(team, CONFIG))).containsExactly("memberIds[1]", "memberIds[2]", "leadId");
    }

    @Test
    void source_mappingKindsMustBeOnesTheFormatResolves() {
        Source source = new Source("s", "nps-br", WebhookFormat.DELIGHTED, List.of(), null, ScoreType.NPS, null,
                new FieldMapping(Map.of("email", "property:email", "nickname", "property:nick"), Map.of("store", "hidden:store", "tier", "plain")), true);

        List<FieldError> errors = ConfigValidator.source(source, CONFIG);

        assertThat(fields(errors)).containsExactlyInAnyOrder("mapping.respondent.nickname", "mapping.attributes.store", "mapping.attributes.tier");
        assertThat(errors).contains(new FieldError("mapping.attributes.store", "hidden is not a reference kind of DELIGHTED: use one of answer, meta, property"));
    }

    @Test
    void campaign_needsAnExistingPlanAndASensibleGoal() {
        Campaign campaign = new Campaign("c", "Campaign", "no-plan", "no-policy", new Goal(0, Duration.ofHours(24)));

        assertThat(fields(ConfigValidator.campaign(campaign, CONFIG))).containsExactly("actionPlanId", "slaPolicyId", "goal.share");
    }

    @Test
    void campaign_acknowledgement_delaysLanguagesAndPlaceholdersAreChecked() {
        var ack = new io.closedloop.config.Acknowledgement(-1, null, 20000, null, "de", java.util.List.of(
                new io.closedloop.config.Acknowledgement.MailTemplate("en", null, "Thanks {name}", "Hello {firstName},\nthanks."),
                new io.closedloop.config.Acknowledgement.MailTemplate("en", null, "Again", "Twice"),
                new io.closedloop.config.Acknowledgement.MailTemplate("xx", null, " ", "Text")));
        Campaign campaign = new Campaign("c", "Campaign", CONFIG.actionPlans().getFirst().id(), null, null, null, ack);

        assertThat(fields(ConfigValidator.campaign(campaign, CONFIG))).containsExactlyInAnyOrder("acknowledgement.detractorMinutes",
                "acknowledgement.promoterMinutes", "acknowledgement.defaultLocale", "acknowledgement.templates[0].subject",
                "acknowledgement.templates[1]", "acknowledgement.templates[2].locale", "acknowledgement.templates[2].subject");
        var fine = new io.closedloop.config.Acknowledgement(30, 0, null, "Loja Azul", "fr", java.util.List.of(
                new io.closedloop.config.Acknowledgement.MailTemplate("fr", null, "Merci {firstName}", "Bonjour,\n\n{owner} — {company}")));
        assertThat(ConfigValidator.campaign(new Campaign("c", "Campaign", CONFIG.actionPlans().getFirst().id(), null, null, null, fine), CONFIG))
                .isEmpty();
    }

    @Test
    void rootCause_isACategoryOrACauseUnderACategory() {
        assertThat(ConfigValidator.rootCause(new RootCause("price", "Price", null), CONFIG)).isEmpty();
        assertThat(ConfigValidator.rootCause(new RootCause("slow", "Slow", "delivery"), CONFIG)).isEmpty();
        assertThat(fields(ConfigValidator.rootCause(new RootCause("slow", "Slow", "late"), CONFIG))).containsExactly("parentId");
        assertThat(fields(ConfigValidator.rootCause(new RootCause("slow", "Slow", "slow"), CONFIG))).containsExactly("parentId");
        assertThat(fields(ConfigValidator.rootCause(new RootCause("slow", "Slow", "gone"), CONFIG))).containsExactly("parentId");
    }

    @Test
    void apiKey_needsScopes_knownCampaigns_andAnUnlimitedAdmin() {
        assertThat(fields(ConfigValidator.apiKey("CRM", Set.of(), Set.of("nps-xx"), CONFIG))).containsExactly("scopes", "campaignIds");
        assertThat(fields(ConfigValidator.apiKey("Admin", Set.of(ApiScope.ADMIN), Set.of("nps-br"), CONFIG))).containsExactly("scopes");
        assertThat(ConfigValidator.apiKey("CRM", Set.of(ApiScope.CASES_READ), Set.of("nps-br"), CONFIG)).isEmpty();
    }
}
