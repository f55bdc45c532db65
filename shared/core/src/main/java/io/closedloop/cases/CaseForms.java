package io.closedloop.cases;

import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the case page and the case API offer, derived from the same rules {@link CaseCommands} enforces: the actions
 * still selectable, their statuses, whether a comment is allowed, whether the close-the-plan question is asked.
 */
public final class CaseForms {

    private CaseForms() {}

    /** What the form asks about closing the plan when an action is taken. */
    public enum CloseQuestion {
        /** Nothing: this action (or this status) never closes the plan. */
        NONE,
        /** Mode YES: an exit state, needed when the chosen status closes the action (the plan then closes). */
        EXIT_STATE,
        /** Mode OPERATOR_CHOOSES: "close the plan?" yes/no, and an exit state when yes. */
        CHOICE_AND_EXIT_STATE
    }

    /** The forms of the case page, each matching one {@link CaseCommand}. */
    public enum Form {
        TAKE_ACTION,
        CLOSE_PLAN,
        ADD_NOTE,
        REASSIGN,
        SET_ROOT_CAUSE,
        SET_PRIORITY,
        REOPEN,
        EMAIL_CUSTOMER
    }

    /** One selectable action as the Actions form shows it. */
    public record ActionChoice(
            PlanAction action, List<ActionStatus> statuses, boolean commentAllowed, CloseQuestion closeQuestion) {

        public ActionChoice {
            statuses = List.copyOf(statuses);
        }
    }

    /** Whether a new action can be taken: the case has a plan, the plan is open and the case is not closed. */
    public static boolean planOpen(Case current) {
        return current.plan() != null && !current.plan().closed() && !current.isClosed();
    }

    /** The actions still selectable, in plan order: none once the plan or case is closed, never a completed one. */
    public static List<PlanAction> selectableActions(Case current, ActionPlan plan) {
        if (!planOpen(current) || plan == null) {
            return List.of();
        }
        Set<String> completed = current.plan().completedActionIds();
        return plan.actions().stream().filter(a -> !completed.contains(a.id())).toList();
    }

    /** The selectable actions with everything the form needs to render each one. */
    public static List<ActionChoice> actionChoices(Case current, ActionPlan plan) {
        return selectableActions(current, plan).stream()
                .map(a -> new ActionChoice(a, a.statuses(), commentAllowed(a), closeQuestion(a)))
                .toList();
    }

    /** The statuses of an action of the plan; empty when the plan has no such action. */
    public static List<ActionStatus> statuses(ActionPlan plan, String actionId) {
        return plan.action(actionId).map(PlanAction::statuses).orElse(List.of());
    }

    public static boolean commentAllowed(PlanAction action) {
        return action.allowComment();
    }

    /** The close question to render before the status is chosen: asked when some status of the action completes it. */
    public static CloseQuestion closeQuestion(PlanAction action) {
        boolean canComplete = action.statuses().stream().anyMatch(ActionStatus::closesAction);
        return canComplete ? questionFor(action.closesPlan()) : CloseQuestion.NONE;
    }

    /** The close question once the status is known: only a status that completes the action can close the plan. */
    public static CloseQuestion closeQuestion(PlanAction action, ActionStatus status) {
        return status.closesAction() ? questionFor(action.closesPlan()) : CloseQuestion.NONE;
    }

    /** The exit states offered when the plan is closed, in plan order. */
    public static List<ExitState> exitStates(ActionPlan plan) {
        return plan == null ? List.of() : plan.exitStates();
    }

    /** The forms to show this actor: none without the right to respond (the page is read-only). */
    public static Set<Form> availableForms(Case current, ActionPlan plan, Actor actor) {
        Set<Form> forms = EnumSet.noneOf(Form.class);
        if (!actor.mayRespond()) {
            return forms;
        }
        forms.add(Form.ADD_NOTE);
        forms.add(Form.SET_ROOT_CAUSE);
        String address = current.response().respondent().email();
        if (address != null && !address.isBlank() && !(actor instanceof Actor.CustomerActor)) {
            forms.add(Form.EMAIL_CUSTOMER);
        }
        if (current.isClosed()) {
            forms.add(Form.REOPEN);
            return forms;
        }
        forms.add(Form.REASSIGN);
        forms.add(Form.SET_PRIORITY);
        if (current.plan() == null || !current.plan().closed()) {
            forms.add(Form.CLOSE_PLAN);
        }
        if (!selectableActions(current, plan).isEmpty()) {
            forms.add(Form.TAKE_ACTION);
        }
        return forms;
    }

    private static CloseQuestion questionFor(ClosesPlan mode) {
        return switch (mode) {
            case NO -> CloseQuestion.NONE;
            case YES -> CloseQuestion.EXIT_STATE;
            case OPERATOR_CHOOSES -> CloseQuestion.CHOICE_AND_EXIT_STATE;
        };
    }
}
