package io.closedloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import org.junit.jupiter.api.Test;

class SeedPlansTest {

    @Test
    void resolutionForDetractors_isThePlanOfSeed000() {
        ActionPlan plan = SeedPlans.resolutionForDetractors();

        assertThat(plan.id()).isEqualTo("resolution-for-detractors");
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.name()).isEqualTo("Resolution for detractors");
        assertThat(plan.actions()).extracting(PlanAction::id, PlanAction::name, PlanAction::closesPlan, PlanAction::allowComment)
                .containsExactly(
                        tuple("send-an-email", "Send an email", ClosesPlan.NO, true),
                        tuple("call-the-customer", "Call the customer", ClosesPlan.OPERATOR_CHOOSES, true));
        assertThat(plan.action("send-an-email").orElseThrow().statuses()).extracting(ActionStatus::name, ActionStatus::closesAction)
                .containsExactly(
                        tuple("email sent – request to return to the store", false),
                        tuple("email sent – request to call customer service", false));
        assertThat(plan.action("call-the-customer").orElseThrow().statuses()).extracting(ActionStatus::name, ActionStatus::closesAction)
                .containsExactly(
                        tuple("Response – solution found", true),
                        tuple("Response – still dissatisfied – escalation management", true),
                        tuple("No response – message", true));
        assertThat(plan.exitStates()).containsExactly(
                new ExitState("not-started", "Not started"), new ExitState("in-progress", "In progress"), new ExitState("closed", "Closed", true));
    }
}
