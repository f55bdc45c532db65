package io.closedloop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.closedloop.console.IcsHolidays.Holiday;
import io.closedloop.console.IcsHolidays.Read;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IcsHolidaysTest {

    private static String fixture() throws IOException {
        try (InputStream in = IcsHolidaysTest.class.getResourceAsStream("/ics/fr-holidays.ics")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void read_publicHolidayFile_givesEachDayOnce_yearlyEventsExpanded_multiDayEventsSpread() throws IOException {
        Read read = IcsHolidays.read(fixture(), 2026, 2028);

        assertThat(read.holidays()).extracting(Holiday::date, Holiday::name).containsExactly(
                tuple(LocalDate.of(2026, 11, 11), "Armistice 1918, jour férié"),
                tuple(LocalDate.of(2026, 12, 24), "Fermeture de fin d'année"),
                tuple(LocalDate.of(2026, 12, 25), "Noël"),
                tuple(LocalDate.of(2026, 12, 26), "Fermeture de fin d'année"),
                tuple(LocalDate.of(2027, 3, 29), "Lundi de Pâques"),
                tuple(LocalDate.of(2027, 7, 14), "Fête nationale"),
                tuple(LocalDate.of(2027, 12, 25), "Noël"),
                tuple(LocalDate.of(2028, 12, 25), "Noël"));
        assertThat(read.unreadable()).isEqualTo(1);
    }

    @Test
    void read_yearlyEvent_stopsAtItsCountOrUntil_andSkipsTheYearsWithoutItsDay() {
        String ics = String.join("\n", "BEGIN:VCALENDAR",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250101", "RRULE:FREQ=YEARLY;COUNT=2", "SUMMARY:New year", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250501", "RRULE:FREQ=YEARLY;UNTIL=20270430", "SUMMARY:May day", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20240229", "RRULE:FREQ=YEARLY", "SUMMARY:Leap day", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250101", "RRULE:FREQ=MONTHLY", "SUMMARY:Not a holiday", "END:VEVENT",
                "END:VCALENDAR");

        Read read = IcsHolidays.read(ics, 2024, 2029);

        assertThat(read.holidays()).extracting(Holiday::date).containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 5, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2028, 2, 29));
        assertThat(read.unreadable()).isEqualTo(1);
    }

    @Test
    void read_somethingElse_givesNoHolidays() {
        assertThat(IcsHolidays.read("this is not a calendar\nBEGIN:VEVENT\nSUMMARY:no date\nEND:VEVENT", 2026, 2027))
                .isEqualTo(new Read(java.util.List.of(), 1));
        assertThat(IcsHolidays.read("", 2026, 2027).holidays()).isEmpty();
    }
}
