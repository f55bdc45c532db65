package io.closedloop.cases;

/**
 * The keys of {@link Activity#details()} written by the case commands, so the page, the case API and the domain
 * events read them by name. Names of actions, statuses, exit states, responders and root causes are copied next to
 * their ids, so the log stays readable after the configuration changes. Booleans are "true"/"false"; statuses and
 * priorities are enum names.
 *
 * <ul>
 *   <li>ACTION_TAKEN: actionId, actionName, statusId, statusName, closesAction, closesPlan, comment?,
 *       statusFrom/statusTo (when it moved the case OPEN → IN_PROGRESS)
 *   <li>CASE_CLOSED: exitStateId?, exitStateName?, actionId? (when an action closed the plan), statusFrom, statusTo
 *   <li>CASE_REOPENED: reason?, exitStateId?, exitStateName? (the exit state it had), reopenCount, statusFrom,
 *       statusTo
 *   <li>NOTE_ADDED: text, statusFrom/statusTo (when it moved the case OPEN → IN_PROGRESS)
 *   <li>CASE_ASSIGNED: from?, fromName?, to, toName, teamFrom?/teamTo? (when the team changed)
 *   <li>ROOT_CAUSE_SET: from?, fromName?, to, toName, categoryId, categoryName
 *   <li>PRIORITY_CHANGED: from, to
 * </ul>
 * A key marked ? is absent when it has no value.
 */
public final class ActivityDetails {

    public static final String ACTION_ID = "actionId";
    public static final String ACTION_NAME = "actionName";
    public static final String STATUS_ID = "statusId";
    public static final String STATUS_NAME = "statusName";
    /** Whether the chosen status closed (completed) the action. */
    public static final String CLOSES_ACTION = "closesAction";
    /** Whether this action also closed the plan (a CASE_CLOSED entry follows). */
    public static final String CLOSES_PLAN = "closesPlan";
    public static final String COMMENT = "comment";
    public static final String EXIT_STATE_ID = "exitStateId";
    public static final String EXIT_STATE_NAME = "exitStateName";
    /** Previous value of what changed: responder id, root-cause id or priority. */
    public static final String FROM = "from";
    /** New value of what changed: responder id, root-cause id or priority. */
    public static final String TO = "to";
    public static final String FROM_NAME = "fromName";
    public static final String TO_NAME = "toName";
    public static final String TEAM_FROM = "teamFrom";
    public static final String TEAM_TO = "teamTo";
    public static final String CATEGORY_ID = "categoryId";
    public static final String CATEGORY_NAME = "categoryName";
    public static final String TEXT = "text";
    public static final String REASON = "reason";
    public static final String REOPEN_COUNT = "reopenCount";
    /** Case status before the entry, present only when the entry changed it. */
    public static final String STATUS_FROM = "statusFrom";
    /** Case status after the entry, present only when the entry changed it. */
    public static final String STATUS_TO = "statusTo";

    private ActivityDetails() {}
}
