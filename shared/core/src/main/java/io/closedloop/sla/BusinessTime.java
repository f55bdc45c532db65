package io.closedloop.sla;

import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Working-time arithmetic over a {@link BusinessCalendar}: adding working time to an instant, measuring the working
 * time between two instants, finding the next working instant.
 *
 * <p>A {@code null} calendar means calendar hours: every instant is working time and the arithmetic is plain
 * {@link Duration} arithmetic.
 *
 * <p>Working hours are wall-clock times in the calendar's zone, so a 09:00–17:00 day stays 09:00–17:00 local on both
 * sides of a DST change. An interval runs from the first instant the wall clock reads its start to the first instant
 * it reads its end; a time skipped by a spring-forward gap reads as the instant of the transition. An interval ending
 * at {@link LocalTime#MAX} runs to midnight, so {@code 00:00–MAX} every day is round-the-clock working time.
 * Overlapping intervals of one day are merged; holidays have no working time.
 */
public final class BusinessTime {

    /** How many days any search looks ahead (about ten years) before deciding that the calendar has no time left. */
    static final int SEARCH_DAYS = 3653;

    private BusinessTime() {}

    /**
     * Checks that a calendar can be computed with: a time zone, no null interval, and some working time in the week.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void validate(BusinessCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        if (calendar.zone() == null) {
            throw new IllegalArgumentException("calendar " + label(calendar) + " has no time zone");
        }
        boolean anyHours = false;
        for (Map.Entry<java.time.DayOfWeek, List<WorkingHours>> day : calendar.week().entrySet()) {
            for (WorkingHours hours : day.getValue()) {
                if (hours == null) {
                    throw new IllegalArgumentException(
                            "calendar " + label(calendar) + " has an empty working-hours entry on " + day.getKey());
                }
                anyHours = true;
            }
        }
        if (!anyHours) {
            throw new IllegalArgumentException("calendar " + label(calendar) + " has no working hours on any day of the week");
        }
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}: the earliest instant
     * {@code t} with {@code between(calendar, from, t) == amount}. A deadline that uses up a day's last working hour
     * lands on that day's closing time (17:00), not on the next opening.
     *
     * @throws IllegalArgumentException if {@code amount} is negative, or the calendar has not enough working time
     *     within about ten years
     */
    public static Instant plus(BusinessCalendar calendar, Instant from, Duration amount) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add a negative working time: " + amount);
        }
        if (calendar == null) {
            return from.plus(amount);
        }
        validate(calendar);
        if (amount.isZero()) {
            return from;
        }
        Duration remaining = amount;
        LocalDate first = LocalDate.ofInstant(from, calendar.zone()).minusDays(1);
        for (int day = 0; day <= SEARCH_DAYS; day++) {
            for (Interval interval : intervalsOn(calendar, first.plusDays(day))) {
                if (!interval.end().isAfter(from)) {
                    continue;
                }
                Instant start = latest(interval.start(), from);
                Duration available = Duration.between(start, interval.end());
                if (remaining.compareTo(available) <= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("calendar " + label(calendar) + " has less than " + amount
                + " of working time in the ten years after " + from);
    }

    /** The working time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public static Duration between(BusinessCalendar calendar, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (calendar == null) {
            return Duration.between(from, to);
        }
        validate(calendar);
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, calendar.zone());
        for (LocalDate date = LocalDate.ofInstant(from, calendar.zone()).minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval interval : intervalsOn(calendar, date)) {
                Instant start = latest(interval.start(), from);
                Instant end = interval.end().isBefore(to) ? interval.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The first instant at or after {@code at} that is inside working hours: {@code at} itself when it is.
     *
     * @throws IllegalArgumentException if the calendar has no working time within about ten years
     */
    public static Instant nextWorkingInstant(BusinessCalendar calendar, Instant at) {
        Objects.requireNonNull(at, "at");
        if (calendar == null) {
            return at;
        }
        validate(calendar);
        LocalDate first = LocalDate.ofInstant(at, calendar.zone()).minusDays(1);
        for (int day = 0; day <= SEARCH_DAYS; day++) {
            for (Interval interval : intervalsOn(calendar, first.plusDays(day))) {
                if (interval.end().isAfter(at)) {
                    return latest(interval.start(), at);
                }
            }
        }
        throw new IllegalArgumentException("calendar " + label(calendar) + " has no working time in the ten years after " + at);
    }

    /** Whether {@code at} is inside working hours (always, for calendar hours). */
    public static boolean isWorking(BusinessCalendar calendar, Instant at) {
        Objects.requireNonNull(at, "at");
        if (calendar == null) {
            return true;
        }
        validate(calendar);
        LocalDate date = LocalDate.ofInstant(at, calendar.zone());
        for (LocalDate d : List.of(date.minusDays(1), date)) {
            for (Interval interval : intervalsOn(calendar, d)) {
                if (!at.isBefore(interval.start()) && at.isBefore(interval.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One working interval as instants, start inclusive, end exclusive. */
    record Interval(Instant start, Instant end) {}

    /** The working intervals of one local date, in order and merged; none on a holiday. */
    static List<Interval> intervalsOn(BusinessCalendar calendar, LocalDate date) {
        if (calendar.holidays().contains(date)) {
            return List.of();
        }
        List<WorkingHours> hours = calendar.week().getOrDefault(date.getDayOfWeek(), List.of());
        if (hours.isEmpty()) {
            return List.of();
        }
        List<WorkingHours> sorted = hours.stream().sorted(Comparator.comparing(WorkingHours::start)).toList();
        List<Interval> intervals = new ArrayList<>(sorted.size());
        for (WorkingHours h : sorted) {
            Instant start = instantOf(date, h.start(), calendar.zone());
            Instant end = h.end().equals(LocalTime.MAX)
                    ? instantOf(date.plusDays(1), LocalTime.MIDNIGHT, calendar.zone())
                    : instantOf(date, h.end(), calendar.zone());
            if (!end.isAfter(start)) {
                continue; // the whole interval fell into a DST gap
            }
            if (!intervals.isEmpty() && !start.isAfter(intervals.getLast().end())) {
                Interval previous = intervals.removeLast();
                intervals.add(new Interval(previous.start(), latest(previous.end(), end)));
            } else {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    /**
     * The first instant at which the wall clock in {@code zone} reads {@code time} on {@code date}: the earlier of two
     * in a fall-back overlap, the transition itself when the time is skipped by a spring-forward gap.
     */
    static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        Instant earliest = null;
        for (ZoneOffset offset : offsets) {
            earliest = earliest == null ? local.toInstant(offset) : earliest(earliest, local.toInstant(offset));
        }
        return earliest;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String label(BusinessCalendar calendar) {
        return calendar.id() == null ? "(without id)" : "'" + calendar.id() + "'";
    }
}
