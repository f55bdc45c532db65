package io.closedloop.webui;

import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseForms.ActionChoice;
import io.closedloop.cases.CaseForms.Form;
import io.closedloop.cases.CaseForms;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Configuration;
import io.closedloop.config.ExitState;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.ports.CaseSummary;
import io.closedloop.customer.Acknowledgements;
import io.closedloop.customer.ReplyTemplates;
import io.closedloop.webui.CaseView.ActionForm;
import io.closedloop.webui.CaseView.Attribute;
import io.closedloop.webui.CaseView.Customer;
import io.closedloop.webui.CaseView.EmailForm;
import io.closedloop.webui.CaseView.EarlierCase;
import io.closedloop.webui.CaseView.Feedback;
import io.closedloop.webui.CaseView.Forms;
import io.closedloop.webui.CaseView.GroupedSelectForm;
import io.closedloop.webui.CaseView.Notice;
import io.closedloop.webui.CaseView.Option;
import io.closedloop.webui.CaseView.OptionGroup;
import io.closedloop.webui.CaseView.SelectForm;
import io.closedloop.webui.CaseView.Summary;
import io.closedloop.webui.CaseView.TextForm;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds the {@link CaseView} of a case for one viewer, at {@code now}: pure, so every wording is testable. */
public final class CaseViews {

    /** How many other cases of the same customer the page lists. */
    public static final int EARLIER_CASES = 5;
    /** Attributes shown first, with a translated label; any other attribute follows under its own name. */
    private static final List<String> KNOWN_ATTRIBUTES = List.of("segment", "store", "country", "accountValue", "plan");

    /**
     * A request that did not go through, sent back so the form shows what the user typed.
     *
     * @param error the localized reason, shown next to the form; null when there is none (a conflict)
     */
    public record Attempt(CommandForm form, FormBody values, String error) {}

    private CaseViews() {}

    /**
     * @param paths where the page and its forms live (the emailed link's or the console's)
     * @param others the customer's cases from the customer index (this one is left out here)
     * @param viewer who looks, in which language, with which CSRF token, and whether the function lets them act
     * @param attempt the refused or conflicting request to show again, or null
     */
    public static CaseView build(CasePaths paths, Case c, Configuration config, List<CaseSummary> others, CasePage.Viewer viewer,
            Instant now, Notice notice, Attempt attempt) {
        WebMessages m = viewer.m();
        DateTimeFormatter dates = dates(m, zoneOf(viewer.person(), config));
        ActionPlan plan = c.plan() == null ? null : config.actionPlan(c.plan().planId(), c.plan().planVersion()).orElse(null);
        Customer customer = customer(c.response(), m);
        List<EarlierCase> earlier = others.stream()
                .filter(o -> !o.caseId().equals(c.id()))
                .limit(EARLIER_CASES)
                .map(o -> new EarlierCase(o.openedAt() == null ? "–" : dates.format(o.openedAt()),
                        o.score() == null ? "–" : o.score().toString(), m.status(o.status() == null ? null : o.status().name())))
                .toList();
        Forms forms = forms(c, plan, config, viewer, m, attempt, dates, paths);
        return new CaseView(m, m.t("page.caseTitle", customer.name()), c.id(), paths.formBase(c.id()),
                c.version(), viewer.csrf(), notice, summary(c, plan, config, m, dates), feedback(c.response(), m, dates), customer,
                earlier, SlaText.lines(c, now, m, dates), m.t("page.zone", zoneName(dates.getZone())),
                Timeline.entries(c, config, m, dates), forms, viewer.back());
    }

    /** The viewer's time zone: their own, else their calendar's, else their team's calendar's, else UTC. */
    public static ZoneId zoneOf(Responder viewer, Configuration config) {
        if (viewer == null) {
            return ZoneOffset.UTC;
        }
        if (viewer.timeZone() != null) {
            try {
                return ZoneId.of(viewer.timeZone());
            } catch (java.time.DateTimeException unknownHere) {
                // validated when saved; a zone this JVM's tz data lacks falls through to the calendars
            }
        }
        return config.calendar(viewer.calendarId())
                .or(() -> config.team(viewer.teamId()).flatMap(t -> config.calendar(t.calendarId())))
                .map(BusinessCalendar::zone)
                .orElse(ZoneOffset.UTC);
    }

    public static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public static DateTimeFormatter dates(WebMessages m, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(m.locale()).withZone(zone);
    }

