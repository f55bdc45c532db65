package io.closedloop.functions.web;

import io.closedloop.app.ApiKeys;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.kpi.KpiStore;
import io.closedloop.links.CaseLinks;
import io.closedloop.webui.Dashboards;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The managers' dashboard: sign in with an API key that may read reports (the session cookie then names the key,
 * which is checked again on every request, so revoking the key ends the session), pick a campaign the key may see
 * and a period; the page itself is the web UI kit's ({@link Dashboards}), without links to lists (a key has no console person).
 */
final class Dashboard {

    static final String COOKIE = "cl_dash";
    private final Dashboards dashboards;

    Dashboard(KpiStore kpis) {
        this.dashboards = new Dashboards(kpis);
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
        List<Campaign> visible = config.campaigns().values().stream().filter(c -> key.allowsCampaign(c.id())).toList();
        return dashboards.view(request, visible, config, m, now, "/dashboard", null)
                .map(DashboardPages::dashboard)
                .orElseGet(() -> Pages.message(200, MessageView.of(m, "dashboard.noCampaign")));
    }
}
