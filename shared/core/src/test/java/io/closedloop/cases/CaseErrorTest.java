package io.closedloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.http.Problem;
import org.junit.jupiter.api.Test;

class CaseErrorTest {

    @Test
    void httpStatus_readOnlyActorIsForbiddenStateIsConflictInputIsUnprocessable() {
        assertThat(new CaseError(CaseError.NOT_ALLOWED, null, "read-only").httpStatus()).isEqualTo(403);
        assertThat(new CaseError(CaseError.PLAN_CLOSED, null, "closed").httpStatus()).isEqualTo(409);
        assertThat(new CaseError(CaseError.ACTION_COMPLETED, "actionId", "completed").httpStatus()).isEqualTo(409);
        assertThat(new CaseError(CaseError.CASE_NOT_CLOSED, null, "open").httpStatus()).isEqualTo(409);
        assertThat(new CaseError(CaseError.EXIT_STATE_REQUIRED, "exitStateId", "choose").httpStatus()).isEqualTo(422);
        assertThat(new CaseError(CaseError.CANNOT_RESPOND, "responderId", "no right").httpStatus()).isEqualTo(422);
    }

    @Test
    void toProblem_fieldError_namesTheFieldAndTheCode() {
        Problem problem = new CaseError(CaseError.STATUS_NOT_OF_ACTION, "statusId",
                "This status is not one of the statuses of \"Send an email\".").toProblem();

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).endsWith("/status-not-of-action");
        assertThat(problem.detail()).isEqualTo("This status is not one of the statuses of \"Send an email\".");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("statusId", "This status is not one of the statuses of \"Send an email\"."));
    }

    @Test
    void toProblem_caseStateError_hasNoFieldErrors() {
        Problem problem = new CaseError(CaseError.PLAN_CLOSED, null, "The action plan is closed: no new action can be taken.")
                .toProblem();

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).endsWith("/plan-closed");
        assertThat(problem.errors()).isEmpty();
    }
}
