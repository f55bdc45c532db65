package io.closedloop.cases;

import static io.closedloop.cases.ActivityDetails.ACTION_ID;
import static io.closedloop.cases.ActivityDetails.ACTION_NAME;
import static io.closedloop.cases.ActivityDetails.CATEGORY_ID;
import static io.closedloop.cases.ActivityDetails.CATEGORY_NAME;
import static io.closedloop.cases.ActivityDetails.CLOSES_ACTION;
import static io.closedloop.cases.ActivityDetails.CLOSES_PLAN;
import static io.closedloop.cases.ActivityDetails.COMMENT;
import static io.closedloop.cases.ActivityDetails.EXIT_STATE_ID;
import static io.closedloop.cases.ActivityDetails.EXIT_STATE_NAME;
import static io.closedloop.cases.ActivityDetails.FROM;
import static io.closedloop.cases.ActivityDetails.FROM_NAME;
import static io.closedloop.cases.ActivityDetails.REASON;
import static io.closedloop.cases.ActivityDetails.REOPEN_COUNT;
import static io.closedloop.cases.ActivityDetails.STATUS_FROM;
import static io.closedloop.cases.ActivityDetails.STATUS_ID;
import static io.closedloop.cases.ActivityDetails.STATUS_NAME;
import static io.closedloop.cases.ActivityDetails.STATUS_TO;
import static io.closedloop.cases.ActivityDetails.TEAM_FROM;
import static io.closedloop.cases.ActivityDetails.TEAM_TO;
import static io.closedloop.cases.ActivityDetails.TEXT;
import static io.closedloop.cases.ActivityDetails.TO;
import static io.closedloop.cases.ActivityDetails.TO_NAME;

import io.closedloop.cases.CaseCommand.AddNote;
import io.closedloop.cases.CaseCommand.AnswerCheckIn;
import io.closedloop.cases.CaseCommand.ClosePlan;
import io.closedloop.cases.CaseCommand.Reassign;
import io.closedloop.cases.CaseCommand.Reopen;
import io.closedloop.cases.CaseCommand.SetPriority;
import io.closedloop.cases.CaseCommand.SetRootCause;
import io.closedloop.cases.CaseCommand.EmailCustomer;
import io.closedloop.cases.CaseCommand.TakeAction;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.Configuration;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The case commands (seed 000 action-plan rules, seed 002 statuses) as pure functions: each takes the current case,
 * the configuration it needs, the actor, its input and {@code now}, and returns either the case with version + 1 and
 * the new activity-log entries, or a {@link CaseError} with nothing changed. They never touch the SLA clock or the
 * alerts: the use-case layer does that after a command is applied, and stores the case with a conditional write on
 * its version.
 */
public final class CaseCommands {

    /** Longest note, comment or reopen reason, in characters (code points). */
    public static final int MAX_TEXT = 4000;

    private CaseCommands() {}

    /** Applies any command, looking up what it needs in {@code config} (the plan version the case started with). */
    public static CommandResult apply(Case current, CaseCommand command, Actor actor, Configuration config, Instant now) {
        return switch (command) {
            case TakeAction take -> takeAction(current, planOf(current, config), actor, take, now);
            case ClosePlan close -> closePlan(current, planOf(current, config), actor, close, now);
            case AddNote note -> addNote(current, actor, note, now);
            case Reassign reassign -> reassign(current, config.responders(), actor, reassign, now);
            case SetRootCause rootCause -> setRootCause(current, config.rootCauses(), actor, rootCause, now);
            case SetPriority priority -> setPriority(current, actor, priority, now);
            case Reopen reopen -> reopen(current, actor, reopen, now);
            case AnswerCheckIn answer -> io.closedloop.customer.CheckIns.answer(current, actor, answer, now);
            case EmailCustomer email -> io.closedloop.customer.CustomerMessages.write(current, actor, email, now);
        };
    }