    private static Summary summary(Case c, ActionPlan plan, Configuration config, WebMessages m, DateTimeFormatter dates) {
        String assignee = c.assigneeId() == null ? m.t("case.unassigned") : Timeline.responderName(config, c.assigneeId());
        String exitState = null;
        if (c.plan() != null && c.plan().closed() && c.plan().exitStateId() != null) {
            exitState = plan == null ? c.plan().exitStateId()
                    : plan.exitState(c.plan().exitStateId()).map(ExitState::name).orElse(c.plan().exitStateId());
        }
        String rootCause = null;
        if (c.rootCauseId() != null) {
            RootCause cause = config.rootCauses().get(c.rootCauseId());
            if (cause == null) {
                rootCause = c.rootCauseId();
            } else {
                RootCause category = cause.parentId() == null ? null : config.rootCauses().get(cause.parentId());
                rootCause = category == null ? cause.name() : category.name() + " › " + cause.name();
            }
        }
        return new Summary(c.status().name(), m.status(c.status().name()), m.priority(c.priority().name()), assignee,
                c.openedAt() == null ? "–" : dates.format(c.openedAt()),
                plan == null ? null : plan.name(), exitState, rootCause,
                c.opening() == null ? null : c.opening().ruleName());
    }

    private static Feedback feedback(Response response, WebMessages m, DateTimeFormatter dates) {
        if (response == null) {
            return new Feedback("–", "", null, null, null, null);
        }
        String submitted = response.submittedAt() == null ? null : dates.format(response.submittedAt());
        if (response.score() == null) {
            return new Feedback("–", "", null, null, response.comment(), submitted);
        }
        return new Feedback(Integer.toString(response.score().value()),
                m.t("score.scale", response.score().type().max(), response.score().type().name()),
                response.score().category().name(), m.t("category." + response.score().category().name()),
                response.comment(), submitted);
    }

    private static Customer customer(Response response, WebMessages m) {
        Respondent who = response == null ? Respondent.ANONYMOUS : response.respondent();
        String name = who.name() != null && !who.name().isBlank() ? who.name()
                : who.email() != null && !who.email().isBlank() ? who.email() : m.t("customer.anonymous");
        List<Attribute> attributes = new ArrayList<>();
        if (response != null) {
            Map<String, String> rest = new LinkedHashMap<>(response.attributes());
            for (String known : KNOWN_ATTRIBUTES) {
                String value = rest.remove(known);
                if (value != null && !value.isBlank()) {
                    attributes.add(new Attribute(m.t("attribute." + known), value));
                }
            }
            rest.forEach((name2, value) -> attributes.add(new Attribute(name2, value)));
        }
        return new Customer(name, blankToNull(who.email()), blankToNull(who.phone()), phoneHref(who.phone()), attributes);
    }

    /** Digits and a leading plus: all a {@code tel:} link needs, and nothing that could change what it means. */
    static String phoneHref(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder href = new StringBuilder("tel:");
        for (int i = 0; i < phone.length(); i++) {
            char ch = phone.charAt(i);
            if ((ch >= '0' && ch <= '9') || (ch == '+' && href.length() == 4)) {
                href.append(ch);
            }
        }
        return href.length() > 4 ? href.toString() : null;
    }

    private static Forms forms(Case c, ActionPlan plan, Configuration config, CasePage.Viewer viewer, WebMessages m, Attempt attempt,
            DateTimeFormatter dates, CasePaths paths) {
        Set<Form> available = viewer.mayAct() ? CaseForms.availableForms(c, plan, Actor.of(viewer.person())) : Set.of();
        if (available.isEmpty()) {
            return new Forms(true, List.of(), null, null, null, null, null, null, null);
        }
        List<ActionForm> actions = available.contains(Form.TAKE_ACTION)
                ? CaseForms.actionChoices(c, plan).stream().map(choice -> actionForm(choice, plan, m, attempt)).toList()
                : List.of();
        SelectForm close = available.contains(Form.CLOSE_PLAN)
                ? new SelectForm(exitStates(plan, m, draft(attempt, CommandForm.CLOSE, "exitStateId")), error(attempt, CommandForm.CLOSE))
                : null;
        TextForm note = available.contains(Form.ADD_NOTE)
                ? new TextForm(draftText(attempt, CommandForm.NOTE, "text"), error(attempt, CommandForm.NOTE))
                : null;
        SelectForm reassign = available.contains(Form.REASSIGN) ? reassign(c, config, attempt) : null;
        GroupedSelectForm rootCause = available.contains(Form.SET_ROOT_CAUSE) ? rootCauses(c, config, attempt) : null;
        SelectForm priority = available.contains(Form.SET_PRIORITY) ? priorities(c, m, attempt) : null;
        TextForm reopen = available.contains(Form.REOPEN)
                ? new TextForm(draftText(attempt, CommandForm.REOPEN, "reason"), error(attempt, CommandForm.REOPEN))
                : null;
        EmailForm email = available.contains(Form.EMAIL_CUSTOMER)
                ? new EmailForm(c.response().respondent().email(), draftText(attempt, CommandForm.EMAIL, "subject"),
                        draftText(attempt, CommandForm.EMAIL, "message"), error(attempt, CommandForm.EMAIL),
                        Acknowledgements.waiting(c) ? dates.format(c.alerts().get(Acknowledgements.KEY).notBefore()) : null,
                        ReplyTemplates.offered(c, config).stream()
                                .map(t -> new Option(t.id(), m.t("form.replyTemplate", t.name(), t.locale().toUpperCase(java.util.Locale.ROOT)),
                                        t.id().equals(draft(attempt, CommandForm.EMAIL, "reply"))))
                                .toList(),
                        paths.page(c.id()))
                : null;
        return new Forms(false, actions, close, note, reassign, rootCause, priority, reopen, email);
    }

