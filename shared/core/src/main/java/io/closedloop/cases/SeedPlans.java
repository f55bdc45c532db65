package io.closedloop.cases;

import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import java.util.List;

/** The action plans of the product documents, for the local stack's demo configuration and for tests. */
public final class SeedPlans {

    public static final String RESOLUTION_FOR_DETRACTORS = "resolution-for-detractors";
    public static final String SEND_AN_EMAIL = "send-an-email";
    public static final String CALL_THE_CUSTOMER = "call-the-customer";
    public static final String EMAIL_SENT_RETURN_TO_STORE = "email-sent-return-to-store";
    public static final String EMAIL_SENT_CALL_CUSTOMER_SERVICE = "email-sent-call-customer-service";
    public static final String RESPONSE_SOLUTION_FOUND = "response-solution-found";
    public static final String RESPONSE_STILL_DISSATISFIED = "response-still-dissatisfied-escalation";
    public static final String NO_RESPONSE_MESSAGE = "no-response-message";
    public static final String NOT_STARTED = "not-started";
    public static final String IN_PROGRESS = "in-progress";
    public static final String CLOSED = "closed";

    private SeedPlans() {}

    /**
     * "Resolution for detractors" (seed 000), version 1. Sending an email never closes the plan and its statuses do
     * not complete the action, so another email can follow; every status of "Call the customer" completes it, and
     * the operator chooses whether the call closes the plan.
     */
    public static ActionPlan resolutionForDetractors() {
        PlanAction sendAnEmail = new PlanAction(SEND_AN_EMAIL, "Send an email",
                "Email the customer about their feedback.", ClosesPlan.NO, true,
                List.of(new ActionStatus(EMAIL_SENT_RETURN_TO_STORE, "email sent – request to return to the store", false),
                        new ActionStatus(EMAIL_SENT_CALL_CUSTOMER_SERVICE, "email sent – request to call customer service", false)));
        PlanAction callTheCustomer = new PlanAction(CALL_THE_CUSTOMER, "Call the customer",
                "Call the customer to resolve their issue.", ClosesPlan.OPERATOR_CHOOSES, true,
                List.of(new ActionStatus(RESPONSE_SOLUTION_FOUND, "Response – solution found", true),
                        new ActionStatus(RESPONSE_STILL_DISSATISFIED, "Response – still dissatisfied – escalation management", true),
                        new ActionStatus(NO_RESPONSE_MESSAGE, "No response – message", true)));
        return new ActionPlan(RESOLUTION_FOR_DETRACTORS, 1, "Resolution for detractors",
                "Re-engage each dissatisfied customer to resolve their specific issue.",
                List.of(sendAnEmail, callTheCustomer),
                List.of(new ExitState(NOT_STARTED, "Not started"), new ExitState(IN_PROGRESS, "In progress"),
                        new ExitState(CLOSED, "Closed", true)));
    }
}
