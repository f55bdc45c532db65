package io.closedloop.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BusinessTimeTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate EASTER_MONDAY_2025 = LocalDate.of(2025, 4, 21);

    /** Mon–Fri 09:00–17:00 in Paris, with Easter Monday 2025 off. */
    static final BusinessCalendar PARIS_OFFICE = weekdays("paris-office", PARIS, Set.of(EASTER_MONDAY_2025), hours("09:00", "17:00"));

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    static WorkingHours hours(String start, String end) {
        return new WorkingHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    static BusinessCalendar weekdays(String id, ZoneId zone, Set<LocalDate> holidays, WorkingHours... day) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, List.of(day));
        }
        return new BusinessCalendar(id, id, zone, week, holidays);
    }

    static BusinessCalendar everyDay(String id, WorkingHours... day) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(day));
        }
        return new BusinessCalendar(id, id, PARIS, week, Set.of());
    }

    @Test
    void plus_sixteenHoursFromFridayAfternoon_skipsWeekendAndHoliday() {
        Instant due = BusinessTime.plus(PARIS_OFFICE, paris("2025-04-18T15:00"), Duration.ofHours(16));

        // Fri 15–17 (2 h), weekend, Easter Monday off, Tue 8 h, Wed 09–15 (6 h)
        assertThat(due).isEqualTo(paris("2025-04-23T15:00")).isEqualTo(Instant.parse("2025-04-23T13:00:00Z"));
        assertThat(BusinessTime.between(PARIS_OFFICE, paris("2025-04-18T15:00"), due)).isEqualTo(Duration.ofHours(16));
    }

    @Test
    void plus_lastWorkingHourOfTheDay_landsOnClosingTimeNotNextOpening() {
        assertThat(BusinessTime.plus(PARIS_OFFICE, paris("2025-04-14T09:00"), Duration.ofHours(8))).isEqualTo(paris("2025-04-14T17:00"));
        assertThat(BusinessTime.plus(PARIS_OFFICE, paris("2025-04-14T09:00"), Duration.ofHours(8).plusSeconds(1)))
                .isEqualTo(paris("2025-04-15T09:00:01"));
    }

    @Test
    void plus_fromSaturday_startsCountingAtMondayOpening() {
        assertThat(BusinessTime.plus(PARIS_OFFICE, paris("2025-04-12T11:30"), Duration.ofMinutes(90))).isEqualTo(paris("2025-04-14T10:30"));
    }

    @Test
    void plus_zero_isTheStartEvenOutsideHours() {
        assertThat(BusinessTime.plus(PARIS_OFFICE, paris("2025-04-12T11:30"), Duration.ZERO)).isEqualTo(paris("2025-04-12T11:30"));
    }

    @Test
    void plus_negativeAmount_isRejected() {
        assertThatThrownBy(() -> BusinessTime.plus(PARIS_OFFICE, paris("2025-04-14T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void nextWorkingInstant_outsideHours_isNextOpening() {
        assertThat(BusinessTime.nextWorkingInstant(PARIS_OFFICE, paris("2025-04-12T11:30"))).isEqualTo(paris("2025-04-14T09:00"));
        assertThat(BusinessTime.nextWorkingInstant(PARIS_OFFICE, paris("2025-04-15T08:59"))).isEqualTo(paris("2025-04-15T09:00"));
        assertThat(BusinessTime.nextWorkingInstant(PARIS_OFFICE, paris("2025-04-18T17:00"))).isEqualTo(paris("2025-04-22T09:00"));
    }

    @Test
    void nextWorkingInstant_insideHours_isTheInstantItself() {
        assertThat(BusinessTime.nextWorkingInstant(PARIS_OFFICE, paris("2025-04-15T12:34"))).isEqualTo(paris("2025-04-15T12:34"));
        assertThat(BusinessTime.nextWorkingInstant(PARIS_OFFICE, paris("2025-04-15T09:00"))).isEqualTo(paris("2025-04-15T09:00"));
    }

    @Test
    void isWorking_readsHoursHolidaysAndExclusiveEnd() {
        assertThat(BusinessTime.isWorking(PARIS_OFFICE, paris("2025-04-15T09:00"))).isTrue();
        assertThat(BusinessTime.isWorking(PARIS_OFFICE, paris("2025-04-15T17:00"))).isFalse();
        assertThat(BusinessTime.isWorking(PARIS_OFFICE, paris("2025-04-21T10:00"))).isFalse();
        assertThat(BusinessTime.isWorking(PARIS_OFFICE, paris("2025-04-19T10:00"))).isFalse();
        assertThat(BusinessTime.isWorking(null, paris("2025-04-19T03:00"))).isTrue();
    }

    @Test
    void plus_lunchBreak_isNotCounted() {
        BusinessCalendar withLunch = weekdays("lunch", PARIS, Set.of(), hours("13:00", "17:00"), hours("09:00", "12:00"));

        assertThat(BusinessTime.plus(withLunch, paris("2025-04-15T11:00"), Duration.ofHours(3))).isEqualTo(paris("2025-04-15T15:00"));
        assertThat(BusinessTime.between(withLunch, paris("2025-04-15T00:00"), paris("2025-04-16T00:00"))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void between_overlappingIntervals_countsTheirUnionOnce() {
        BusinessCalendar overlapping = weekdays("overlap", PARIS, Set.of(), hours("09:00", "13:00"), hours("11:00", "17:00"));

        assertThat(BusinessTime.between(overlapping, paris("2025-04-15T00:00"), paris("2025-04-16T00:00"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void between_reversedOrEqualInstants_isZero() {
        assertThat(BusinessTime.between(PARIS_OFFICE, paris("2025-04-16T12:00"), paris("2025-04-15T12:00"))).isZero();
        assertThat(BusinessTime.between(null, paris("2025-04-16T12:00"), paris("2025-04-16T12:00"))).isZero();
    }

    @Test
    void plus_springForwardWeekend_keepsLocalOfficeHours() {
        // Paris moves from +01:00 to +02:00 on Sunday 30 March 2025
        Instant due = BusinessTime.plus(PARIS_OFFICE, paris("2025-03-28T16:00"), Duration.ofHours(2));

        assertThat(due).isEqualTo(paris("2025-03-31T10:00")).isEqualTo(Instant.parse("2025-03-31T08:00:00Z"));
        assertThat(Duration.between(paris("2025-03-28T16:00"), due)).isEqualTo(Duration.ofHours(65));
    }

    @Test
    void plus_fallBackWeekend_keepsLocalOfficeHours() {
        // Paris moves from +02:00 to +01:00 on Sunday 26 October 2025
        Instant due = BusinessTime.plus(PARIS_OFFICE, paris("2025-10-24T16:00"), Duration.ofHours(2));

        assertThat(due).isEqualTo(paris("2025-10-27T10:00")).isEqualTo(Instant.parse("2025-10-27T09:00:00Z"));
        assertThat(Duration.between(paris("2025-10-24T16:00"), due)).isEqualTo(Duration.ofHours(67));
    }

    @Test
    void between_roundTheClockCalendar_countsTheRealLengthOfDstDays() {
        BusinessCalendar allDay = everyDay("24-7", hours("00:00", "23:59:59.999999999"));

        assertThat(BusinessTime.between(allDay, paris("2025-03-29T00:00"), paris("2025-03-31T00:00"))).isEqualTo(Duration.ofHours(47));
        assertThat(BusinessTime.between(allDay, paris("2025-10-25T00:00"), paris("2025-10-27T00:00"))).isEqualTo(Duration.ofHours(49));
        assertThat(BusinessTime.plus(allDay, paris("2025-03-30T00:00"), Duration.ofHours(24))).isEqualTo(paris("2025-03-31T01:00"));
    }

    @Test
    void between_nightShiftAcrossDstChange_countsElapsedNotWallClockHours() {
        BusinessCalendar night = everyDay("night", hours("01:00", "04:00"));

        assertThat(BusinessTime.between(night, paris("2025-03-30T00:00"), paris("2025-03-31T00:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(BusinessTime.between(night, paris("2025-10-26T00:00"), paris("2025-10-27T00:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(BusinessTime.between(night, paris("2025-04-06T00:00"), paris("2025-04-07T00:00"))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void plus_intervalSkippedByDstGap_hasNoWorkingTime() {
        Map<DayOfWeek, List<WorkingHours>> week = Map.of(
                DayOfWeek.SUNDAY, List.of(hours("02:00", "02:30")),
                DayOfWeek.MONDAY, List.of(hours("09:00", "10:00")));
        BusinessCalendar gap = new BusinessCalendar("gap", "gap", PARIS, week, Set.of());

        assertThat(BusinessTime.plus(gap, paris("2025-03-29T12:00"), Duration.ofMinutes(10))).isEqualTo(paris("2025-03-31T09:10"));
        assertThat(BusinessTime.plus(gap, paris("2025-04-05T12:00"), Duration.ofMinutes(10))).isEqualTo(paris("2025-04-06T02:10"));
    }

    @Test
    void plus_andBetween_areInverseAcrossAYearOfDstChangesAndHolidays() {
        Random random = new Random(20250330);
        BusinessCalendar withLunch = weekdays("lunch", PARIS, Set.of(EASTER_MONDAY_2025, LocalDate.of(2025, 11, 11)),
                hours("08:30", "12:00"), hours("13:30", "18:00"));
        Instant yearStart = paris("2025-01-01T00:00");
        for (int i = 0; i < 500; i++) {
            Instant from = yearStart.plusSeconds(random.nextLong(365L * 24 * 3600));
            Duration amount = Duration.ofMinutes(1 + random.nextInt(60 * 80));

            Instant due = BusinessTime.plus(withLunch, from, amount);

            assertThat(BusinessTime.between(withLunch, from, due)).as("from %s plus %s", from, amount).isEqualTo(amount);
            assertThat(BusinessTime.isWorking(withLunch, due.minusNanos(1))).as("due %s", due).isTrue();
        }
    }

    @Test
    void calendarHours_nullCalendar_isPlainDurationArithmetic() {
        Instant from = paris("2025-03-29T22:00");

        assertThat(BusinessTime.plus(null, from, Duration.ofHours(48))).isEqualTo(from.plus(Duration.ofHours(48)));
        assertThat(BusinessTime.between(null, from, from.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(5));
        assertThat(BusinessTime.nextWorkingInstant(null, from)).isEqualTo(from);
    }

    @Test
    void validate_calendarWithoutAnyWorkingHours_isRejected() {
        BusinessCalendar empty = new BusinessCalendar("closed", "closed", PARIS, Map.of(DayOfWeek.MONDAY, List.of()), Set.of());

        assertThatThrownBy(() -> BusinessTime.validate(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'closed' has no working hours");
        assertThatThrownBy(() -> BusinessTime.plus(empty, paris("2025-04-14T10:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validate_calendarWithoutZone_isRejected() {
        BusinessCalendar noZone = new BusinessCalendar("nozone", "nozone", null, PARIS_OFFICE.week(), Set.of());

        assertThatThrownBy(() -> BusinessTime.validate(noZone)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time zone");
    }

    @Test
    @Timeout(10)
    void plus_holidaysCoveringEveryWorkingDay_failsInsteadOfLoopingForever() {
        Set<LocalDate> everyMonday = new HashSet<>();
        for (LocalDate d = LocalDate.of(2025, 4, 14); d.getYear() < 2037; d = d.plusWeeks(1)) {
            everyMonday.add(d);
        }
        BusinessCalendar mondaysOff = new BusinessCalendar(
                "mondays", "mondays", PARIS, Map.of(DayOfWeek.MONDAY, List.of(hours("09:00", "17:00"))), everyMonday);

        assertThatThrownBy(() -> BusinessTime.plus(mondaysOff, paris("2025-04-14T10:00"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ten years");
        assertThatThrownBy(() -> BusinessTime.nextWorkingInstant(mondaysOff, paris("2025-04-14T10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ten years");
    }
}
