package io.closedloop.functions.web;

import io.closedloop.app.ApiKeys;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.Team;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.kpi.KpiCharts;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.KpiStore;
import io.closedloop.links.CaseLinks;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managers' dashboard: sign in with an API key that may read reports (the session cookie then names the key,
 * which is checked again on every request, so revoking the key ends the session), pick a campaign the key may see
 * and a period, and read the KPIs from the pre-aggregated daily counters (one query per report).
 */
final class Dashboard {

    static final String COOKIE = "cl_dash";
    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final KpiStore kpis;

    Dashboard(KpiStore kpis) {
        this.kpis = kpis;
    }

    /** The API key a request's dashboard session names, if the session is valid and the key still may read reports. */
    static Optional<ApiKey> signedIn(HttpRequest request, Configuration config, Instant now) {
        return request.cookie(COOKIE)
                .flatMap(token -> CaseLinks.verifyDashboard(config, token, now))
                .map(id -> config.apiKeys().get(id))
                .filter(Dashboard::mayReadReports);
    }

    /** The key a presented secret matches, when it may read reports. */
    static Optional<ApiKey> authenticate(String presented, Configuration config) {
        return ApiKeys.keyId(presented)
                .map(id -> config.apiKeys().get(id))
                .filter(key -> ApiKeys.matches(presented, key.secretHash()))
                .filter(Dashboard::mayReadReports);
    }

    private static boolean mayReadReports(ApiKey key) {
        return key != null && !key.revoked() && (key.scopes().contains(ApiScope.REPORTS) || key.scopes().contains(ApiScope.ADMIN));
    }

    static String sessionCookie(LinkKey signingKey, ApiKey key, Instant now) {
        return COOKIE + "=" + CaseLinks.dashboardToken(signingKey, key.id(), now) + "; Path=/dashboard; Max-Age="
                + CaseLinks.DASHBOARD_LIFETIME.toSeconds() + "; HttpOnly; Secure; SameSite=Strict";
    }

    HttpResponse page(HttpRequest request, ApiKey key, Configuration config, WebMessages m, Instant now) {
        List<Campaign> campaigns = config.campaigns().values().stream().filter(c -> key.allowsCampaign(c.id()))
                .sorted(Comparator.comparing(Campaign::name)).toList();
        if (campaigns.isEmpty()) {
            return Pages.message(200, MessageView.of(m, "dashboard.noCampaign"));
        }
        Campaign campaign = request.query("campaignId").flatMap(id -> campaigns.stream().filter(c -> c.id().equals(id)).findFirst())
                .orElse(campaigns.getFirst());
        int days = request.query("days").map(Dashboard::parseDays).filter(PERIODS::contains).orElse(30);
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        KpiReport report = kpis.report(campaign.id(), from, to, campaign.goal());
        DashboardView view = new DashboardView(m, campaigns, campaign, days, PERIODS, report,
                KpiCharts.npsTrend(report), KpiCharts.openedVsClosed(report), KpiCharts.resolvedWithinGoal(report),
                names(config));
        return DashboardPages.dashboard(view);
    }

    private static Map<String, String> names(Configuration config) {
        Map<String, String> names = new java.util.HashMap<>();
        config.responders().values().forEach((Responder r) -> names.put("responder:" + r.id(), r.name()));
        config.teams().values().forEach((Team t) -> names.put("team:" + t.id(), t.name()));
        config.rootCauses().values().forEach((RootCause c) -> names.put("cause:" + c.id(), c.name()));
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
