package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.ConfigValidator;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.Campaign;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.ExitState;
import io.closedloop.config.PlanAction;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.functions.console.ConsoleView.ActionSlot;
import io.closedloop.functions.console.ConsoleView.ExitSlot;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.PlanForm;
import io.closedloop.functions.console.ConsoleView.PlanRow;
import io.closedloop.functions.console.ConsoleView.StatusSlot;
import io.closedloop.http.HttpResponse;
import io.closedloop.json.Json;
import io.closedloop.templates.console.JteplanGenerated;
import io.closedloop.templates.console.JteplansGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The action plan pages under {@code /console/admin/action-plans} (seed 000; {@link EntryPages}): the list and a plan's form with its actions, each
 * action's statuses, and the exit states. The form works without script: it shows the plan's rows and a few empty
 * ones; an empty row is left out, and a row's identifier left empty is made from its name. A save writes the plan's
 * next version through the admin API's rules ({@link ConfigEntries}); a case keeps the version it started with.
 */
final class PlansPages implements EntryPages.Kind<ActionPlan, PlansPages.Input> {

    static final String BASE = "/console/admin/action-plans";
    /** Empty rows the form offers beyond the plan's own: actions, statuses per action, exit states. */
    static final int SPARE_ACTIONS = 1;
    static final int SPARE_STATUSES = 2;
    static final int SPARE_EXITS = 2;
    /** Rows a new plan's form starts with. */
    static final int NEW_ROWS = 3;

    record StatusInput(String id, String name, boolean closesAction) {}

    record ActionInput(String id, String name, String description, ClosesPlan closesPlan, boolean allowComment, List<StatusInput> statuses) {}

    record ExitInput(String id, String name, boolean resolved) {}

    /** What the form sends, empty rows left out, in the order shown. */
    record Input(String id, String name, String description, List<ActionInput> actions, List<ExitInput> exits) {}

    private final ConfigEntries<ActionPlan> plans;

    PlansPages(ConfigEntries<ActionPlan> plans) {
        this.plans = plans;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "plans.";
    }

