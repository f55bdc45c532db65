package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.WorkingHours;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.console.IcsHolidays;
import io.closedloop.functions.console.ConsoleView.CalendarForm;
import io.closedloop.functions.console.ConsoleView.CalendarRow;
import io.closedloop.functions.console.ConsoleView.DaySlots;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.templates.console.JtecalendarGenerated;
import io.closedloop.templates.console.JtecalendarsGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The business calendar pages under {@code /console/admin/calendars} ({@link EntryPages}): the list, and a calendar's
 * form: name, time zone, up to two working intervals per weekday, and the holidays, one date per line. An iCalendar
 * file of public holidays ({@code .ics}) is imported into the form (shown again with the dates added, named), and
 * nothing is stored until the admin saves.
 */
final class CalendarsPages implements EntryPages.Kind<BusinessCalendar, CalendarsPages.Input> {

    static final String BASE = "/console/admin/calendars";
    /** Working intervals per weekday the form offers. */
    static final int SLOTS = 2;
    /** Yearly holidays of an imported file are taken for this year and the next ones, this many in all. */
    static final int IMPORT_YEARS = 3;
    /** At most this many holidays per calendar. */
    static final int MAX_HOLIDAYS = 1_000;

    /** One working interval as typed ({@code HH:mm}). */
    record Slot(String start, String end) {}

    /** What the form sends, as typed; {@code holidays} is the text area's lines. */
    record Input(String id, String name, String zone, Map<DayOfWeek, List<Slot>> week, String holidays) {
        Input {
            week = Map.copyOf(week);
        }
    }

    private final ConfigEntries<BusinessCalendar> calendars;
    private final Supplier<Instant> clock;

    CalendarsPages(ConfigEntries<BusinessCalendar> calendars, Supplier<Instant> clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "calendars.";
    }