    /**
     * The plan version the case started with, or null when the case has none.
     *
     * @throws IllegalStateException when that version is missing from the configuration, which keeps every version
     */
    public static ActionPlan planOf(Case current, Configuration config) {
        PlanProgress progress = current.plan();
        if (progress == null) {
            return null;
        }
        return config.actionPlan(progress.planId(), progress.planVersion())
                .orElseThrow(() -> new IllegalStateException(
                        "action plan " + progress.planId() + " v" + progress.planVersion() + " is not configured"));
    }

    /**
     * Takes an action with a status (seed 000): a completed action cannot be taken again, a closed plan takes no new
     * action, and a status that closes the action may also close the plan (mode YES, or OPERATOR_CHOOSES with the
     * operator's yes), which then needs an exit state and closes the case in the same change.
     *
     * @param plan the plan version the case started with ({@link #planOf}); null when the case has none
     */
    public static CommandResult takeAction(Case current, ActionPlan plan, Actor actor, TakeAction command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        PlanProgress progress = current.plan();
        if (progress == null) {
            return new CaseError(CaseError.NO_ACTION_PLAN, null, "This case has no action plan, so no action can be taken.");
        }
        requireCasePlan(progress, plan);
        if (progress.closed()) {
            return new CaseError(CaseError.PLAN_CLOSED, null, "The action plan is closed: no new action can be taken.");
        }
        if (current.isClosed()) {
            return new CaseError(CaseError.CASE_CLOSED, null, "The case is closed: reopen it to take an action.");
        }
        String actionId = stripToNull(command.actionId());
        if (actionId == null) {
            return new CaseError(CaseError.ACTION_REQUIRED, "actionId", "Choose an action.");
        }
        Optional<PlanAction> foundAction = plan.action(actionId);
        if (foundAction.isEmpty()) {
            return new CaseError(CaseError.UNKNOWN_ACTION, "actionId", "The action plan has no such action.");
        }
        PlanAction action = foundAction.get();
        if (progress.completedActionIds().contains(actionId)) {
            return new CaseError(CaseError.ACTION_COMPLETED, "actionId",
                    "\"" + action.name() + "\" is completed and cannot be selected again.");
        }
        String statusId = stripToNull(command.statusId());
        if (statusId == null) {
            return new CaseError(CaseError.STATUS_REQUIRED, "statusId", "Choose a status for \"" + action.name() + "\".");
        }
        Optional<ActionStatus> foundStatus = action.status(statusId);
        if (foundStatus.isEmpty()) {
            return new CaseError(CaseError.STATUS_NOT_OF_ACTION, "statusId",
                    "This status is not one of the statuses of \"" + action.name() + "\".");
        }
        ActionStatus status = foundStatus.get();
        String comment = stripToNull(command.comment());
        if (comment != null && !action.allowComment()) {
            return new CaseError(CaseError.COMMENT_NOT_ALLOWED, "comment",
                    "\"" + action.name() + "\" does not take a comment.");
        }
        if (comment != null && tooLong(comment)) {
            return textTooLong("comment");
        }
        PlanClosing closing = planClosing(plan, action, status, command.closePlan(), stripToNull(command.exitStateId()));
        if (closing instanceof PlanClosing.Refused(CaseError error)) {
            return error;
        }

        Case.Builder next = current.toBuilder().version(current.version() + 1);
        Map<String, String> details = new HashMap<>();
        details.put(ACTION_ID, action.id());
        details.put(ACTION_NAME, action.name());
        details.put(STATUS_ID, status.id());
        details.put(STATUS_NAME, status.name());
        details.put(CLOSES_ACTION, Boolean.toString(status.closesAction()));
        details.put(CLOSES_PLAN, Boolean.toString(closing instanceof PlanClosing.Closes));
        putIfPresent(details, COMMENT, comment);
        CaseStatus statusAfterAction = markResponse(current, next, details, now);
        Set<String> completed = new HashSet<>(progress.completedActionIds());
        if (status.closesAction()) {
            completed.add(action.id());
        }
        PlanProgress afterAction = new PlanProgress(progress.planId(), progress.planVersion(), completed, false, null);
        next.plan(afterAction).append(now, actor.id(), ActivityType.ACTION_TAKEN, details);
        if (closing instanceof PlanClosing.Closes(ExitState exitState)) {
            close(current, next, statusAfterAction, afterAction, exitState, action.id(), actor, now);
        }
        return new CommandResult.Applied(next.build());
    }