    @Override
    public Input blank() {
        return new Input(null, null, null, List.of(), List.of());
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(ActionPlan value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<ActionPlan>> deletes() {
        return Optional.of(plans);
    }

    @Override
    public String nameOf(ActionPlan value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<ActionPlan>> find(ConsoleVisit visit, String id) {
        return plans.find(visit.access(), id);
    }

    @Override
    public Saved<ActionPlan> save(ConsoleVisit visit, Input input, Long version) {
        return plans.save(visit.access(), input.id(), json(input), version);
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<Listed<ActionPlan>> all = new ArrayList<>(plans.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().name()));
        List<PlanRow> rows = new ArrayList<>();
        for (Listed<ActionPlan> listed : all) {
            ActionPlan p = listed.value();
            List<String> campaigns = visit.config().campaigns().values().stream().filter(c -> p.id().equals(c.actionPlanId()))
                    .map(Campaign::name).sorted().toList();
            rows.add(new PlanRow(p.id(), BASE + "/" + p.id(), p.name(), m.t("plans.version", p.version()),
                    m.t("plans.counts", p.actions().size(), p.exitStates().size()),
                    campaigns.isEmpty() ? m.t("plans.unused") : m.t("plans.usedBy", String.join(", ", campaigns))));
        }
        String notice = saved.flatMap(id -> all.stream().filter(l -> l.value().id().equals(id)).findFirst())
                .map(l -> m.t("plans.saved", l.value().name(), l.value().version())).orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("plans.title"),
                output -> JteplansGenerated.render(Pages.html(output), null, new ConsoleView.Plans(m, rows, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        WebMessages m = visit.m();
        boolean fresh = version == null && input.actions().isEmpty();
        List<ActionSlot> actions = new ArrayList<>();
        int actionRows = input.actions().size() + (fresh ? NEW_ROWS : SPARE_ACTIONS);
        for (int i = 0; i < actionRows; i++) {
            ActionInput a = i < input.actions().size() ? input.actions().get(i)
                    : new ActionInput(null, null, null, ClosesPlan.NO, false, List.of());
            String prefix = "actions[" + i + "]";
            List<StatusSlot> statuses = new ArrayList<>();
            int statusRows = a.statuses().size() + (a.statuses().isEmpty() ? NEW_ROWS : SPARE_STATUSES);
            for (int j = 0; j < statusRows; j++) {
                StatusInput s = j < a.statuses().size() ? a.statuses().get(j) : new StatusInput(null, null, false);
                statuses.add(new StatusSlot(prefix + ".statuses[" + j + "]", FormText.text(s.id()), FormText.text(s.name()), s.closesAction()));
            }
            List<Option> closes = java.util.Arrays.stream(ClosesPlan.values())
                    .map(c -> new Option(c.name(), m.t("plans.closesPlan." + c.name()), c == a.closesPlan())).toList();
            actions.add(new ActionSlot(prefix, m.t("plans.action", i + 1), FormText.text(a.id()), FormText.text(a.name()), FormText.text(a.description()), closes,
                    a.allowComment(), statuses));
        }
        List<ExitSlot> exits = new ArrayList<>();
        int exitRows = input.exits().size() + (fresh ? NEW_ROWS : SPARE_EXITS);
        for (int k = 0; k < exitRows; k++) {
            ExitInput e = k < input.exits().size() ? input.exits().get(k) : new ExitInput(null, null, false);
            exits.add(new ExitSlot("exitStates[" + k + "]", FormText.text(e.id()), FormText.text(e.name()), e.resolved()));
        }
        PlanForm view = new PlanForm(m, action, FormText.text(input.id()), FormText.text(input.name()), FormText.text(input.description()), actions, exits, version,
                visit.csrf(), errors, conflict);
        String title = version == null ? m.t("plans.new") : input.name();
        return ConsolePages.framed(status, visit.nav(), title, output -> JteplanGenerated.render(Pages.html(output), null, view));
    }

    /** @param id the plan's id from the address; null for a new plan (then the form's, or one made from the name) */
    @Override
    public Input read(FormBody form, String id) {
        String name = FormText.strip(form.text("name"));
        String planId = id != null ? id : idOr(FormText.strip(form.text("id")), name);
        List<ActionInput> actions = new ArrayList<>();
        for (int i = 0; i < ConfigValidator.MAX_ACTIONS + NEW_ROWS; i++) {
            String prefix = "actions[" + i + "]";
            List<StatusInput> statuses = new ArrayList<>();
            for (int j = 0; j < ConfigValidator.MAX_STATUSES + NEW_ROWS; j++) {
                String at = prefix + ".statuses[" + j + "]";
                String statusName = FormText.strip(form.text(at + ".name"));
                String statusId = FormText.strip(form.text(at + ".id"));
                if (statusName != null || statusId != null) {
                    statuses.add(new StatusInput(idOr(statusId, statusName), statusName, form.field(at + ".closesAction").isPresent()));
                }
            }
            String actionName = FormText.strip(form.text(prefix + ".name"));
            String actionId = FormText.strip(form.text(prefix + ".id"));
            String description = FormText.strip(form.text(prefix + ".description"));
            if (actionName != null || actionId != null || description != null || !statuses.isEmpty()) {
                ClosesPlan closes = form.field(prefix + ".closesPlan").flatMap(PlansPages::closesPlan).orElse(ClosesPlan.NO);
                actions.add(new ActionInput(idOr(actionId, actionName), actionName, description, closes,
                        form.field(prefix + ".allowComment").isPresent(), statuses));
            }
        }
        List<ExitInput> exits = new ArrayList<>();
        for (int k = 0; k < ConfigValidator.MAX_EXIT_STATES + NEW_ROWS; k++) {
            String at = "exitStates[" + k + "]";
            String exitName = FormText.strip(form.text(at + ".name"));
            String exitId = FormText.strip(form.text(at + ".id"));
            if (exitName != null || exitId != null) {
                exits.add(new ExitInput(idOr(exitId, exitName), exitName, form.field(at + ".resolved").isPresent()));
            }
        }
        return new Input(planId, name, FormText.strip(form.text("description")), actions, exits);
    }

    /** An identifier made from a name: "Call the customer" → {@code call-the-customer}; null when nothing is left. */
    static String idFrom(String name) {
        if (name == null) {
            return null;
        }
        String id = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        id = id.length() > 64 ? id.substring(0, 64).replaceAll("-+$", "") : id;
        return id.isEmpty() ? null : id;
    }

    private static String idOr(String id, String name) {
        return id != null ? id : idFrom(name);
    }

    private static Optional<ClosesPlan> closesPlan(String value) {
        try {
            return Optional.of(ClosesPlan.valueOf(value));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public Input inputOf(ActionPlan p) {
        List<ActionInput> actions = p.actions().stream().map(a -> new ActionInput(a.id(), a.name(), a.description(), a.closesPlan(),
                a.allowComment(), a.statuses().stream().map(s -> new StatusInput(s.id(), s.name(), s.closesAction())).toList())).toList();
        List<ExitInput> exits = p.exitStates().stream().map(e -> new ExitInput(e.id(), e.name(), e.resolved())).toList();
        return new Input(p.id(), p.name(), p.description(), actions, exits);
    }

    private static ObjectNode json(Input input) {
        List<PlanAction> actions = input.actions().stream().map(a -> new PlanAction(a.id(), a.name(), a.description(), a.closesPlan(),
                a.allowComment(), a.statuses().stream().map(s -> new ActionStatus(s.id(), s.name(), s.closesAction())).toList())).toList();
        List<ExitState> exits = input.exits().stream().map(e -> new ExitState(e.id(), e.name(), e.resolved())).toList();
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("description", input.description());
        ArrayNode actionArray = json.putArray("actions");
        actions.forEach(a -> actionArray.add(Json.MAPPER.valueToTree(a)));
        ArrayNode exitArray = json.putArray("exitStates");
        exits.forEach(e -> exitArray.add(Json.MAPPER.valueToTree(e)));
        return json;
    }
}
