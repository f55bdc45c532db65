package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.TimeBasis;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.SlaForm;
import io.closedloop.functions.console.ConsoleView.SlaRow;
import io.closedloop.functions.console.ConsoleView.SpanInput;
import io.closedloop.functions.console.ConsoleView.StepSlot;
import io.closedloop.functions.console.ConsoleView.TargetsInput;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.templates.console.JteslaPoliciesGenerated;
import io.closedloop.templates.console.JteslaPolicyGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SLA policy pages under {@code /console/admin/sla-policies} ({@link EntryPages}): the list and a policy's form,
 * every length of time in hours and minutes (never an ISO duration): first-response and resolution targets, targets
 * per priority, the reminder as a percentage of the window, the escalation chain, and whether the time counted is every
 * hour or the working hours of a business calendar.
 */
final class SlaPoliciesPages implements EntryPages.Kind<SlaPolicy, SlaPoliciesPages.Input> {

    static final String BASE = "/console/admin/sla-policies";
    /** Empty escalation steps the form offers beyond the policy's own. */
    static final int EMPTY_STEPS = 2;
    private static final long MAX_HOURS = 24L * 366;
    /** Rows read from a form at most (the admin API allows fewer steps and says so). */
    private static final int MAX_STEPS = 50;

    /** A length of time as typed, in hours and minutes. */
    record Span(String hours, String minutes) {
        static final Span EMPTY = new Span(null, null);

        boolean blank() {
            return hours == null && minutes == null;
        }
    }

    record Targets(Span firstResponse, Span resolution) {
        static final Targets EMPTY = new Targets(Span.EMPTY, Span.EMPTY);
    }

    record Step(String target, String responderId, Span after) {}

    /** What the form sends, as typed. */
    record Input(String id, String name, String basis, String calendarId, Targets targets, Map<Priority, Targets> byPriority,
            String reminderPercent, List<Step> escalations, boolean urgent) {
        Input {
            byPriority = Map.copyOf(byPriority);
            escalations = List.copyOf(escalations);
        }
    }

    private final ConfigEntries<SlaPolicy> policies;

    SlaPoliciesPages(ConfigEntries<SlaPolicy> policies) {
        this.policies = policies;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "slas.";
    }

