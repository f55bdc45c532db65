package io.closedloop.functions.web;

import io.closedloop.config.Campaign;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.TimeEstimate;
import io.closedloop.webui.WebMessages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the dashboard shows; the charts are SVG built from numbers and escaped names only (no customer text). */
public record DashboardView(
        WebMessages m,
        List<Campaign> campaigns,
        Campaign campaign,
        int days,
        List<Integer> periods,
        KpiReport report,
        String npsChart,
        String openedClosedChart,
        String goalChart,
        Map<String, String> names) {

    public String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    public String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    public String time(TimeEstimate estimate) {
        return estimate == null ? "–" : estimate.label();
    }

    public String goalText() {
        return m.t("dashboard.goal", percent(report.goal().share()), m.duration(report.goal().within()));
    }

    public String name(String kind, String id) {
        if (id == null || id.equals("-")) {
            return m.t("dashboard.none");
        }
        return names.getOrDefault(kind + ":" + id, id);
    }
}
