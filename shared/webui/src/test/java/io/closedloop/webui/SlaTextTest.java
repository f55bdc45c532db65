package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.sla.TargetWindow;
import io.closedloop.webui.CaseView.SlaLine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class SlaTextTest {

    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant DUE = START.plus(Duration.ofHours(48));
    private static final WebMessages EN = WebMessages.of("en");
    private static final DateTimeFormatter DATES = CaseViews.dates(EN, ZoneOffset.UTC);

    private static TargetWindow window(Instant dueAt, Instant metAt) {
        return new TargetWindow(dueAt == null ? null : Duration.ofHours(48), START, START, Duration.ZERO, dueAt, null, null, null, metAt);
    }

    @Test
    void line_running_saysWhenItIsDue() {
        SlaLine line = SlaText.line("First response", window(DUE, null), START.plus(Duration.ofHours(30)), EN, DATES);

        assertThat(line.state()).isEqualTo("due");
        assertThat(line.text()).isEqualTo("Due in 18 h");
        assertThat(line.deadline()).isEqualTo(DATES.format(DUE));
    }

    @Test
    void line_pastItsDeadline_saysByHowMuch() {
        SlaLine line = SlaText.line("First response", window(DUE, null), DUE.plus(Duration.ofMinutes(95)), EN, DATES);

        assertThat(line.state()).isEqualTo("overdue");
        assertThat(line.text()).isEqualTo("Overdue by 1 h 35 min");
    }

    @Test
    void line_metInTime_saysWhen() {
        Instant met = START.plus(Duration.ofHours(3));

        SlaLine line = SlaText.line("First response", window(DUE, met), DUE.plus(Duration.ofDays(3)), EN, DATES);

        assertThat(line.state()).isEqualTo("met");
        assertThat(line.text()).isEqualTo("Met on " + DATES.format(met));
    }

    @Test
    void line_metAfterTheDeadline_saysHowLate() {
        SlaLine line = SlaText.line("Resolution", window(DUE, DUE.plus(Duration.ofHours(5))), DUE.plus(Duration.ofDays(3)), EN, DATES);

        assertThat(line.state()).isEqualTo("late");
        assertThat(line.text()).isEqualTo("Met, 5 h late");
    }

    @Test
    void line_withoutTarget_saysSoOrWhenItWasDone() {
        assertThat(SlaText.line("Resolution", window(null, null), START, EN, DATES).text()).isEqualTo("No target");
        assertThat(SlaText.line("Resolution", window(null, START.plus(Duration.ofHours(1))), START, EN, DATES).text())
                .isEqualTo("Done on " + DATES.format(START.plus(Duration.ofHours(1))));
    }

    @Test
    void line_french_isInFrench() {
        WebMessages fr = WebMessages.of("fr");

        SlaLine line = SlaText.line("Premier contact", window(DUE, null), DUE.plus(Duration.ofHours(80)), fr, CaseViews.dates(fr, ZoneOffset.UTC));

        assertThat(line.text()).isEqualTo("En retard de 3 j 8 h");
    }
}
