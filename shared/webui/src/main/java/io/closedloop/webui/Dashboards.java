package io.closedloop.webui;

import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.http.HttpRequest;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.KpiStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KPI dashboard both human-facing functions show: the campaign and period a request asks for among those the
 * viewer may see, read from the pre-aggregated daily counters (one query per report).
 */
public final class Dashboards {

    public static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final KpiStore kpis;

    public Dashboards(KpiStore kpis) {
        this.kpis = kpis;
    }

    /**
     * @param visible the campaigns the viewer may see
     * @return empty when the viewer may see no campaign
     */
    public Optional<DashboardView> view(HttpRequest request, List<Campaign> visible, Configuration config, WebMessages m, Instant now,
            String path, DashboardLinks links) {
        List<Campaign> campaigns = visible.stream().sorted(Comparator.comparing(Campaign::name)).toList();
        if (campaigns.isEmpty()) {
            return Optional.empty();
        }
        Campaign campaign = request.query("campaignId").flatMap(id -> campaigns.stream().filter(c -> c.id().equals(id)).findFirst())
                .orElse(campaigns.getFirst());
        int days = request.query("days").map(Dashboards::parseDays).filter(PERIODS::contains).orElse(30);
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        KpiReport report = kpis.report(campaign.id(), from, to, campaign.goal());
        return Optional.of(new DashboardView(m, path, campaigns, campaign, days, PERIODS, report,
                KpiCharts.npsTrend(report, m), KpiCharts.openedVsClosed(report, m), KpiCharts.resolvedWithinGoal(report, m), names(config), links));
    }

    private static Map<String, String> names(Configuration config) {
        Map<String, String> names = new HashMap<>();
        config.responders().values().forEach(r -> names.put("responder:" + r.id(), r.name()));
        config.teams().values().forEach(t -> names.put("team:" + t.id(), t.name()));
        config.rootCauses().values().forEach(c -> names.put("cause:" + c.id(), c.name()));
        config.rules().forEach(r -> names.put("rule:" + r.id(), r.name()));
        return names;
    }

    private static int parseDays(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 30;
        }
    }
}
