package io.closedloop.cases;

import io.closedloop.config.Priority;

/**
 * What a responder or an integration asks of a case, as parsed from the page's forms or the case API. Blank strings
 * count as absent. {@link CaseCommands} checks and applies them.
 */
public sealed interface CaseCommand {

    /**
     * Take an action of the plan with one of its statuses.
     *
     * @param comment optional; only when the action allows comments
     * @param closePlan the operator's choice, only for an action whose mode is OPERATOR_CHOOSES; null otherwise
     * @param exitStateId required when this action closes the plan; absent otherwise
     */
    record TakeAction(String actionId, String statusId, String comment, Boolean closePlan, String exitStateId)
            implements CaseCommand {}

    /** Close the plan (and the case) with an exit state: the responder decides the follow-up is done. */
    record ClosePlan(String exitStateId) implements CaseCommand {}

    record AddNote(String text) implements CaseCommand {}

    record Reassign(String responderId) implements CaseCommand {}

    record SetRootCause(String rootCauseId) implements CaseCommand {}

    record SetPriority(Priority priority) implements CaseCommand {}

    /** @param reason optional */
    record Reopen(String reason) implements CaseCommand {}

    /**
     * The customer's answer to the check-in sent after a close ({@code io.closedloop.customer.CheckIns}).
     *
     * @param closing which close it answers ({@code close-<n>}), from the signed link
     * @param rescore optional 0–10
     * @param comment optional
     */
    record AnswerCheckIn(String closing, boolean resolved, Integer rescore, String comment) implements CaseCommand {}

    /**
     * Write to the customer from the case ({@code io.closedloop.customer.CustomerMessages}): the message is kept in
     * the log and sent from the sender address with Reply-To the responder.
     */
    record EmailCustomer(String subject, String message) implements CaseCommand {}
}
