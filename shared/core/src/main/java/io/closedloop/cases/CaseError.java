package io.closedloop.cases;

import io.closedloop.http.Problem;
import java.util.List;
import java.util.Objects;

/**
 * Why a case command was refused. {@code code} is stable (clients and tests match on it), {@code field} names the
 * input it concerns (null when it concerns the case or the actor), {@code message} is plain English for the user.
 */
public record CaseError(String code, String field, String message) implements CommandResult {

    public static final String NOT_ALLOWED = "not-allowed";
    public static final String NO_ACTION_PLAN = "no-action-plan";
    public static final String PLAN_CLOSED = "plan-closed";
    public static final String CASE_CLOSED = "case-closed";
    public static final String CASE_NOT_CLOSED = "case-not-closed";
    public static final String ACTION_REQUIRED = "action-required";
    public static final String UNKNOWN_ACTION = "unknown-action";
    public static final String ACTION_COMPLETED = "action-completed";
    public static final String STATUS_REQUIRED = "status-required";
    public static final String STATUS_NOT_OF_ACTION = "status-not-of-action";
    public static final String COMMENT_NOT_ALLOWED = "comment-not-allowed";
    public static final String CLOSE_CHOICE_REQUIRED = "close-choice-required";
    public static final String CLOSE_CHOICE_NOT_ALLOWED = "close-choice-not-allowed";
    public static final String ACTION_NOT_COMPLETED = "action-not-completed";
    public static final String EXIT_STATE_REQUIRED = "exit-state-required";
    public static final String EXIT_STATE_NOT_ALLOWED = "exit-state-not-allowed";
    public static final String UNKNOWN_EXIT_STATE = "unknown-exit-state";
    public static final String NOTE_EMPTY = "note-empty";
    public static final String TEXT_TOO_LONG = "text-too-long";
    public static final String RESPONDER_REQUIRED = "responder-required";
    public static final String UNKNOWN_RESPONDER = "unknown-responder";
    public static final String CANNOT_RESPOND = "cannot-respond";
    public static final String SAME_ASSIGNEE = "same-assignee";
    public static final String ROOT_CAUSE_REQUIRED = "root-cause-required";
    public static final String UNKNOWN_ROOT_CAUSE = "unknown-root-cause";
    public static final String NOT_A_CAUSE = "not-a-cause";
    public static final String SAME_ROOT_CAUSE = "same-root-cause";
    public static final String PRIORITY_REQUIRED = "priority-required";
    public static final String SAME_PRIORITY = "same-priority";
    public static final String CHECK_IN_UNKNOWN = "check-in-unknown";
    public static final String CHECK_IN_ANSWERED = "check-in-answered";
    public static final String RESCORE_OUT_OF_RANGE = "rescore-out-of-range";
    public static final String NO_CUSTOMER_ADDRESS = "no-customer-address";
    public static final String SUBJECT_REQUIRED = "subject-required";
    public static final String MESSAGE_REQUIRED = "message-required";

    /** Codes that say the case's state forbids the command now (409), as opposed to bad input (422). */
    private static final List<String> STATE_CODES =
            List.of(NO_ACTION_PLAN, PLAN_CLOSED, CASE_CLOSED, CASE_NOT_CLOSED, ACTION_COMPLETED, CHECK_IN_UNKNOWN, CHECK_IN_ANSWERED,
                    NO_CUSTOMER_ADDRESS);

    public CaseError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** 403 for an actor without the right to respond, 409 when the case's state forbids it, 422 for bad input. */
    public int httpStatus() {
        if (code.equals(NOT_ALLOWED)) {
            return 403;
        }
        return STATE_CODES.contains(code) ? 409 : 422;
    }

    /** The RFC 9457 problem for the API and the page: type ends with the code, the field error names the input. */
    public Problem toProblem() {
        int status = httpStatus();
        String title = switch (status) {
            case 403 -> "Not allowed";
            case 409 -> "The case does not allow this now";
            default -> "The request is not valid";
        };
        Problem problem = Problem.of(status, code, title, message);
        return field == null ? problem
                : new Problem(status, problem.type(), title, message, List.of(new Problem.FieldError(field, message)));
    }
}