    /**
     * Closes the plan with an exit state, and with it the case: the responder decides the follow-up is done. A case
     * without an action plan has no exit states and is closed without one.
     *
     * @param plan the plan version the case started with ({@link #planOf}); null when the case has none
     */
    public static CommandResult closePlan(Case current, ActionPlan plan, Actor actor, ClosePlan command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        PlanProgress progress = current.plan();
        if (progress != null) {
            requireCasePlan(progress, plan);
            if (progress.closed()) {
                return new CaseError(CaseError.PLAN_CLOSED, null, "The action plan is already closed.");
            }
        }
        if (current.isClosed()) {
            return new CaseError(CaseError.CASE_CLOSED, null, "The case is already closed.");
        }
        String exitStateId = stripToNull(command.exitStateId());
        ExitState exitState = null;
        if (progress == null) {
            if (exitStateId != null) {
                return new CaseError(CaseError.EXIT_STATE_NOT_ALLOWED, "exitStateId",
                        "This case has no action plan, so it has no exit states.");
            }
        } else {
            if (exitStateId == null) {
                return exitStateRequired();
            }
            Optional<ExitState> found = plan.exitState(exitStateId);
            if (found.isEmpty()) {
                return unknownExitState();
            }
            exitState = found.get();
        }
        Case.Builder next = current.toBuilder().version(current.version() + 1);
        close(current, next, current.status(), progress, exitState, null, actor, now);
        return new CommandResult.Applied(next.build());
    }

    /** Adds a note (not blank, at most {@link #MAX_TEXT}); on an open case it counts as a response. */
    public static CommandResult addNote(Case current, Actor actor, AddNote command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        String text = stripToNull(command.text());
        if (text == null) {
            return new CaseError(CaseError.NOTE_EMPTY, "text", "Write the note.");
        }
        if (tooLong(text)) {
            return textTooLong("text");
        }
        Case.Builder next = current.toBuilder().version(current.version() + 1);
        Map<String, String> details = new HashMap<>();
        details.put(TEXT, text);
        markResponse(current, next, details, now);
        next.append(now, actor.id(), ActivityType.NOTE_ADDED, details);
        return new CommandResult.Applied(next.build());
    }

    /**
     * Assigns the case to another responder, who must have the right to respond. When that responder belongs to a
     * team, the case follows them into it, so escalations go up their chain.
     */
    public static CommandResult reassign(
            Case current, Map<String, Responder> responders, Actor actor, Reassign command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        if (current.isClosed()) {
            return new CaseError(CaseError.CASE_CLOSED, null, "The case is closed: reopen it to reassign it.");
        }
        String responderId = stripToNull(command.responderId());
        if (responderId == null) {
            return new CaseError(CaseError.RESPONDER_REQUIRED, "responderId", "Choose whom to assign the case to.");
        }
        if (responderId.equals(current.assigneeId())) {
            return new CaseError(CaseError.SAME_ASSIGNEE, "responderId", "The case is already assigned to this responder.");
        }
        Responder target = responders.get(responderId);
        if (target == null) {
            return new CaseError(CaseError.UNKNOWN_RESPONDER, "responderId", "There is no such responder.");
        }
        if (!target.canRespond()) {
            return new CaseError(CaseError.CANNOT_RESPOND, "responderId",
                    target.name() + " does not have the right to respond to cases.");
        }
        Case.Builder next = current.toBuilder().version(current.version() + 1).assigneeId(target.id());
        Map<String, String> details = new HashMap<>();
        putIfPresent(details, FROM, current.assigneeId());
        Responder previous = current.assigneeId() == null ? null : responders.get(current.assigneeId());
        putIfPresent(details, FROM_NAME, previous == null ? null : previous.name());
        details.put(TO, target.id());
        putIfPresent(details, TO_NAME, target.name());
        if (target.teamId() != null && !target.teamId().equals(current.teamId())) {
            next.teamId(target.teamId());
            putIfPresent(details, TEAM_FROM, current.teamId());
            details.put(TEAM_TO, target.teamId());
        }
        next.append(now, actor.id(), ActivityType.CASE_ASSIGNED, details);
        return new CommandResult.Applied(next.build());
    }

