package io.closedloop.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.cases.Activity;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseForms;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.Configuration;
import io.closedloop.config.ExitState;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.json.Json;
import io.closedloop.ports.CaseSummary;
import io.closedloop.sla.SlaClock;
import io.closedloop.sla.TargetWindow;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Cases as the case API shows them: the case with its feedback, SLA deadlines, plan progress, the commands and
 * actions available now (the same {@link CaseForms} the case page renders), and the activity log. Internal state
 * (alert bookkeeping, link generations) stays out.
 */
public final class CaseViews {

    private CaseViews() {}

    /** The API name of each case-page form: {@code POST /api/cases/{id}/<name>}. */
    public static String commandName(CaseForms.Form form) {
        return switch (form) {
            case TAKE_ACTION -> "action";
            case CLOSE_PLAN -> "close";
            case ADD_NOTE -> "note";
            case REASSIGN -> "reassign";
            case SET_ROOT_CAUSE -> "root-cause";
            case SET_PRIORITY -> "priority";
            case REOPEN -> "reopen";
            case EMAIL_CUSTOMER -> "email";
        };
    }

    /** @param mayWrite whether the caller may send commands (CASES_WRITE); without it nothing is offered */
    public static ObjectNode of(Case c, Configuration config, Actor actor, boolean mayWrite) {
        ObjectNode view = Json.object();
        view.put("id", c.id());
        view.put("version", c.version());
        view.put("campaignId", c.campaignId());
        view.put("status", c.status().name());
        view.put("priority", c.priority().name());
        putOptional(view, "assigneeId", c.assigneeId());
        config.responder(c.assigneeId()).map(Responder::name).ifPresent(name -> view.put("assigneeName", name));
        putOptional(view, "teamId", c.teamId());
        ArrayNode watchers = view.putArray("watcherIds");
        c.watcherIds().forEach(watchers::add);
        if (c.rootCauseId() != null) {
            ObjectNode rootCause = view.putObject("rootCause");
            rootCause.put("id", c.rootCauseId());
            RootCause cause = config.rootCauses().get(c.rootCauseId());
            if (cause != null) {
                rootCause.put("name", cause.name());
                RootCause category = cause.parentId() == null ? null : config.rootCauses().get(cause.parentId());
                if (category != null) {
                    rootCause.put("categoryId", category.id());
                    rootCause.put("categoryName", category.name());
                }
            }
        }
        putInstant(view, "openedAt", c.openedAt());
        putInstant(view, "firstResponseAt", c.firstResponseAt());
        putInstant(view, "closedAt", c.closedAt());
        putInstant(view, "firstClosedAt", c.firstClosedAt());
        view.put("reopenCount", c.reopenCount());
        view.set("response", response(c.response()));
        if (c.opening() != null) {
            view.set("opening", Json.MAPPER.valueToTree(c.opening()));
        }
        if (c.sla() != null) {
            view.set("sla", sla(c.sla()));
        }
        ActionPlan plan = c.plan() == null ? null : config.actionPlan(c.plan().planId(), c.plan().planVersion()).orElse(null);
        if (c.plan() != null) {
            ObjectNode progress = view.putObject("plan");
            progress.put("id", c.plan().planId());
            progress.put("version", c.plan().planVersion());
            if (plan != null) {
                progress.put("name", plan.name());
            }
            progress.put("closed", c.plan().closed());
            putOptional(progress, "exitStateId", c.plan().exitStateId());
            if (plan != null && c.plan().exitStateId() != null) {
                plan.exitState(c.plan().exitStateId()).ifPresent(e -> progress.put("exitStateName", e.name()));
            }
            ArrayNode completed = progress.putArray("completedActionIds");
            c.plan().completedActionIds().stream().sorted().forEach(completed::add);
        }
        view.set("available", available(c, plan, actor, mayWrite));
        ArrayNode log = view.putArray("activities");
        for (Activity activity : c.activities()) {
            ObjectNode entry = log.addObject();
            entry.put("seq", activity.seq());
            entry.put("at", activity.at().toString());
            entry.put("actor", activity.actor());
            entry.put("type", activity.type().name());
            putOptional(entry, "eventType", activity.type().eventType());
            ObjectNode details = entry.putObject("details");
            activity.details().forEach(details::put);
        }
        return view;
    }

