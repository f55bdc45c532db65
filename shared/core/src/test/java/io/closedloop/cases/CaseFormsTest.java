package io.closedloop.cases;

import static io.closedloop.cases.CaseFixtures.ANA_ACTS;
import static io.closedloop.cases.CaseFixtures.APOLOGY_LETTER;
import static io.closedloop.cases.CaseFixtures.CARLA_ACTS;
import static io.closedloop.cases.CaseFixtures.CRM;
import static io.closedloop.cases.CaseFixtures.REFUND;
import static io.closedloop.cases.CaseFixtures.REFUND_ISSUED;
import static io.closedloop.cases.CaseFixtures.REFUND_REQUESTED;
import static io.closedloop.cases.CaseFixtures.VOUCHER;
import static io.closedloop.cases.CaseFixtures.applied;
import static io.closedloop.cases.CaseFixtures.complaintHandling;
import static io.closedloop.cases.CaseFixtures.minutesAfterOpening;
import static io.closedloop.cases.CaseFixtures.openCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.CaseForms.ActionChoice;
import io.closedloop.cases.CaseForms.CloseQuestion;
import io.closedloop.cases.CaseForms.Form;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFormsTest {

    private static final ActionPlan SEED = SeedPlans.resolutionForDetractors();
    private static final ActionPlan COMPLAINTS = complaintHandling();
    private static final Instant NOW = minutesAfterOpening(10);

    private static PlanAction action(ActionPlan plan, String id) {
        return plan.action(id).orElseThrow();
    }

    private static ActionStatus status(ActionPlan plan, String actionId, String statusId) {
        return action(plan, actionId).status(statusId).orElseThrow();
    }

    @Test
    void actionChoices_seedPlan_offersBothActionsWithTheirStatusesCommentAndCloseQuestion() {
        assertThat(CaseForms.actionChoices(openCase(SEED), SEED)).satisfiesExactly(
                email -> {
                    assertThat(email.action().id()).isEqualTo(SeedPlans.SEND_AN_EMAIL);
                    assertThat(email.statuses()).extracting(ActionStatus::name).containsExactly(
                            "email sent – request to return to the store", "email sent – request to call customer service");
                    assertThat(email.commentAllowed()).isTrue();
                    assertThat(email.closeQuestion()).isEqualTo(CloseQuestion.NONE);
                },
                call -> {
                    assertThat(call.action().id()).isEqualTo(SeedPlans.CALL_THE_CUSTOMER);
                    assertThat(call.statuses()).extracting(ActionStatus::name).containsExactly(
                            "Response – solution found", "Response – still dissatisfied – escalation management",
                            "No response – message");
                    assertThat(call.commentAllowed()).isTrue();
                    assertThat(call.closeQuestion()).isEqualTo(CloseQuestion.CHOICE_AND_EXIT_STATE);
                });
    }

    @Test
    void selectableActions_completedAction_isNoLongerOffered() {
        Case lettered = applied(CaseCommands.takeAction(openCase(COMPLAINTS), COMPLAINTS, ANA_ACTS,
                new CaseCommand.TakeAction(APOLOGY_LETTER, "letter-sent", null, null, null), NOW));

        assertThat(CaseForms.selectableActions(lettered, COMPLAINTS)).extracting(PlanAction::id).containsExactly(REFUND, VOUCHER);
    }

    @Test
    void selectableActions_closedPlanOrNoPlan_offersNothing() {
        Case closed = applied(CaseCommands.closePlan(openCase(SEED), SEED, ANA_ACTS, new CaseCommand.ClosePlan("closed"), NOW));

        assertThat(CaseForms.selectableActions(closed, SEED)).isEmpty();
        assertThat(CaseForms.planOpen(closed)).isFalse();
        assertThat(CaseForms.selectableActions(openCase(null), null)).isEmpty();
    }

    @Test
    void closeQuestion_modeYes_asksForTheExitStateOnlyForAStatusThatCompletesTheAction() {
        PlanAction refund = action(COMPLAINTS, REFUND);

        assertThat(CaseForms.closeQuestion(refund)).isEqualTo(CloseQuestion.EXIT_STATE);
        assertThat(CaseForms.closeQuestion(refund, status(COMPLAINTS, REFUND, REFUND_ISSUED))).isEqualTo(CloseQuestion.EXIT_STATE);
        assertThat(CaseForms.closeQuestion(refund, status(COMPLAINTS, REFUND, REFUND_REQUESTED))).isEqualTo(CloseQuestion.NONE);
    }

    @Test
    void closeQuestion_modeNo_neverAsks() {
        PlanAction letter = action(COMPLAINTS, APOLOGY_LETTER);

        assertThat(CaseForms.closeQuestion(letter)).isEqualTo(CloseQuestion.NONE);
        assertThat(CaseForms.closeQuestion(letter, status(COMPLAINTS, APOLOGY_LETTER, "letter-sent"))).isEqualTo(CloseQuestion.NONE);
    }

    @Test
    void closeQuestion_operatorChooses_asksForTheChoiceOnlyForAStatusThatCompletesTheAction() {
        PlanAction voucher = action(COMPLAINTS, VOUCHER);

        assertThat(CaseForms.closeQuestion(voucher)).isEqualTo(CloseQuestion.CHOICE_AND_EXIT_STATE);
        assertThat(CaseForms.closeQuestion(voucher, status(COMPLAINTS, VOUCHER, "voucher-sent")))
                .isEqualTo(CloseQuestion.CHOICE_AND_EXIT_STATE);
        assertThat(CaseForms.closeQuestion(voucher, status(COMPLAINTS, VOUCHER, "voucher-offered"))).isEqualTo(CloseQuestion.NONE);
    }

    @Test
    void commentAllowed_followsTheAction() {
        assertThat(CaseForms.commentAllowed(action(COMPLAINTS, REFUND))).isFalse();
        assertThat(CaseForms.commentAllowed(action(COMPLAINTS, APOLOGY_LETTER))).isTrue();
        assertThat(CaseForms.actionChoices(openCase(COMPLAINTS), COMPLAINTS)).extracting(ActionChoice::commentAllowed)
                .containsExactly(false, true, true);
    }

    @Test
    void statusesAndExitStates_areThoseOfThePlanInOrder() {
        assertThat(CaseForms.statuses(SEED, SeedPlans.SEND_AN_EMAIL)).extracting(ActionStatus::id)
                .containsExactly(SeedPlans.EMAIL_SENT_RETURN_TO_STORE, SeedPlans.EMAIL_SENT_CALL_CUSTOMER_SERVICE);
        assertThat(CaseForms.statuses(SEED, "visit-the-store")).isEmpty();
        assertThat(CaseForms.exitStates(SEED)).extracting(ExitState::name).containsExactly("Not started", "In progress", "Closed");
        assertThat(CaseForms.exitStates(null)).isEmpty();
    }

    @Test
    void availableForms_openCase_offersEverythingButReopen() {
        assertThat(CaseForms.availableForms(openCase(SEED), SEED, ANA_ACTS))
                .containsExactlyInAnyOrder(Form.TAKE_ACTION, Form.CLOSE_PLAN, Form.ADD_NOTE, Form.REASSIGN, Form.SET_ROOT_CAUSE,
                        Form.SET_PRIORITY, Form.EMAIL_CUSTOMER);
    }

    @Test
    void availableForms_customerWithoutAddress_offersNoEmail() {
        Case open = openCase(SEED);
        Case anonymous = open.toBuilder().response(new io.closedloop.domain.Response(open.response().sourceId(), open.response().externalId(),
                open.response().campaignId(), open.response().submittedAt(), io.closedloop.domain.Respondent.ANONYMOUS, open.response().score(),
                null, java.util.Map.of(), java.util.Map.of(), 0)).build();

        assertThat(CaseForms.availableForms(anonymous, SEED, ANA_ACTS)).doesNotContain(Form.EMAIL_CUSTOMER);
    }

    @Test
    void availableForms_closedCase_offersReopenNoteAndRootCause() {
        Case closed = applied(CaseCommands.closePlan(openCase(SEED), SEED, ANA_ACTS, new CaseCommand.ClosePlan("closed"), NOW));

        assertThat(CaseForms.availableForms(closed, SEED, CRM))
                .containsExactlyInAnyOrder(Form.REOPEN, Form.ADD_NOTE, Form.SET_ROOT_CAUSE, Form.EMAIL_CUSTOMER);
    }

    @Test
    void availableForms_everyActionCompletedWithThePlanOpen_hidesTakeActionButKeepsClosePlan() {
        ActionPlan letterOnly = new ActionPlan("letter-only", 1, "Letter only", null,
                List.of(action(COMPLAINTS, APOLOGY_LETTER)), COMPLAINTS.exitStates());
        Case lettered = applied(CaseCommands.takeAction(openCase(letterOnly), letterOnly, ANA_ACTS,
                new CaseCommand.TakeAction(APOLOGY_LETTER, "letter-sent", null, null, null), NOW));

        assertThat(CaseForms.availableForms(lettered, letterOnly, ANA_ACTS))
                .doesNotContain(Form.TAKE_ACTION)
                .contains(Form.CLOSE_PLAN);
    }

    @Test
    void availableForms_caseWithoutAPlan_offersClosingButNoAction() {
        assertThat(CaseForms.availableForms(openCase(null), null, ANA_ACTS))
                .doesNotContain(Form.TAKE_ACTION)
                .contains(Form.CLOSE_PLAN);
    }

    @Test
    void availableForms_responderWithoutTheRightToRespond_isReadOnly() {
        assertThat(CaseForms.availableForms(openCase(SEED), SEED, CARLA_ACTS)).isEmpty();
    }
}