    /**
     * Sets the root cause: a cause (a node with a parent category) of the taxonomy. Allowed on a closed case too,
     * since the cause is often only known once the customer has been called.
     */
    public static CommandResult setRootCause(
            Case current, Map<String, RootCause> rootCauses, Actor actor, SetRootCause command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        String rootCauseId = stripToNull(command.rootCauseId());
        if (rootCauseId == null) {
            return new CaseError(CaseError.ROOT_CAUSE_REQUIRED, "rootCauseId", "Choose a root cause.");
        }
        if (rootCauseId.equals(current.rootCauseId())) {
            return new CaseError(CaseError.SAME_ROOT_CAUSE, "rootCauseId", "The case already has this root cause.");
        }
        RootCause cause = rootCauses.get(rootCauseId);
        RootCause category = cause == null || cause.isCategory() ? null : rootCauses.get(cause.parentId());
        if (cause == null || (!cause.isCategory() && category == null)) {
            return new CaseError(CaseError.UNKNOWN_ROOT_CAUSE, "rootCauseId", "There is no such root cause.");
        }
        if (cause.isCategory()) {
            return new CaseError(CaseError.NOT_A_CAUSE, "rootCauseId",
                    "\"" + cause.name() + "\" is a category: choose one of its causes.");
        }
        Map<String, String> details = new HashMap<>();
        putIfPresent(details, FROM, current.rootCauseId());
        RootCause previous = current.rootCauseId() == null ? null : rootCauses.get(current.rootCauseId());
        putIfPresent(details, FROM_NAME, previous == null ? null : previous.name());
        details.put(TO, cause.id());
        putIfPresent(details, TO_NAME, cause.name());
        details.put(CATEGORY_ID, category.id());
        putIfPresent(details, CATEGORY_NAME, category.name());
        Case updated = current.toBuilder()
                .version(current.version() + 1)
                .rootCauseId(cause.id())
                .append(now, actor.id(), ActivityType.ROOT_CAUSE_SET, details)
                .build();
        return new CommandResult.Applied(updated);
    }

    /** Changes the priority of a case that is not closed. */
    public static CommandResult setPriority(Case current, Actor actor, SetPriority command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        if (current.isClosed()) {
            return new CaseError(CaseError.CASE_CLOSED, null, "The case is closed: reopen it to change its priority.");
        }
        if (command.priority() == null) {
            return new CaseError(CaseError.PRIORITY_REQUIRED, "priority", "Choose a priority.");
        }
        if (command.priority() == current.priority()) {
            return new CaseError(CaseError.SAME_PRIORITY, "priority", "The case already has this priority.");
        }
        Map<String, String> details = new HashMap<>();
        putIfPresent(details, FROM, current.priority() == null ? null : current.priority().name());
        details.put(TO, command.priority().name());
        Case updated = current.toBuilder()
                .version(current.version() + 1)
                .priority(command.priority())
                .append(now, actor.id(), ActivityType.PRIORITY_CHANGED, details)
                .build();
        return new CommandResult.Applied(updated);
    }

