package io.closedloop.customer;

import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand.EmailCustomer;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CommandResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Send an email" from the case: the responder's message is kept in the log ({@code CUSTOMER_CONTACTED}, the event
 * {@code CustomerContacted}) and queued as a {@link AlertKind#CUSTOMER_MESSAGE} alert whose reason names that log
 * entry, so the processor sends exactly that text once, with Reply-To the responder. It counts as a response (first
 * response on the SLA clock) and replaces an acknowledgement still waiting: the customer hears from a person instead.
 */
public final class CustomerMessages {

    public static final String SUBJECT = "subject";
    public static final String MESSAGE = "message";
    /** Detail set when the message replaced an acknowledgement that had not gone yet. */
    public static final String REPLACED_ACKNOWLEDGEMENT = "replacedAcknowledgement";
    public static final int MAX_SUBJECT = 150;
    public static final int MAX_MESSAGE = CaseCommands.MAX_TEXT;
    private static final String REASON_PREFIX = "log-";

    private CustomerMessages() {}

    public static CommandResult write(Case current, Actor actor, EmailCustomer command, Instant now) {
        if (!actor.mayRespond() || actor instanceof Actor.CustomerActor) {
            return new CaseError(CaseError.NOT_ALLOWED, null, "You cannot write to the customer.");
        }
        String address = current.response().respondent().email();
        if (address == null || address.isBlank()) {
            return new CaseError(CaseError.NO_CUSTOMER_ADDRESS, null, "The customer left no email address.");
        }
        String subject = command.subject() == null ? null : command.subject().strip().replaceAll("\\s+", " ");
        if (subject == null || subject.isEmpty()) {
            return new CaseError(CaseError.SUBJECT_REQUIRED, SUBJECT, "Write a subject.");
        }
        if (subject.codePointCount(0, subject.length()) > MAX_SUBJECT) {
            return new CaseError(CaseError.TEXT_TOO_LONG, SUBJECT, "The subject is at most " + MAX_SUBJECT + " characters.");
        }
        String message = command.message() == null || command.message().isBlank() ? null : command.message().strip();
        if (message == null) {
            return new CaseError(CaseError.MESSAGE_REQUIRED, MESSAGE, "Write the message.");
        }
        if (message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            return new CaseError(CaseError.TEXT_TOO_LONG, MESSAGE, "The message is at most " + MAX_MESSAGE + " characters.");
        }
        Case.Builder next = current.toBuilder().version(current.version() + 1);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(SUBJECT, subject);
        details.put(MESSAGE, message);
        if (Acknowledgements.waiting(current)) {
            next.alerts().remove(Acknowledgements.KEY);
            details.put(REPLACED_ACKNOWLEDGEMENT, "true");
        }
        CaseCommands.markResponse(current, next, details, now);
        next.append(now, actor.id(), ActivityType.CUSTOMER_CONTACTED, details);
        int seq = next.current().activities().getLast().seq();
        next.alert(Alert.pending(AlertKind.CUSTOMER_MESSAGE, REASON_PREFIX + seq, CheckIns.CUSTOMER, now));
        return new CommandResult.Applied(next.build());
    }

    /** The log entry a message alert sends; empty when it is gone (the alert then fails for good). */
    public static Optional<Activity> entryOf(Case c, Alert alert) {
        if (!alert.reason().startsWith(REASON_PREFIX)) {
            return Optional.empty();
        }
        int seq;
        try {
            seq = Integer.parseInt(alert.reason().substring(REASON_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return c.activities().stream().filter(a -> a.seq() == seq && a.type() == ActivityType.CUSTOMER_CONTACTED).findFirst();
    }
}
