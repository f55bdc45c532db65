package io.closedloop.customer;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand.AnswerCheckIn;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CommandResult;
import io.closedloop.config.Campaign;
import io.closedloop.config.CheckInPolicy;
import io.closedloop.config.Configuration;
import io.closedloop.config.ExitState;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Score;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The check-in after a close (docs/customer-loop.md): when a case closes and its campaign asks for it, one email to
 * the customer ("Was your issue resolved?") is queued as an alert of kind {@link AlertKind#CHECK_IN}, so it is sent,
 * retried and never duplicated like every other alert. The customer's answer is recorded once per close; "no", or a
 * re-score that is still a detractor's, reopens the case and alerts its assignee once.
 */
public final class CheckIns {

    /** The recipient id of the customer's alerts (the address is the respondent's, read when sending). */
    public static final String CUSTOMER = "customer";
    /** Details of the CHECK_IN_ANSWERED entry. */
    public static final String CLOSING = "closing";
    public static final String RESOLVED = "resolved";
    public static final String RESCORE = "rescore";
    public static final String SCORE_BEFORE = "scoreBefore";
    public static final String COMMENT = "comment";
    /** The highest re-score that still counts as a detractor's: the case reopens. */
    public static final int DETRACTOR_MAX = 6;
    private static final int MAX_COMMENT = 4000;

    private CheckIns() {}

    /** What the customer's messages greet them by: the first word of their name; null without one. */
    public static String firstName(Respondent respondent) {
        String name = respondent.name();
        return name == null || name.isBlank() ? null : name.strip().split("\\s+")[0];
    }

    /** Which close of the case a check-in follows: {@code close-1} for the first, {@code close-2} after a reopen. */
    public static String closingOf(Case closed) {
        return "close-" + (closed.reopenCount() + 1);
    }

    /** The case after a command, with its check-in queued when the command closed it and the campaign asks for one. */
    public static Case afterCommand(Case before, Case after, Configuration config, Instant now) {
        if (before.isClosed() || !after.isClosed() || after.response().respondent().email() == null) {
            return after;
        }
        CheckInPolicy policy = Optional.ofNullable(config.campaigns().get(after.campaignId())).map(Campaign::checkIn).orElse(CheckInPolicy.NEVER);
        boolean asks = switch (policy) {
            case NEVER -> false;
            case ALWAYS -> true;
            case WHEN_RESOLVED -> exitState(after, config).map(ExitState::resolved).orElse(false);
        };
        String closing = closingOf(after);
        if (!asks || after.alerts().containsKey(Alert.keyOf(AlertKind.CHECK_IN, closing, CUSTOMER))) {
            return after;
        }
        return after.toBuilder().alert(Alert.pending(AlertKind.CHECK_IN, closing, CUSTOMER, now)).build();
    }

    private static Optional<ExitState> exitState(Case c, Configuration config) {
        if (c.plan() == null || c.plan().exitStateId() == null) {
            return Optional.empty();
        }
        return config.actionPlan(c.plan().planId(), c.plan().planVersion()).flatMap(p -> p.exitState(c.plan().exitStateId()));
    }

    /** Whether this close's check-in went out (only a sent one has a link to answer). */
    public static boolean sent(Case c, String closing) {
        Alert alert = c.alerts().get(Alert.keyOf(AlertKind.CHECK_IN, closing, CUSTOMER));
        return alert != null && alert.sentAt() != null;
    }

    /** Whether this close's check-in was answered already (the first answer stands). */
    public static boolean answered(Case c, String closing) {
        return c.activities().stream().anyMatch(a -> a.type() == ActivityType.CHECK_IN_ANSWERED && closing.equals(a.details().get(CLOSING)));
    }

    /** Records the customer's answer; reopens the case and alerts its assignee when the issue is not resolved. */
    public static CommandResult answer(Case current, Actor actor, AnswerCheckIn command, Instant now) {
        if (!(actor instanceof Actor.CustomerActor)) {
            return new CaseError(CaseError.NOT_ALLOWED, null, "Only the customer answers their check-in.");
        }
        if (command.closing() == null || !sent(current, command.closing())) {
            return new CaseError(CaseError.CHECK_IN_UNKNOWN, null, "This case has no check-in to answer.");
        }
        if (answered(current, command.closing())) {
            return new CaseError(CaseError.CHECK_IN_ANSWERED, null, "This check-in was answered already; the first answer stands.");
        }
        if (command.rescore() != null && (command.rescore() < 0 || command.rescore() > 10)) {
            return new CaseError(CaseError.RESCORE_OUT_OF_RANGE, "rescore", "The score is from 0 to 10.");
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            return new CaseError(CaseError.TEXT_TOO_LONG, COMMENT, "The comment is at most " + MAX_COMMENT + " characters.");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put(CLOSING, command.closing());
        details.put(RESOLVED, Boolean.toString(command.resolved()));
        if (command.rescore() != null) {
            details.put(RESCORE, command.rescore().toString());
        }
        Score before = current.response().score();
        if (before != null) {
            details.put(SCORE_BEFORE, Integer.toString(before.value()));
        }
        if (comment != null) {
            details.put(COMMENT, comment);
        }
        Case.Builder next = current.toBuilder().version(current.version() + 1);
        next.append(now, actor.id(), ActivityType.CHECK_IN_ANSWERED, details);
        boolean stillUnhappy = !command.resolved() || (command.rescore() != null && command.rescore() <= DETRACTOR_MAX);
        if (stillUnhappy && current.isClosed()) {
            CaseCommands.reopened(current, next, actor, "The customer says the issue is not resolved.", now);
            if (current.assigneeId() != null) {
                next.alert(Alert.pending(AlertKind.CUSTOMER_REOPENED, command.closing(), current.assigneeId(), now));
            }
        }
        return new CommandResult.Applied(next.build());
    }
}