    @Override
    public Input blank() {
        return new Input(null, null, TimeBasis.CALENDAR.name(), null, new Targets(new Span("48", "0"), new Span("120", "0")), Map.of(), "75",
                List.of(new Step(EscalationTarget.TEAM_LEAD.name(), null, new Span("0", "0"))), false);
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(SlaPolicy value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<SlaPolicy>> deletes() {
        return Optional.of(policies);
    }

    @Override
    public String nameOf(SlaPolicy value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<SlaPolicy>> find(ConsoleVisit visit, String id) {
        return policies.find(visit.access(), id);
    }

    @Override
    public Saved<SlaPolicy> save(ConsoleVisit visit, Input input, Long version) {
        List<FieldError> unreadable = new ArrayList<>();
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("basis", input.basis());
        json.put("calendarId", input.calendarId());
        json.set("targets", targets(input.targets(), "targets", unreadable));
        ObjectNode byPriority = json.putObject("byPriority");
        input.byPriority().forEach((priority, targets) -> byPriority.set(priority.name(), targets(targets, "byPriority." + priority, unreadable)));
        Optional<Double> percent = number(input.reminderPercent()).filter(p -> p >= 0 && p < 100);
        if (percent.isEmpty()) {
            unreadable.add(new FieldError("reminderAt", "percent"));
        }
        json.put("reminderAt", percent.orElse(0.0) / 100);
        ArrayNode steps = json.putArray("escalations");
        for (int i = 0; i < input.escalations().size(); i++) {
            Step step = input.escalations().get(i);
            ObjectNode node = steps.addObject();
            node.put("target", step.target());
            node.put("responderId", EscalationTarget.RESPONDER.name().equals(step.target()) ? step.responderId() : null);
            Duration after = step.after().blank() ? Duration.ZERO : duration(step.after(), "escalations[" + i + "].after", true, unreadable);
            node.put("after", after == null ? null : after.toString());
        }
        json.put("urgent", input.urgent());
        if (!unreadable.isEmpty()) {
            return new Saved.Refused<>(unreadable);
        }
        return policies.save(visit.access(), input.id(), json, version);
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<Listed<SlaPolicy>> all = new ArrayList<>(policies.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().name()));
        List<SlaRow> rows = new ArrayList<>();
        for (Listed<SlaPolicy> listed : all) {
            SlaPolicy p = listed.value();
            List<String> lines = new ArrayList<>();
            lines.add(targetsText(p.targets(), m));
            Arrays.stream(Priority.values()).filter(p.byPriority()::containsKey)
                    .forEach(priority -> lines.add(m.t("slas.priorityTargets", m.priority(priority.name()), targetsText(p.byPriority().get(priority), m))));
            String reminder = p.reminderAt() > 0 ? m.t("slas.reminderAt", FormText.percent(p.reminderAt())) : m.t("slas.noReminder");
            String chain = p.escalations().isEmpty() ? m.t("slas.noEscalation")
                    : p.escalations().stream().map(s -> stepText(s, visit, m)).collect(Collectors.joining(" → "));
            lines.add(reminder + " · " + chain);
            rows.add(new SlaRow(p.id(), BASE + "/" + p.id(), p.name(), basisText(p, visit, m), lines));
        }
        String notice = saved.flatMap(id -> Optional.ofNullable(visit.config().slaPolicies().get(id))).map(p -> m.t("slas.saved", p.name()))
                .orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("slas.title"),
                output -> JteslaPoliciesGenerated.render(Pages.html(output), null, new ConsoleView.SlaPolicies(m, rows, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        WebMessages m = visit.m();
        Map<String, String> worded = new LinkedHashMap<>(errors);
        // Every length of time has one rule in the admin's words, wherever the admin API found it wrong
        worded.replaceAll((field, message) -> field.endsWith(".firstResponse") || field.endsWith(".resolution") || field.endsWith(".after")
                ? m.t("slas.error.duration") : message);
        List<Option> bases = Arrays.stream(TimeBasis.values())
                .map(b -> new Option(b.name(), m.t("slas.basis." + b.name()), b.name().equals(input.basis()))).toList();
        List<Option> calendars = new ArrayList<>();
        calendars.add(new Option("", m.t("slas.calendarOfTeam"), input.calendarId() == null));
        visit.config().calendars().values().stream().sorted(Comparator.comparing(BusinessCalendar::name))
                .forEach(c -> calendars.add(new Option(c.id(), c.name(), c.id().equals(input.calendarId()))));
        List<TargetsInput> byPriority = Arrays.stream(Priority.values())
                .map(p -> targetsInput(p.name() + ".", m.priority(p.name()), input.byPriority().getOrDefault(p, Targets.EMPTY),
                        "byPriority." + p.name(), worded))
                .toList();
        List<Responder> people = visit.config().responders().values().stream().sorted(Comparator.comparing(Responder::name)).toList();
        List<Step> steps = new ArrayList<>(input.escalations());
        for (int i = 0; i < EMPTY_STEPS; i++) {
            steps.add(new Step(null, null, Span.EMPTY));
        }
        List<StepSlot> slots = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<Option> targets = new ArrayList<>();
            targets.add(new Option("", m.t("slas.noStep"), step.target() == null));
            Arrays.stream(EscalationTarget.values())
                    .forEach(t -> targets.add(new Option(t.name(), m.t("slas.target." + t.name()), t.name().equals(step.target()))));
            List<Option> responders = new ArrayList<>();
            responders.add(new Option("", m.t("slas.nobody"), step.responderId() == null));
            people.forEach(r -> responders.add(new Option(r.id(), r.name(), r.id().equals(step.responderId()))));
            String path = "escalations[" + i + "]";
            String error = Optional.ofNullable(worded.get(path + ".target")).or(() -> Optional.ofNullable(worded.get(path + ".responderId")))
                    .or(() -> Optional.ofNullable(worded.get(path + ".after"))).or(() -> Optional.ofNullable(worded.get(path))).orElse(null);
            slots.add(new StepSlot("escalation." + i, m.t("slas.step", i + 1), targets, responders, FormText.text(step.after().hours()),
                    FormText.text(step.after().minutes()), error));
        }
        SlaForm view = new SlaForm(m, action, FormText.text(input.id()), FormText.text(input.name()), bases, calendars,
                targetsInput("", m.t("slas.field.targets"), input.targets(), "targets", worded), byPriority, FormText.text(input.reminderPercent()), slots,
                input.urgent(), version, visit.csrf(), worded, conflict);
        String title = version == null ? m.t("slas.new") : input.name();
        return ConsolePages.framed(status, visit.nav(), title, output -> JteslaPolicyGenerated.render(Pages.html(output), null, view));
    }

    @Override
    public Input read(FormBody form, String id) {
        Map<Priority, Targets> byPriority = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            Targets targets = targets(form, p.name() + ".");
            if (!targets.firstResponse().blank() || !targets.resolution().blank()) {
                byPriority.put(p, targets);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < MAX_STEPS && form.fields().containsKey("escalation." + i + ".target"); i++) {
            String target = FormText.strip(form.text("escalation." + i + ".target"));
            if (target != null) {
                steps.add(new Step(target, FormText.strip(form.text("escalation." + i + ".responderId")),
                        new Span(FormText.strip(form.text("escalation." + i + ".afterHours")), FormText.strip(form.text("escalation." + i + ".afterMinutes")))));
            }
        }
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("name")), FormText.strip(form.text("basis")), FormText.strip(form.text("calendarId")),
                targets(form, ""), byPriority, FormText.strip(form.text("reminderPercent")), steps, form.fields().containsKey("urgent"));
    }

    @Override
    public Input inputOf(SlaPolicy p) {
        Map<Priority, Targets> byPriority = new EnumMap<>(Priority.class);
        p.byPriority().forEach((priority, targets) -> byPriority.put(priority, targetsOf(targets)));
        List<Step> steps = p.escalations().stream()
                .map(s -> new Step(s.target().name(), s.responderId(), span(s.after()))).toList();
        return new Input(p.id(), p.name(), p.basis().name(), p.calendarId(), targetsOf(p.targets()), byPriority, FormText.percent(p.reminderAt()), steps,
                p.urgent());
    }

    private static Targets targets(FormBody form, String prefix) {
        return new Targets(new Span(FormText.strip(form.text(prefix + "firstResponse.hours")), FormText.strip(form.text(prefix + "firstResponse.minutes"))),
                new Span(FormText.strip(form.text(prefix + "resolution.hours")), FormText.strip(form.text(prefix + "resolution.minutes"))));
    }

    private static Targets targetsOf(SlaTargets targets) {
        return targets == null ? Targets.EMPTY : new Targets(span(targets.firstResponse()), span(targets.resolution()));
    }

    private static Span span(Duration duration) {
        return duration == null ? Span.EMPTY : new Span(String.valueOf(duration.toHours()), String.valueOf(duration.toMinutesPart()));
    }

    private static ObjectNode targets(Targets targets, String path, List<FieldError> unreadable) {
        ObjectNode node = Json.object();
        Duration first = duration(targets.firstResponse(), path + ".firstResponse", false, unreadable);
        Duration resolution = duration(targets.resolution(), path + ".resolution", false, unreadable);
        node.put("firstResponse", first == null ? null : first.toString());
        node.put("resolution", resolution == null ? null : resolution.toString());
        return node;
    }

    /** Hours and minutes as a duration; null when both are empty or when it cannot be read (then refused on {@code path}). */
    private static Duration duration(Span span, String path, boolean zeroAllowed, List<FieldError> unreadable) {
        if (span.blank()) {
            return null;
        }
        Optional<Long> hours = whole(span.hours(), MAX_HOURS);
        Optional<Long> minutes = whole(span.minutes(), 59);
        if (hours.isEmpty() || minutes.isEmpty() || (!zeroAllowed && hours.get() == 0 && minutes.get() == 0)) {
            unreadable.add(new FieldError(path, "duration"));
            return null;
        }
        return Duration.ofHours(hours.get()).plusMinutes(minutes.get());
    }

    /** An empty field is 0 (the other one of the pair was given). */
    private static Optional<Long> whole(String text, long max) {
        if (text == null) {
            return Optional.of(0L);
        }
        if (!text.matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value <= max ? Optional.of(value) : Optional.empty();
    }

    private static Optional<Double> number(String text) {
        if (text == null) {
            return Optional.of(0.0);
        }
        if (!text.matches("[0-9]{1,3}([.,][0-9]{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(text.replace(',', '.')));
    }

    private static TargetsInput targetsInput(String prefix, String label, Targets t, String errorPath, Map<String, String> errors) {
        return new TargetsInput(prefix, label,
                new SpanInput(prefix + "firstResponse", FormText.text(t.firstResponse().hours()), FormText.text(t.firstResponse().minutes()),
                        errors.get(errorPath + ".firstResponse")),
                new SpanInput(prefix + "resolution", FormText.text(t.resolution().hours()), FormText.text(t.resolution().minutes()), errors.get(errorPath + ".resolution")),
                errors.get(errorPath));
    }

    private static String targetsText(SlaTargets targets, WebMessages m) {
        String first = targets.firstResponse() == null ? m.t("slas.none") : m.duration(targets.firstResponse());
        String resolution = targets.resolution() == null ? m.t("slas.none") : m.duration(targets.resolution());
        return m.t("slas.targets", first, resolution);
    }

    private static String basisText(SlaPolicy p, ConsoleVisit visit, WebMessages m) {
        if (p.basis() == TimeBasis.CALENDAR) {
            return m.t("slas.basis.CALENDAR");
        }
        String calendar = p.calendarId() == null ? m.t("slas.calendarOfTeam")
                : Optional.ofNullable(visit.config().calendars().get(p.calendarId())).map(BusinessCalendar::name).orElse(p.calendarId());
        return m.t("slas.basis.BUSINESS") + " · " + calendar;
    }

    private static String stepText(EscalationStep step, ConsoleVisit visit, WebMessages m) {
        String who = step.target() == EscalationTarget.RESPONDER
                ? visit.config().responder(step.responderId()).map(Responder::name).orElse(step.responderId())
                : m.t("slas.target." + step.target().name());
        return step.after() == null || step.after().isZero() ? m.t("slas.stepAtOnce", who) : m.t("slas.stepAfter", who, m.duration(step.after()));
    }
}
