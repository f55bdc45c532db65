package io.closedloop.cases;

import static io.closedloop.cases.CaseFixtures.ANA_ACTS;
import static io.closedloop.cases.CaseFixtures.CRM;
import static io.closedloop.cases.CaseFixtures.RESPONDERS;
import static io.closedloop.cases.CaseFixtures.ROOT_CAUSES;
import static io.closedloop.cases.CaseFixtures.applied;
import static io.closedloop.cases.CaseFixtures.complaintHandling;
import static io.closedloop.cases.CaseFixtures.minutesAfterOpening;
import static io.closedloop.cases.CaseFixtures.openCase;
import static io.closedloop.cases.SeedPlans.CALL_THE_CUSTOMER;
import static io.closedloop.cases.SeedPlans.EMAIL_SENT_RETURN_TO_STORE;
import static io.closedloop.cases.SeedPlans.RESPONSE_SOLUTION_FOUND;
import static io.closedloop.cases.SeedPlans.SEND_AN_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.closedloop.cases.CaseCommand.AddNote;
import io.closedloop.cases.CaseCommand.ClosePlan;
import io.closedloop.cases.CaseCommand.Reassign;
import io.closedloop.cases.CaseCommand.Reopen;
import io.closedloop.cases.CaseCommand.SetPriority;
import io.closedloop.cases.CaseCommand.SetRootCause;
import io.closedloop.cases.CaseCommand.TakeAction;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed 000 "Resolution for detractors" walked through with the configuration, as the case page drives it. */
class SeedPlanWalkthroughTest {