    private static ActionForm actionForm(ActionChoice choice, ActionPlan plan, WebMessages m, Attempt attempt) {
        String actionId = choice.action().id();
        boolean mine = attempt != null && attempt.form() == CommandForm.ACTION
                && actionId.equals(attempt.values().text("actionId"));
        Attempt own = mine ? attempt : null;
        String chosenStatus = draft(own, CommandForm.ACTION, "statusId");
        List<Option> statuses = new ArrayList<>();
        statuses.add(new Option("", m.t("form.chooseStatus"), chosenStatus == null));
        for (ActionStatus status : choice.statuses()) {
            String label = status.closesAction() ? m.t("form.statusCompletes", status.name()) : status.name();
            statuses.add(new Option(status.id(), label, status.id().equals(chosenStatus)));
        }
        String closePlan = draft(own, CommandForm.ACTION, "closePlan");
        return new ActionForm(actionId, choice.action().name(), choice.action().description(), statuses,
                choice.commentAllowed(), draftText(own, CommandForm.ACTION, "comment"), choice.closeQuestion().name(),
                "yes".equals(closePlan), "no".equals(closePlan),
                exitStates(plan, m, draft(own, CommandForm.ACTION, "exitStateId")), error(own, CommandForm.ACTION));
    }

    /** The exit states after an empty default option: a form without JavaScript must be able to send none. */
    private static List<Option> exitStates(ActionPlan plan, WebMessages m, String chosen) {
        List<ExitState> states = CaseForms.exitStates(plan);
        if (states.isEmpty()) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option("", m.t("form.chooseExitState"), chosen == null));
        for (ExitState state : states) {
            options.add(new Option(state.id(), state.name(), state.id().equals(chosen)));
        }
        return options;
    }

    /** Responders with the right to respond, other than the current assignee; null when there is nobody else. */
    private static SelectForm reassign(Case c, Configuration config, Attempt attempt) {
        String chosen = draft(attempt, CommandForm.REASSIGN, "responderId");
        List<Option> options = config.responders().values().stream()
                .filter(Responder::canRespond)
                .filter(r -> !r.id().equals(c.assigneeId()))
                .sorted(Comparator.comparing((Responder r) -> r.name() == null ? r.id() : r.name()).thenComparing(Responder::id))
                .map(r -> new Option(r.id(), r.name() == null ? r.id() : r.name(), r.id().equals(chosen)))
                .toList();
        return options.isEmpty() ? null : new SelectForm(options, error(attempt, CommandForm.REASSIGN));
    }

    /** The two-level taxonomy: each category an optgroup of its causes; null when there is no cause at all. */
    private static GroupedSelectForm rootCauses(Case c, Configuration config, Attempt attempt) {
        String drafted = draft(attempt, CommandForm.ROOT_CAUSE, "rootCauseId");
        String chosen = drafted != null ? drafted : c.rootCauseId();
        Comparator<RootCause> byName = Comparator.comparing(RootCause::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RootCause::id);
        List<OptionGroup> groups = new ArrayList<>();
        config.rootCauses().values().stream().filter(RootCause::isCategory).sorted(byName).forEach(category -> {
            List<Option> causes = config.rootCauses().values().stream()
                    .filter(r -> category.id().equals(r.parentId()))
                    .sorted(byName)
                    .map(r -> new Option(r.id(), r.name(), r.id().equals(chosen)))
                    .toList();
            if (!causes.isEmpty()) {
                groups.add(new OptionGroup(category.name(), causes));
            }
        });
        return groups.isEmpty() ? null : new GroupedSelectForm(groups, error(attempt, CommandForm.ROOT_CAUSE));
    }

    private static SelectForm priorities(Case c, WebMessages m, Attempt attempt) {
        String drafted = draft(attempt, CommandForm.PRIORITY, "priority");
        String chosen = drafted != null ? drafted : c.priority().name();
        List<Option> options = new ArrayList<>();
        for (Priority p : Priority.values()) {
            options.add(new Option(p.name(), m.priority(p.name()), p.name().equals(chosen)));
        }
        return new SelectForm(options, error(attempt, CommandForm.PRIORITY));
    }

    private static String draft(Attempt attempt, CommandForm form, String field) {
        return attempt == null || attempt.form() != form ? null : attempt.values().text(field);
    }

    private static String draftText(Attempt attempt, CommandForm form, String field) {
        return Objects.requireNonNullElse(draft(attempt, form, field), "");
    }

    private static String error(Attempt attempt, CommandForm form) {
        return attempt == null || attempt.form() != form ? null : attempt.error();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
