package io.closedloop.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the holidays of an iCalendar file (RFC 5545), as public-holiday calendars publish them: each {@code VEVENT}'s
 * day ({@code DTSTART}, its date part), every day up to its exclusive {@code DTEND} for a multi-day event, and a yearly
 * {@code RRULE} (with {@code COUNT} or {@code UNTIL}) expanded within the years asked. Anything else in the file is
 * ignored; an event whose dates cannot be read is counted, never guessed.
 */
public final class IcsHolidays {

    /** A day off and the event's name ({@code SUMMARY}; empty when it has none). */
    public record Holiday(LocalDate date, String name) {}

    /** What the file gave: the days in order (one per date), and how many events had no readable date. */
    public record Read(List<Holiday> holidays, int unreadable) {
        public Read {
            holidays = List.copyOf(holidays);
        }
    }

    /** A file with more events than this is not a holiday calendar. */
    public static final int MAX_EVENTS = 2_000;
    /** A multi-day event longer than this is not a holiday. */
    static final int MAX_DAYS_PER_EVENT = 31;

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private IcsHolidays() {}

    /**
     * @param firstYear the first year a yearly event is expanded into
     * @param lastYear the last one (inclusive); single events are kept whatever their year
     */
    public static Read read(String ics, int firstYear, int lastYear) {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        int unreadable = 0;
        int events = 0;
        Map<String, String> event = null;
        for (String line : unfold(ics)) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT")) {
                event = new LinkedHashMap<>();
            } else if (upper.equals("END:VEVENT") && event != null) {
                if (++events > MAX_EVENTS) {
                    break;
                }
                if (!add(event, days, firstYear, lastYear)) {
                    unreadable++;
                }
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String nameAndParameters = upper.substring(0, colon);
                    String name = nameAndParameters.split(";", 2)[0];
                    event.putIfAbsent(name, line.substring(colon + 1));
                    if (name.equals("DTSTART") || name.equals("DTEND")) {
                        event.putIfAbsent(name + ";PARAMS", nameAndParameters);
                    }
                }
            }
        }
        List<Holiday> holidays = new ArrayList<>();
        days.forEach((date, name) -> holidays.add(new Holiday(date, name)));
        holidays.sort(Comparator.comparing(Holiday::date));
        return new Read(holidays, unreadable);
    }

    private static boolean add(Map<String, String> event, Map<LocalDate, String> days, int firstYear, int lastYear) {
        Optional<LocalDate> start = date(event.get("DTSTART"));
        if (start.isEmpty()) {
            return false;
        }
        String name = text(event.getOrDefault("SUMMARY", ""));
        int length = 1;
        Optional<LocalDate> end = date(event.get("DTEND"));
        if (end.isPresent() && end.get().isAfter(start.get()) && isAllDay(event)) {
            length = (int) Math.min(MAX_DAYS_PER_EVENT, start.get().until(end.get(), java.time.temporal.ChronoUnit.DAYS));
        }
        List<LocalDate> starts = new ArrayList<>();
        String rule = event.get("RRULE");
        if (rule == null) {
            starts.add(start.get());
        } else {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : rule.toUpperCase(java.util.Locale.ROOT).split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2) {
                    parts.put(kv[0], kv[1]);
                }
            }
            if (!"YEARLY".equals(parts.get("FREQ")) || parts.containsKey("BYDAY") || parts.containsKey("BYSETPOS")) {
                return false;
            }
            Optional<LocalDate> until = parts.containsKey("UNTIL") ? date(parts.get("UNTIL")) : Optional.empty();
            int count;
            try {
                count = parts.containsKey("COUNT") ? Integer.parseInt(parts.get("COUNT")) : Integer.MAX_VALUE;
            } catch (NumberFormatException e) {
                return false;
            }
            int interval = parseInterval(parts.get("INTERVAL"));
            for (int i = 0, year = start.get().getYear(); i < count && year <= lastYear; i++, year += interval) {
                LocalDate occurrence = start.get().withYear(year);
                if (until.isPresent() && occurrence.isAfter(until.get())) {
                    break;
                }
                // 29 February has no yearly occurrence in other years (RFC 5545 skips invalid dates)
                if (occurrence.getDayOfMonth() == start.get().getDayOfMonth() && year >= firstYear) {
                    starts.add(occurrence);
                }
            }
        }
        for (LocalDate first : starts) {
            for (int d = 0; d < length; d++) {
                days.putIfAbsent(first.plusDays(d), name);
            }
        }
        return true;
    }

    private static int parseInterval(String interval) {
        try {
            return interval == null ? 1 : Math.max(1, Math.min(100, Integer.parseInt(interval)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean isAllDay(Map<String, String> event) {
        return event.getOrDefault("DTSTART;PARAMS", "").contains("VALUE=DATE") || event.getOrDefault("DTSTART", "").length() == 8;
    }

    /** The date part of {@code 20261225} or {@code 20261225T000000Z}, as the file writes it. */
    private static Optional<LocalDate> date(String value) {
        if (value == null || value.length() < 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.substring(0, 8), BASIC_DATE));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A TEXT value unescaped ({@code \,} {@code \;} {@code \n} {@code \\}), control characters dropped, at most 100 characters. */
    private static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 100; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? ' ' : next);
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** The file's content lines, folded lines joined (a line starting with a space or tab continues the one before). */
    private static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String raw : ics.split("\r\n|\n|\r", -1)) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }
}