    private static final ActionPlan SEED = SeedPlans.resolutionForDetractors();
    private static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(), RESPONDERS, Map.of(),
            List.of(SEED, complaintHandling()), Map.of(), Map.of(), ROOT_CAUSES, Map.of(), List.of());
    private static final Instant EMAILED_AT = minutesAfterOpening(25);
    private static final Instant CALLED_AT = minutesAfterOpening(180);

    @Test
    void seedPlan_emailThenCallWithSolutionFoundClosingThePlan_closesTheCaseAndLogsEachStep() {
        Case open = openCase(SEED);
        assertThat(CaseForms.actionChoices(open, SEED)).extracting(c -> c.action().name())
                .containsExactly("Send an email", "Call the customer");

        Case emailed = applied(CaseCommands.apply(open, new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE,
                "Sent the address and opening hours of the Paulista store.", null, null), ANA_ACTS, CONFIG, EMAILED_AT));
        Case called = applied(CaseCommands.apply(emailed, new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND,
                "Store will replace the order; customer is happy with that.", true, SeedPlans.CLOSED), ANA_ACTS, CONFIG, CALLED_AT));

        assertThat(emailed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(called.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(called.version()).isEqualTo(3);
        assertThat(called.firstResponseAt()).isEqualTo(EMAILED_AT);
        assertThat(called.closedAt()).isEqualTo(CALLED_AT);
        assertThat(called.plan()).isEqualTo(new PlanProgress(SeedPlans.RESOLUTION_FOR_DETRACTORS, 1,
                Set.of(CALL_THE_CUSTOMER), true, SeedPlans.CLOSED));
        assertThat(CaseForms.selectableActions(called, SEED)).isEmpty();
        assertThat(called.activities()).extracting(Activity::seq, Activity::type, Activity::actor).containsExactly(
                tuple(1, ActivityType.CASE_OPENED, "system"),
                tuple(2, ActivityType.ACTION_TAKEN, "responder:ana"),
                tuple(3, ActivityType.ACTION_TAKEN, "responder:ana"),
                tuple(4, ActivityType.CASE_CLOSED, "responder:ana"));
        assertThat(called.activities().get(1).details()).isEqualTo(Map.of(
                ActivityDetails.ACTION_ID, SEND_AN_EMAIL,
                ActivityDetails.ACTION_NAME, "Send an email",
                ActivityDetails.STATUS_ID, EMAIL_SENT_RETURN_TO_STORE,
                ActivityDetails.STATUS_NAME, "email sent – request to return to the store",
                ActivityDetails.CLOSES_ACTION, "false",
                ActivityDetails.CLOSES_PLAN, "false",
                ActivityDetails.COMMENT, "Sent the address and opening hours of the Paulista store.",
                ActivityDetails.STATUS_FROM, "OPEN",
                ActivityDetails.STATUS_TO, "IN_PROGRESS"));
        assertThat(called.activities().get(2).details()).isEqualTo(Map.of(
                ActivityDetails.ACTION_ID, CALL_THE_CUSTOMER,
                ActivityDetails.ACTION_NAME, "Call the customer",
                ActivityDetails.STATUS_ID, RESPONSE_SOLUTION_FOUND,
                ActivityDetails.STATUS_NAME, "Response – solution found",
                ActivityDetails.CLOSES_ACTION, "true",
                ActivityDetails.CLOSES_PLAN, "true",
                ActivityDetails.COMMENT, "Store will replace the order; customer is happy with that."));
        assertThat(called.activities().get(3).details()).isEqualTo(Map.of(
                ActivityDetails.EXIT_STATE_ID, SeedPlans.CLOSED,
                ActivityDetails.EXIT_STATE_NAME, "Closed",
                ActivityDetails.ACTION_ID, CALL_THE_CUSTOMER,
                ActivityDetails.STATUS_FROM, "IN_PROGRESS",
                ActivityDetails.STATUS_TO, "CLOSED"));
    }

    @Test
    void seedPlan_callKeptOpenThenPlanClosedSeparately_endsInTheSameState() {
        Case called = applied(CaseCommands.apply(openCase(SEED), new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND,
                "Store will replace the order.", false, null), ANA_ACTS, CONFIG, CALLED_AT));
        assertThat(CaseForms.availableForms(called, SEED, ANA_ACTS)).contains(CaseForms.Form.CLOSE_PLAN);

        Case closed = applied(CaseCommands.apply(called, new ClosePlan(SeedPlans.CLOSED), ANA_ACTS, CONFIG, CALLED_AT.plusSeconds(30)));

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.plan().exitStateId()).isEqualTo(SeedPlans.CLOSED);
        assertThat(closed.plan().completedActionIds()).containsExactly(CALL_THE_CUSTOMER);
        assertThat(closed.activities()).extracting(Activity::type).containsExactly(
                ActivityType.CASE_OPENED, ActivityType.ACTION_TAKEN, ActivityType.CASE_CLOSED);
        assertThat(closed.activities().getLast().details()).doesNotContainKey(ActivityDetails.ACTION_ID);
    }

    static List<CaseCommand> everyCommandOnAnOpenCase() {
        return List.of(
                new TakeAction(SEND_AN_EMAIL, EMAIL_SENT_RETURN_TO_STORE, null, null, null),
                new TakeAction(CALL_THE_CUSTOMER, RESPONSE_SOLUTION_FOUND, null, true, SeedPlans.CLOSED),
                new ClosePlan(SeedPlans.NOT_STARTED),
                new AddNote("Customer prefers WhatsApp."),
                new Reassign("bruno"),
                new SetRootCause("late-delivery"),
                new SetPriority(Priority.URGENT));
    }

    @ParameterizedTest
    @MethodSource("everyCommandOnAnOpenCase")
    void apply_anyAcceptedCommand_incrementsTheVersionByExactlyOne(CaseCommand command) {
        Case open = openCase(SEED);

        Case after = applied(CaseCommands.apply(open, command, CRM, CONFIG, CALLED_AT));

        assertThat(after.version()).isEqualTo(open.version() + 1);
        assertThat(after.activitiesAfter(open.lastSeq())).isNotEmpty().allSatisfy(a -> assertThat(a.at()).isEqualTo(CALLED_AT));
    }

    @Test
    void apply_reopen_incrementsTheVersionByExactlyOne() {
        Case closed = applied(CaseCommands.apply(openCase(SEED), new ClosePlan(SeedPlans.CLOSED), ANA_ACTS, CONFIG, CALLED_AT));

        Case reopened = applied(CaseCommands.apply(closed, new Reopen("Customer called back."), ANA_ACTS, CONFIG, CALLED_AT.plusSeconds(60)));

        assertThat(reopened.version()).isEqualTo(closed.version() + 1);
    }

    @Test
    void apply_refusedCommand_returnsTheErrorAndNoCase() {
        CommandResult result = CaseCommands.apply(openCase(SEED), new AddNote(""), ANA_ACTS, CONFIG, CALLED_AT);

        assertThat(result.isApplied()).isFalse();
        assertThat(result.applied()).isEmpty();
        assertThat(result.error()).map(CaseError::code).contains(CaseError.NOTE_EMPTY);
    }

    @Test
    void apply_planVersionMissingFromTheConfiguration_failsLoudly() {
        Case onOldVersion = openCase(SEED).toBuilder().plan(PlanProgress.start(SeedPlans.RESOLUTION_FOR_DETRACTORS, 7)).build();

        assertThatThrownBy(() -> CaseCommands.apply(onOldVersion, new ClosePlan(SeedPlans.CLOSED), ANA_ACTS, CONFIG, CALLED_AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("v7");
    }
}
