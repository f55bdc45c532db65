package io.closedloop.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Working hours per weekday, holidays, and the time zone they are read in. */
public record BusinessCalendar(
        String id, String name, ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week, Set<LocalDate> holidays) {

    public BusinessCalendar {
        week = week == null ? Map.of() : Map.copyOf(week);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }
}
