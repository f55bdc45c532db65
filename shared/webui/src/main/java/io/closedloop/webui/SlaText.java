package io.closedloop.webui;

import io.closedloop.cases.Case;
import io.closedloop.sla.TargetWindow;
import io.closedloop.webui.CaseView.SlaLine;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The SLA clock in words: for each target, due in X / overdue by Y / met (on time or late), at {@code now}. */
public final class SlaText {

    private SlaText() {}

    public static List<SlaLine> lines(Case c, Instant now, WebMessages m, DateTimeFormatter dates) {
        if (c.sla() == null) {
            return List.of(new SlaLine(m.t("sla.title"), "none", m.t("sla.noClock"), null));
        }
        return List.of(
                line(m.t("sla.firstResponse"), c.sla().firstResponse(), now, m, dates),
                line(m.t("sla.resolution"), c.sla().resolution(), now, m, dates));
    }

    static SlaLine line(String label, TargetWindow window, Instant now, WebMessages m, DateTimeFormatter dates) {
        if (window == null || window.dueAt() == null) {
            if (window != null && window.metAt() != null) {
                return new SlaLine(label, "met", m.t("sla.done", dates.format(window.metAt())), null);
            }
            return new SlaLine(label, "none", m.t("sla.noTarget"), null);
        }
        String deadline = dates.format(window.dueAt());
        if (window.metAt() != null) {
            if (window.withinTarget()) {
                return new SlaLine(label, "met", m.t("sla.met", dates.format(window.metAt())), deadline);
            }
            return new SlaLine(label, "late", m.t("sla.metLate", m.duration(Duration.between(window.dueAt(), window.metAt()))), deadline);
        }
        if (now.isBefore(window.dueAt())) {
            return new SlaLine(label, "due", m.t("sla.dueIn", m.duration(Duration.between(now, window.dueAt()))), deadline);
        }
        return new SlaLine(label, "overdue", m.t("sla.overdueBy", m.duration(Duration.between(window.dueAt(), now))), deadline);
    }
}
