package io.closedloop.cases;

import static io.closedloop.cases.CaseFixtures.ANA_ACTS;
import static io.closedloop.cases.CaseFixtures.APOLOGY_LETTER;
import static io.closedloop.cases.CaseFixtures.CARLA_ACTS;
import static io.closedloop.cases.CaseFixtures.CRM;
import static io.closedloop.cases.CaseFixtures.LETTER_SENT;
import static io.closedloop.cases.CaseFixtures.REFUND;
import static io.closedloop.cases.CaseFixtures.REFUND_ISSUED;
import static io.closedloop.cases.CaseFixtures.REFUND_REQUESTED;
import static io.closedloop.cases.CaseFixtures.VOUCHER;
import static io.closedloop.cases.CaseFixtures.VOUCHER_OFFERED;
import static io.closedloop.cases.CaseFixtures.appended;
import static io.closedloop.cases.CaseFixtures.applied;
import static io.closedloop.cases.CaseFixtures.complaintHandling;
import static io.closedloop.cases.CaseFixtures.minutesAfterOpening;
import static io.closedloop.cases.CaseFixtures.openCase;
import static io.closedloop.cases.CaseFixtures.refused;
import static io.closedloop.cases.SeedPlans.CALL_THE_CUSTOMER;
import static io.closedloop.cases.SeedPlans.EMAIL_SENT_CALL_CUSTOMER_SERVICE;
import static io.closedloop.cases.SeedPlans.EMAIL_SENT_RETURN_TO_STORE;
import static io.closedloop.cases.SeedPlans.NO_RESPONSE_MESSAGE;
import static io.closedloop.cases.SeedPlans.RESPONSE_SOLUTION_FOUND;
import static io.closedloop.cases.SeedPlans.RESPONSE_STILL_DISSATISFIED;
import static io.closedloop.cases.SeedPlans.SEND_AN_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.cases.CaseCommand.TakeAction;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.PlanAction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakeActionTest {

    private static final ActionPlan SEED = SeedPlans.resolutionForDetractors();
    private static final ActionPlan COMPLAINTS = complaintHandling();
    private static final Instant NOW = minutesAfterOpening(90);

    private static CommandResult take(Case current, ActionPlan plan, TakeAction command) {
        return CaseCommands.takeAction(current, plan, ANA_ACTS, command, NOW);
    }

    private static List<String> selectableIds(Case current, ActionPlan plan) {
        return CaseForms.selectableActions(current, plan).stream().map(PlanAction::id).toList();
    }

    @Test
    void takeAction_statusThatClosesTheAction_completesItSoItIsNoLongerSelectable() {
        Case after = applied(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, NO_RESPONSE_MESSAGE, null, false, null)));

        assertThat(after.plan().completedActionIds()).containsExactly(CALL_THE_CUSTOMER);
        assertThat(after.plan().closed()).isFalse();
        assertThat(selectableIds(after, SEED)).containsExactly(SEND_AN_EMAIL);
    }

    @Test
    void takeAction_completedAction_isRefusedWithActionCompleted() {
        Case called = applied(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, NO_RESPONSE_MESSAGE, null, false, null)));

        CaseError error = refused(take(called, SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, false, null)));

        assertThat(error.code()).isEqualTo(CaseError.ACTION_COMPLETED);
        assertThat(error.field()).isEqualTo("actionId");
        assertThat(error.message()).contains("Call the customer");
    }

    @Test
    void takeAction_statusThatDoesNotCloseTheAction_letsTheActionBeTakenAgain() {
        Case first = applied(take(openCase(SEED), SEED, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, null, null)));
        assertThat(selectableIds(first, SEED)).containsExactly(SEND_AN_EMAIL, CALL_THE_CUSTOMER);

        Case second = applied(take(first, SEED, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_CALL_CUSTOMER_SERVICE, null, null, null)));

        assertThat(second.plan().completedActionIds()).isEmpty();
        assertThat(second.activities()).extracting(Activity::type)
                .containsExactly(ActivityType.CASE_OPENED, ActivityType.ACTION_TAKEN, ActivityType.ACTION_TAKEN);
        assertThat(appended(first, second).getFirst().detail(ActivityDetails.CLOSES_ACTION)).isEqualTo("false");
    }

    @Test
    void takeAction_planClosed_isRefusedWithPlanClosed() {
        Case closed = applied(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, true, "closed")));

        CaseError error = refused(take(closed, SEED, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, null, null)));

        assertThat(error.code()).isEqualTo(CaseError.PLAN_CLOSED);
        assertThat(CaseForms.selectableActions(closed, SEED)).isEmpty();
    }

    @Test
    void takeAction_operatorChoosesToClose_closesPlanAndCaseWithTheExitState() {
        Case open = openCase(SEED);

        Case after = applied(take(open, SEED,
                new TakeAction(CALL_THE_CUSTOMER, RESPONSE_STILL_DISSATISFIED, "Escalated to the store manager.", true, "in-progress")));

        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.plan().closed()).isTrue();
        assertThat(after.plan().exitStateId()).isEqualTo("in-progress");
        assertThat(after.closedAt()).isEqualTo(NOW);
        assertThat(after.firstClosedAt()).isEqualTo(NOW);
        List<Activity> entries = appended(open, after);
        assertThat(entries).extracting(Activity::type).containsExactly(ActivityType.ACTION_TAKEN, ActivityType.CASE_CLOSED);
        assertThat(entries.getFirst().detail(ActivityDetails.CLOSES_PLAN)).isEqualTo("true");
        assertThat(entries.get(1).details())
                .containsEntry(ActivityDetails.EXIT_STATE_ID, "in-progress")
                .containsEntry(ActivityDetails.EXIT_STATE_NAME, "In progress")
                .containsEntry(ActivityDetails.ACTION_ID, CALL_THE_CUSTOMER)
                .containsEntry(ActivityDetails.STATUS_FROM, "IN_PROGRESS")
                .containsEntry(ActivityDetails.STATUS_TO, "CLOSED");
    }

    @Test
    void takeAction_operatorChoosesToKeepOpen_completesTheActionButLeavesThePlanOpen() {
        Case after = applied(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, false, null)));

        assertThat(after.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(after.plan().closed()).isFalse();
        assertThat(after.plan().completedActionIds()).containsExactly(CALL_THE_CUSTOMER);
        assertThat(after.closedAt()).isNull();
        assertThat(after.activities().getLast().detail(ActivityDetails.CLOSES_PLAN)).isEqualTo("false");
    }

    @Test
    void takeAction_operatorChoosesWithoutAChoice_isRefusedWithCloseChoiceRequired() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, null, null)));

        assertThat(error.code()).isEqualTo(CaseError.CLOSE_CHOICE_REQUIRED);
        assertThat(error.field()).isEqualTo("closePlan");
    }

    @Test
    void takeAction_operatorChoosesToCloseWithoutExitState_isRefusedWithExitStateRequired() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, true, " ")));

        assertThat(error.code()).isEqualTo(CaseError.EXIT_STATE_REQUIRED);
        assertThat(error.field()).isEqualTo("exitStateId");
    }

    @Test
    void takeAction_operatorChoosesToKeepOpenButGivesAnExitState_isRefusedWithExitStateNotAllowed() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, false, "closed")));

        assertThat(error.code()).isEqualTo(CaseError.EXIT_STATE_NOT_ALLOWED);
    }

    @Test
    void takeAction_unknownExitState_isRefusedWithUnknownExitState() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, true, "done")));

        assertThat(error.code()).isEqualTo(CaseError.UNKNOWN_EXIT_STATE);
        assertThat(error.field()).isEqualTo("exitStateId");
    }

    @Test
    void takeAction_operatorChoosesToCloseWithAStatusThatDoesNotCompleteTheAction_isRefused() {
        CaseError error = refused(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(VOUCHER, VOUCHER_OFFERED, null, true, "resolved")));

        assertThat(error.code()).isEqualTo(CaseError.ACTION_NOT_COMPLETED);
        assertThat(error.field()).isEqualTo("closePlan");
    }

    @Test
    void takeAction_operatorChoosesWithAStatusThatDoesNotCompleteTheAction_needsNoChoice() {
        Case after = applied(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(VOUCHER, VOUCHER_OFFERED, null, null, null)));

        assertThat(after.plan().completedActionIds()).isEmpty();
        assertThat(after.plan().closed()).isFalse();
    }

    @Test
    void takeAction_choiceForAnActionThatDecidesByItself_isRefusedWithCloseChoiceNotAllowed() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, true, "closed")));

        assertThat(error.code()).isEqualTo(CaseError.CLOSE_CHOICE_NOT_ALLOWED);
        assertThat(error.field()).isEqualTo("closePlan");
    }

    @Test
    void takeAction_modeYesWithAStatusThatCompletesTheAction_closesPlanAndCase() {
        Case open = openCase(COMPLAINTS);

        Case after = applied(take(open, COMPLAINTS, new TakeAction(REFUND, REFUND_ISSUED, null, null, "resolved")));

        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.plan().closed()).isTrue();
        assertThat(after.plan().exitStateId()).isEqualTo("resolved");
        assertThat(after.plan().completedActionIds()).containsExactly(REFUND);
        assertThat(appended(open, after)).extracting(Activity::type)
                .containsExactly(ActivityType.ACTION_TAKEN, ActivityType.CASE_CLOSED);
    }

    @Test
    void takeAction_modeYesWithoutExitState_isRefusedWithExitStateRequired() {
        CaseError error = refused(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(REFUND, REFUND_ISSUED, null, null, null)));

        assertThat(error.code()).isEqualTo(CaseError.EXIT_STATE_REQUIRED);
        assertThat(error.field()).isEqualTo("exitStateId");
    }

    @Test
    void takeAction_modeYesWithAStatusThatDoesNotCompleteTheAction_keepsPlanOpenAndActionSelectable() {
        Case after = applied(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(REFUND, REFUND_REQUESTED, null, null, null)));

        assertThat(after.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(after.plan().closed()).isFalse();
        assertThat(selectableIds(after, COMPLAINTS)).contains(REFUND);
    }

    @Test
    void takeAction_modeNoWithAStatusThatCompletesTheAction_neverClosesThePlan() {
        Case after = applied(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(APOLOGY_LETTER, LETTER_SENT, null, null, null)));

        assertThat(after.plan().completedActionIds()).containsExactly(APOLOGY_LETTER);
        assertThat(after.plan().closed()).isFalse();
        assertThat(after.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(after.activities().getLast().type()).isEqualTo(ActivityType.ACTION_TAKEN);
    }

    @Test
    void takeAction_modeNoWithAnExitState_isRefusedWithExitStateNotAllowed() {
        CaseError error = refused(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(APOLOGY_LETTER, LETTER_SENT, null, null, "resolved")));

        assertThat(error.code()).isEqualTo(CaseError.EXIT_STATE_NOT_ALLOWED);
    }

    @Test
    void takeAction_commentOnAnActionThatTakesNone_isRefusedWithCommentNotAllowed() {
        CaseError error = refused(take(openCase(COMPLAINTS), COMPLAINTS,
                new TakeAction(REFUND, REFUND_REQUESTED, "Finance said Thursday.", null, null)));

        assertThat(error.code()).isEqualTo(CaseError.COMMENT_NOT_ALLOWED);
        assertThat(error.field()).isEqualTo("comment");
    }

    @Test
    void takeAction_blankCommentOnAnActionThatTakesNone_countsAsNoComment() {
        Case after = applied(take(openCase(COMPLAINTS), COMPLAINTS, new TakeAction(REFUND, REFUND_REQUESTED, "  \n", null, null)));

        assertThat(after.activities().getLast().details()).doesNotContainKey(ActivityDetails.COMMENT);
    }

    @Test
    void takeAction_commentOfMaximumLength_isKeptAndOneMoreCharacterIsRefused() {
        String longest = "é".repeat(CaseCommands.MAX_TEXT);

        Case after = applied(take(openCase(SEED), SEED, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, longest, null, null)));
        CaseError error = refused(take(openCase(SEED), SEED,
                new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, longest + "x", null, null)));

        assertThat(after.activities().getLast().detail(ActivityDetails.COMMENT)).isEqualTo(longest);
        assertThat(error.code()).isEqualTo(CaseError.TEXT_TOO_LONG);
        assertThat(error.field()).isEqualTo("comment");
    }

    @Test
    void takeAction_statusOfAnotherAction_isRefusedWithStatusNotOfAction() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(SEND_AN_EMAIL, RESPONSE_SOLUTION_FOUND, null, null, null)));

        assertThat(error.code()).isEqualTo(CaseError.STATUS_NOT_OF_ACTION);
        assertThat(error.field()).isEqualTo("statusId");
    }

    @Test
    void takeAction_withoutStatus_isRefusedWithStatusRequired() {
        CaseError error = refused(take(openCase(SEED), SEED, new TakeAction(SEND_AN_EMAIL, "", null, null, null)));

        assertThat(error.code()).isEqualTo(CaseError.STATUS_REQUIRED);
    }

    @Test
    void takeAction_actionNotInThePlan_isRefusedWithUnknownAction() {
        assertThat(refused(take(openCase(SEED), SEED, new TakeAction("visit-the-customer", "visited", null, null, null))).code())
                .isEqualTo(CaseError.UNKNOWN_ACTION);
        assertThat(refused(take(openCase(SEED), SEED, new TakeAction(null, NO_RESPONSE_MESSAGE, null, null, null))).code())
                .isEqualTo(CaseError.ACTION_REQUIRED);
    }

    @Test
    void takeAction_firstAction_movesOpenToInProgressAndSetsFirstResponseAtOnce() {
        Case open = openCase(SEED);
        Instant firstAt = minutesAfterOpening(30);
        Instant secondAt = minutesAfterOpening(240);

        Case first = applied(CaseCommands.takeAction(open, SEED, ANA_ACTS,
                new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, null, null), firstAt));
        Case second = applied(CaseCommands.takeAction(first, SEED, ANA_ACTS,
                new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_CALL_CUSTOMER_SERVICE, null, null, null), secondAt));

        assertThat(first.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(first.firstResponseAt()).isEqualTo(firstAt);
        assertThat(first.activities().getLast().details())
                .containsEntry(ActivityDetails.STATUS_FROM, "OPEN")
                .containsEntry(ActivityDetails.STATUS_TO, "IN_PROGRESS");
        assertThat(second.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(second.firstResponseAt()).isEqualTo(firstAt);
        assertThat(second.activities().getLast().details()).doesNotContainKeys(ActivityDetails.STATUS_FROM, ActivityDetails.STATUS_TO);
    }

    @Test
    void takeAction_entry_recordsActorTimeAndNamesCopiedFromThePlan() {
        Case after = applied(take(openCase(SEED), SEED,
                new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, "  Sent the Paulista store address.  ", null, null)));

        Activity entry = after.activities().getLast();
        assertThat(entry.seq()).isEqualTo(2);
        assertThat(entry.at()).isEqualTo(NOW);
        assertThat(entry.actor()).isEqualTo("responder:ana");
        assertThat(entry.details())
                .containsEntry(ActivityDetails.ACTION_ID, SEND_AN_EMAIL)
                .containsEntry(ActivityDetails.ACTION_NAME, "Send an email")
                .containsEntry(ActivityDetails.STATUS_ID, EMAIL_SENT_RETURN_TO_STORE)
                .containsEntry(ActivityDetails.STATUS_NAME, "email sent – request to return to the store")
                .containsEntry(ActivityDetails.COMMENT, "Sent the Paulista store address.");
    }

    @Test
    void takeAction_byAnApiKey_isAllowedAndRecordsTheKey() {
        Case after = applied(CaseCommands.takeAction(openCase(SEED), SEED, CRM,
                new TakeAction(CALL_THE_CUSTOMER, NO_RESPONSE_MESSAGE, "Logged from the CRM.", false, null), NOW));

        assertThat(after.activities().getLast().actor()).isEqualTo("api:k-crm-01");
        assertThat(after.firstResponseAt()).isEqualTo(NOW);
    }

    @Test
    void takeAction_responderWithoutTheRightToRespond_isRefusedWithNotAllowed() {
        CaseError error = refused(CaseCommands.takeAction(openCase(SEED), SEED, CARLA_ACTS,
                new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, null, null), NOW));

        assertThat(error.code()).isEqualTo(CaseError.NOT_ALLOWED);
        assertThat(error.field()).isNull();
    }

    @Test
    void takeAction_thatAlsoClosesThePlan_bumpsTheVersionOnce() {
        Case open = openCase(SEED);

        Case after = applied(take(open, SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, true, "closed")));

        assertThat(after.version()).isEqualTo(open.version() + 1);
        assertThat(appended(open, after)).extracting(Activity::seq).containsExactly(2, 3);
    }

    @Test
    void takeAction_leavesSlaClockAndAlertsAlone() {
        Case open = openCase(SEED);

        Case after = applied(take(open, SEED, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, true, "closed")));

        assertThat(after.sla()).isEqualTo(open.sla());
        assertThat(after.alerts()).isEqualTo(open.alerts());
    }

    @Test
    void takeAction_caseWithoutAPlan_isRefusedWithNoActionPlan() {
        CaseError error = refused(take(openCase(null), null, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, null, null)));

        assertThat(error.code()).isEqualTo(CaseError.NO_ACTION_PLAN);
    }

    @Test
    void takeAction_givenAPlanOtherThanTheCaseStartedWith_failsLoudly() {
        assertThatThrownBy(() -> take(openCase(SEED), COMPLAINTS, new TakeAction(REFUND, REFUND_ISSUED, null, null, "resolved")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resolution-for-detractors");
    }
}