    @Override
    public Input blank() {
        Map<DayOfWeek, List<Slot>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day.getValue() <= 5 ? List.of(new Slot("09:00", "17:00")) : List.of());
        }
        return new Input(null, null, "Europe/Paris", week, "");
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(BusinessCalendar value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<BusinessCalendar>> deletes() {
        return Optional.of(calendars);
    }

    @Override
    public String nameOf(BusinessCalendar value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<BusinessCalendar>> find(ConsoleVisit visit, String id) {
        return calendars.find(visit.access(), id);
    }

    @Override
    public Saved<BusinessCalendar> save(ConsoleVisit visit, Input input, Long version) {
        List<FieldError> refused = new ArrayList<>();
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("zone", input.zone());
        ObjectNode week = json.putObject("week");
        for (DayOfWeek day : DayOfWeek.values()) {
            ArrayNode hours = week.putArray(day.name());
            for (Slot slot : input.week().getOrDefault(day, List.of())) {
                Optional<LocalTime> start = time(slot.start());
                Optional<LocalTime> end = time(slot.end());
                if (start.isEmpty() || end.isEmpty()) {
                    refused.add(new FieldError("week." + day, "time"));
                } else if (!end.get().isAfter(start.get())) {
                    refused.add(new FieldError("week." + day, "order"));
                } else {
                    hours.addObject().put("start", start.get().toString()).put("end", end.get().toString());
                }
            }
        }
        ArrayNode holidays = json.putArray("holidays");
        List<String> lines = input.holidays().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines) {
            Optional<LocalDate> date = date(line);
            if (date.isEmpty()) {
                refused.add(new FieldError("holidays", "line"));
                break;
            }
            holidays.add(date.get().toString());
        }
        if (lines.size() > MAX_HOLIDAYS) {
            refused.add(new FieldError("holidays", "many"));
        }
        if (!refused.isEmpty()) {
            return new Saved.Refused<>(refused);
        }
        return calendars.save(visit.access(), input.id(), json, version);
    }

    /** "Import the file": the holidays it gives are added to the form, named, and the form is shown again. */
    @Override
    public Optional<HttpResponse> reshow(ConsoleVisit visit, String action, FormBody form, Input input, Long version) {
        if (form.field("import").isEmpty()) {
            return Optional.empty();
        }
        WebMessages m = visit.m();
        String ics = form.field("ics").orElse("");
        if (ics.isBlank()) {
            return Optional.of(form(422, visit, action, input, version, Map.of("ics", m.t("calendars.import.noFile")), null));
        }
        int year = LocalDate.ofInstant(clock.get(), zone(input.zone()).orElse(java.time.ZoneOffset.UTC)).getYear();
        IcsHolidays.Read read = IcsHolidays.read(ics, year, year + IMPORT_YEARS - 1);
        if (read.holidays().isEmpty()) {
            return Optional.of(form(422, visit, action, input, version, Map.of("ics", m.t("calendars.import.nothing")), null));
        }
        TreeMap<LocalDate, String> lines = new TreeMap<>();
        List<String> unread = new ArrayList<>();
        input.holidays().lines().map(String::strip).filter(l -> !l.isEmpty())
                .forEach(line -> date(line).ifPresentOrElse(d -> lines.putIfAbsent(d, line), () -> unread.add(line)));
        int added = 0;
        for (IcsHolidays.Holiday holiday : read.holidays()) {
            if (lines.putIfAbsent(holiday.date(), (holiday.date() + " " + holiday.name()).strip()) == null) {
                added++;
            }
        }
        unread.addAll(lines.values());
        Input imported = new Input(input.id(), input.name(), input.zone(), input.week(), String.join("\n", unread));
        String notice = m.t("calendars.import.done", added, read.holidays().size() - added)
                + (read.unreadable() > 0 ? " " + m.t("calendars.import.unreadable", read.unreadable()) : "");
        return Optional.of(form(200, visit, action, imported, version, Map.of(), null, notice));
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<Listed<BusinessCalendar>> all = new ArrayList<>(calendars.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().name()));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(m.locale());
        List<CalendarRow> rows = new ArrayList<>();
        for (Listed<BusinessCalendar> listed : all) {
            BusinessCalendar c = listed.value();
            LocalDate today = LocalDate.ofInstant(clock.get(), c.zone());
            String next = c.holidays().stream().filter(d -> !d.isBefore(today)).min(Comparator.naturalOrder())
                    .map(d -> m.t("calendars.nextHoliday", dates.format(d))).orElse(m.t("calendars.noHoliday"));
            rows.add(new CalendarRow(c.id(), BASE + "/" + c.id(), c.name(), c.zone().getId(), hours(c, m),
                    m.t("calendars.holidays", c.holidays().size()) + " · " + next));
        }
        String notice = saved.flatMap(id -> Optional.ofNullable(visit.config().calendars().get(id))).map(c -> m.t("calendars.saved", c.name()))
                .orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("calendars.title"),
                output -> JtecalendarsGenerated.render(Pages.html(output), null, new ConsoleView.Calendars(m, rows, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        return form(status, visit, action, input, version, errors, conflict, null);
    }

    private HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict, String notice) {
        WebMessages m = visit.m();
        List<DaySlots> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Slot> typed = input.week().getOrDefault(day, List.of());
            List<Slot> shown = new ArrayList<>(typed);
            while (shown.size() < SLOTS) {
                shown.add(new Slot("", ""));
            }
            days.add(new DaySlots(day.name(), day.getDisplayName(TextStyle.FULL_STANDALONE, m.locale()), shown.stream().map(Slot::start).toList(),
                    shown.stream().map(Slot::end).toList(), errors.get("week." + day.name())));
        }
        CalendarForm view = new CalendarForm(m, action, FormText.text(input.id()), FormText.text(input.name()), FormText.text(input.zone()), days, input.holidays(), version,
                visit.csrf(), errors, conflict, notice);
        String title = version == null ? m.t("calendars.new") : input.name();
        return ConsolePages.framed(status, visit.nav(), title, output -> JtecalendarGenerated.render(Pages.html(output), null, view));
    }

    @Override
    public Input read(FormBody form, String id) {
        Map<DayOfWeek, List<Slot>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < SLOTS; i++) {
                String start = FormText.strip(form.text(day.name() + "." + i + ".start"));
                String end = FormText.strip(form.text(day.name() + "." + i + ".end"));
                if (start != null || end != null) {
                    slots.add(new Slot(start == null ? "" : start, end == null ? "" : end));
                }
            }
            week.put(day, slots);
        }
        String holidays = form.text("holidays");
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("name")), FormText.strip(form.text("zone")), week,
                holidays == null ? "" : holidays);
    }

    @Override
    public Input inputOf(BusinessCalendar c) {
        Map<DayOfWeek, List<Slot>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, c.week().getOrDefault(day, List.of()).stream().sorted(Comparator.comparing(WorkingHours::start))
                    .map(h -> new Slot(h.start().toString(), h.end().toString())).toList());
        }
        String holidays = c.holidays().stream().sorted().map(LocalDate::toString).collect(Collectors.joining("\n"));
        return new Input(c.id(), c.name(), c.zone().getId(), week, holidays);
    }

    /** "Monday–Friday 09:00–17:00 · Saturday 09:00–12:00": consecutive days with the same hours are said once. */
    private static String hours(BusinessCalendar c, WebMessages m) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        for (int i = 0; i < days.length; i++) {
            List<WorkingHours> hours = sorted(c, days[i]);
            if (hours.isEmpty()) {
                continue;
            }
            int last = i;
            while (last + 1 < days.length && sorted(c, days[last + 1]).equals(hours)) {
                last++;
            }
            String span = days[i].getDisplayName(TextStyle.FULL_STANDALONE, m.locale())
                    + (last > i ? "–" + days[last].getDisplayName(TextStyle.FULL_STANDALONE, m.locale()) : "");
            parts.add(span + " " + hours.stream().map(h -> h.start() + "–" + h.end()).collect(Collectors.joining(", ")));
            i = last;
        }
        return parts.isEmpty() ? m.t("calendars.noHours") : String.join(" · ", parts);
    }

    private static List<WorkingHours> sorted(BusinessCalendar c, DayOfWeek day) {
        return c.week().getOrDefault(day, List.of()).stream().sorted(Comparator.comparing(WorkingHours::start)).toList();
    }

    private static Optional<LocalTime> time(String text) {
        if (text == null || !text.matches("[0-9]{1,2}:[0-9]{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(text.length() == 4 ? "0" + text : text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The date a holiday line starts with ({@code 2026-12-25 Noël}); what follows it is the admin's note. */
    private static Optional<LocalDate> date(String line) {
        if (line.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(line.substring(0, 10)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String zone) {
        try {
            return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