    /**
     * Reopens a closed case: CLOSED → OPEN, the plan open again for new actions while completed actions stay
     * completed, the history kept, {@code reopenCount} + 1. {@code closedAt} is cleared (the log keeps every close);
     * {@code firstClosedAt} and {@code firstResponseAt} stay.
     */
    public static CommandResult reopen(Case current, Actor actor, Reopen command, Instant now) {
        if (!actor.mayRespond()) {
            return notAllowed();
        }
        if (!current.isClosed()) {
            return new CaseError(CaseError.CASE_NOT_CLOSED, null, "The case is not closed.");
        }
        String reason = stripToNull(command.reason());
        if (reason != null && tooLong(reason)) {
            return textTooLong("reason");
        }
        return new CommandResult.Applied(reopened(current, current.toBuilder().version(current.version() + 1), actor, reason, now).build());
    }

    /**
     * Reopens a closed case into {@code next} (a builder already at the next version), appending CASE_REOPENED: the
     * rules of {@link #reopen}, for callers that checked the actor's right themselves (the customer's check-in).
     */
    public static Case.Builder reopened(Case current, Case.Builder next, Actor actor, String reason, Instant now) {
        int reopenCount = current.reopenCount() + 1;
        Map<String, String> details = new HashMap<>();
        putIfPresent(details, REASON, reason);
        PlanProgress progress = current.plan();
        if (progress != null && progress.exitStateId() != null) {
            details.put(EXIT_STATE_ID, progress.exitStateId());
            putIfPresent(details, EXIT_STATE_NAME, lastExitStateName(current, progress.exitStateId()));
        }
        details.put(REOPEN_COUNT, Integer.toString(reopenCount));
        details.put(STATUS_FROM, current.status().name());
        details.put(STATUS_TO, CaseStatus.OPEN.name());
        next.status(CaseStatus.OPEN)
                .closedAt(null)
                .reopenCount(reopenCount);
        if (progress != null) {
            next.plan(new PlanProgress(progress.planId(), progress.planVersion(), progress.completedActionIds(), false, null));
        }
        next.append(now, actor.id(), ActivityType.CASE_REOPENED, details);
        return next;
    }

    /** Whether taking an action with this status closes the plan, with which exit state, or why the input is refused. */
    private sealed interface PlanClosing {
        record KeepsOpen() implements PlanClosing {}

        record Closes(ExitState exitState) implements PlanClosing {}

        record Refused(CaseError error) implements PlanClosing {}
    }

    private static PlanClosing planClosing(
            ActionPlan plan, PlanAction action, ActionStatus status, Boolean choice, String exitStateId) {
        ClosesPlan mode = action.closesPlan();
        if (choice != null && mode != ClosesPlan.OPERATOR_CHOOSES) {
            return new PlanClosing.Refused(new CaseError(CaseError.CLOSE_CHOICE_NOT_ALLOWED, "closePlan",
                    "\"" + action.name() + "\" decides by itself whether it closes the plan: no choice is asked."));
        }
        boolean closes;
        if (!status.closesAction()) {
            if (Boolean.TRUE.equals(choice)) {
                return new PlanClosing.Refused(new CaseError(CaseError.ACTION_NOT_COMPLETED, "closePlan",
                        "\"" + status.name() + "\" does not complete the action, so it cannot close the plan."));
            }
            closes = false;
        } else {
            closes = switch (mode) {
                case NO -> false;
                case YES -> true;
                case OPERATOR_CHOOSES -> Boolean.TRUE.equals(choice);
            };
            if (mode == ClosesPlan.OPERATOR_CHOOSES && choice == null) {
                return new PlanClosing.Refused(new CaseError(CaseError.CLOSE_CHOICE_REQUIRED, "closePlan",
                        "Say whether \"" + action.name() + "\" closes the action plan."));
            }
        }
        if (!closes) {
            return exitStateId == null ? new PlanClosing.KeepsOpen()
                    : new PlanClosing.Refused(new CaseError(CaseError.EXIT_STATE_NOT_ALLOWED, "exitStateId",
                            "An exit state is chosen only when the action plan is closed."));
        }
        if (exitStateId == null) {
            return new PlanClosing.Refused(exitStateRequired());
        }
        return plan.exitState(exitStateId)
                .<PlanClosing>map(PlanClosing.Closes::new)
                .orElseGet(() -> new PlanClosing.Refused(unknownExitState()));
    }

