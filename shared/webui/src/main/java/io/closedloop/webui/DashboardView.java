package io.closedloop.webui;

import io.closedloop.config.Campaign;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.TimeEstimate;
import io.closedloop.webui.DashboardLinks.Figure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard shows; the charts are SVG built from numbers and escaped names only (no customer text).
 *
 * @param path where the campaign and period form is sent
 * @param links the lists behind the figures, or null when the dashboard has none
 */
public record DashboardView(
        WebMessages m,
        String path,
        List<Campaign> campaigns,
        Campaign campaign,
        int days,
        List<Integer> periods,
        KpiReport report,
        String npsChart,
        String openedClosedChart,
        String goalChart,
        Map<String, String> names,
        DashboardLinks links) {

    public String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    public String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** A change, signed, with one decimal: "+3.7". */
    public String change(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%+.1f", value);
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

    /** The recovery rows grouped by dimension, in the report's order, dimensions without rows left out. */
    public List<RecoveryGroup> recoveryGroups() {
        Map<KpiReport.RecoveryDimension, List<KpiReport.RecoveryOf>> groups = new EnumMap<>(KpiReport.RecoveryDimension.class);
        report.recoveryBy().forEach(r -> groups.computeIfAbsent(r.dimension(), d -> new ArrayList<>()).add(r));
        return groups.entrySet().stream().map(e -> new RecoveryGroup(e.getKey(), e.getValue())).toList();
    }

    /** The name of a recovery row's responder, team, root cause or rule. */
    public String recoveryName(KpiReport.RecoveryOf row) {
        return name(switch (row.dimension()) {
            case ASSIGNEE -> "responder";
            case TEAM -> "team";
            case ROOT_CAUSE -> "cause";
            case RULE -> "rule";
        }, row.id());
    }

    /** The rows of one dimension of {@link KpiReport#recoveryBy()}. */
    public record RecoveryGroup(KpiReport.RecoveryDimension dimension, List<KpiReport.RecoveryOf> rows) {}

    /** The list behind a figure of this campaign, or null (the template then shows the figure without a link). */
    public String link(String figure) {
        return link(figure, null);
    }

    public String link(String figure, String id) {
        return links == null ? null : links.href(Figure.valueOf(figure), campaign.id(), id);
    }
}