    private static ObjectNode available(Case c, ActionPlan plan, Actor actor, boolean mayWrite) {
        ObjectNode available = Json.object();
        ArrayNode commands = available.putArray("commands");
        ArrayNode actions = available.putArray("actions");
        ArrayNode exitStates = available.putArray("exitStates");
        if (!mayWrite) {
            return available;
        }
        Set<CaseForms.Form> forms = CaseForms.availableForms(c, plan, actor);
        for (CaseForms.Form form : CaseForms.Form.values()) {
            if (forms.contains(form)) {
                commands.add(commandName(form));
            }
        }
        if (plan != null) {
            for (CaseForms.ActionChoice choice : CaseForms.actionChoices(c, plan)) {
                ObjectNode action = actions.addObject();
                action.put("id", choice.action().id());
                action.put("name", choice.action().name());
                putOptional(action, "description", choice.action().description());
                action.put("commentAllowed", choice.commentAllowed());
                action.put("closeQuestion", choice.closeQuestion().name());
                ArrayNode statuses = action.putArray("statuses");
                for (ActionStatus status : choice.statuses()) {
                    statuses.addObject().put("id", status.id()).put("name", status.name()).put("closesAction", status.closesAction())
                            .put("closeQuestion", CaseForms.closeQuestion(choice.action(), status).name());
                }
            }
            if (forms.contains(CaseForms.Form.CLOSE_PLAN) || forms.contains(CaseForms.Form.TAKE_ACTION)) {
                for (ExitState exit : CaseForms.exitStates(plan)) {
                    exitStates.addObject().put("id", exit.id()).put("name", exit.name());
                }
            }
        }
        return available;
    }

    static ObjectNode response(Response r) {
        ObjectNode response = Json.object();
        response.put("id", r.id().toString());
        response.put("sourceId", r.sourceId());
        response.put("externalId", r.externalId());
        putInstant(response, "submittedAt", r.submittedAt());
        response.put("revision", r.revision());
        if (r.score() != null) {
            response.putObject("score").put("type", r.score().type().name()).put("value", r.score().value());
            response.put("category", r.score().category().name());
        }
        putOptional(response, "comment", r.comment());
        Respondent who = r.respondent();
        ObjectNode respondent = response.putObject("respondent");
        putOptional(respondent, "id", who.id());
        putOptional(respondent, "email", who.email());
        putOptional(respondent, "name", who.name());
        putOptional(respondent, "phone", who.phone());
        putOptional(respondent, "locale", who.locale());
        response.set("answers", map(r.answers()));
        response.set("attributes", map(r.attributes()));
        return response;
    }

    private static ObjectNode sla(SlaClock clock) {
        ObjectNode sla = Json.object();
        sla.put("policyId", clock.policyId());
        sla.put("basis", clock.basis().name());
        putOptional(sla, "calendarId", clock.calendarId());
        sla.put("breached", breached(clock));
        sla.set("firstResponse", window(clock.firstResponse()));
        sla.set("resolution", window(clock.resolution()));
        ArrayNode earlier = sla.putArray("earlierResolutions");
        clock.earlierResolutions().forEach(w -> earlier.add(window(w)));
        putInstant(sla, "nextEscalationAt", clock.nextEscalationAt());
        return sla;
    }

    /** Whether any target of the case was ever breached (the case list's {@code breached} filter). */
    static boolean breached(SlaClock clock) {
        return clock.firstResponse().breachedAt() != null || clock.resolution().breachedAt() != null
                || clock.earlierResolutions().stream().anyMatch(w -> w.breachedAt() != null);
    }

    private static ObjectNode window(TargetWindow window) {
        ObjectNode view = Json.object();
        if (window.target() != null) {
            view.put("target", window.target().toString());
        }
        putInstant(view, "startedAt", window.startedAt());
        putInstant(view, "dueAt", window.dueAt());
        putInstant(view, "remindAt", window.remindAt());
        putInstant(view, "remindedAt", window.remindedAt());
        putInstant(view, "breachedAt", window.breachedAt());
        putInstant(view, "metAt", window.metAt());
        if (window.metAt() != null) {
            view.put("withinTarget", window.withinTarget());
        }
        return view;
    }

    /** One line of a case list. */
    public static ObjectNode summary(CaseSummary s) {
        ObjectNode view = Json.object();
        view.put("id", s.caseId());
        view.put("campaignId", s.campaignId());
        if (s.status() != null) {
            view.put("status", s.status().name());
        }
        if (s.priority() != null) {
            view.put("priority", s.priority().name());
        }
        putOptional(view, "assigneeId", s.assigneeId());
        if (s.score() != null) {
            view.put("score", s.score());
        }
        view.put("breached", s.breached());
        putInstant(view, "openedAt", s.openedAt());
        return view;
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode node = Json.object();
        values.forEach(node::put);
        return node;
    }

    private static void putOptional(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