    /** Closes plan and case into {@code next}, appending CASE_CLOSED; {@code actionId} is set when an action closed it. */
    private static void close(Case current, Case.Builder next, CaseStatus statusBefore, PlanProgress progress,
            ExitState exitState, String actionId, Actor actor, Instant now) {
        Map<String, String> details = new HashMap<>();
        if (exitState != null) {
            details.put(EXIT_STATE_ID, exitState.id());
            putIfPresent(details, EXIT_STATE_NAME, exitState.name());
        }
        putIfPresent(details, ACTION_ID, actionId);
        details.put(STATUS_FROM, statusBefore.name());
        details.put(STATUS_TO, CaseStatus.CLOSED.name());
        if (progress != null) {
            next.plan(new PlanProgress(progress.planId(), progress.planVersion(), progress.completedActionIds(), true,
                    exitState == null ? null : exitState.id()));
        }
        next.status(CaseStatus.CLOSED).closedAt(now);
        if (current.firstClosedAt() == null) {
            next.firstClosedAt(now);
        }
        next.append(now, actor.id(), ActivityType.CASE_CLOSED, details);
    }

    /**
     * Records an action or note as a response: on a case not closed, the first one sets {@code firstResponseAt}, and
     * any moves OPEN → IN_PROGRESS (noted in the entry's details). Returns the status after it.
     */
    public static CaseStatus markResponse(Case current, Case.Builder next, Map<String, String> details, Instant now) {
        if (current.isClosed()) {
            return current.status();
        }
        if (current.firstResponseAt() == null) {
            next.firstResponseAt(now);
        }
        if (current.status() == CaseStatus.OPEN) {
            next.status(CaseStatus.IN_PROGRESS);
            details.put(STATUS_FROM, CaseStatus.OPEN.name());
            details.put(STATUS_TO, CaseStatus.IN_PROGRESS.name());
            return CaseStatus.IN_PROGRESS;
        }
        return current.status();
    }

    private static String lastExitStateName(Case current, String exitStateId) {
        return current.activities().reversed().stream()
                .filter(a -> a.type() == ActivityType.CASE_CLOSED && exitStateId.equals(a.detail(EXIT_STATE_ID)))
                .map(a -> a.detail(EXIT_STATE_NAME))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static void requireCasePlan(PlanProgress progress, ActionPlan plan) {
        if (plan == null || !plan.id().equals(progress.planId()) || plan.version() != progress.planVersion()) {
            throw new IllegalArgumentException("the case follows action plan " + progress.planId() + " v"
                    + progress.planVersion() + ", not " + (plan == null ? "none" : plan.id() + " v" + plan.version()));
        }
    }

    private static CaseError notAllowed() {
        return new CaseError(CaseError.NOT_ALLOWED, null, "You do not have the right to respond to cases: this case is read-only.");
    }

    private static CaseError exitStateRequired() {
        return new CaseError(CaseError.EXIT_STATE_REQUIRED, "exitStateId", "Choose the exit state of the action plan.");
    }

    private static CaseError unknownExitState() {
        return new CaseError(CaseError.UNKNOWN_EXIT_STATE, "exitStateId", "The action plan has no such exit state.");
    }

    private static CaseError textTooLong(String field) {
        return new CaseError(CaseError.TEXT_TOO_LONG, field, "Keep it to " + MAX_TEXT + " characters at most.");
    }

    private static boolean tooLong(String text) {
        return text.codePointCount(0, text.length()) > MAX_TEXT;
    }

    private static String stripToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void putIfPresent(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
