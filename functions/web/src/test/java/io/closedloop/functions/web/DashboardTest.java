package io.closedloop.functions.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.app.ApiKeys;
import io.closedloop.app.Change;
import io.closedloop.cases.Case;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.Campaign;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.Goal;
import io.closedloop.domain.Respondent;
import io.closedloop.json.Json;
import io.closedloop.kpi.KpiDeltas;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class DashboardTest {

    private final WebFixture fixture = new WebFixture();
    private ApiKeys.NewKey reports;
    private ApiKeys.NewKey scopedToOther;
    private ApiKeys.NewKey casesOnly;

    @BeforeEach
    void setUp() {
        put(new Campaign("nps-br", "NPS Brazil", "resolution-for-detractors", null, new Goal(0.85, Duration.ofHours(24))));
        put(new Campaign("nps-fr", "NPS France", "resolution-for-detractors", null, Goal.DEFAULT));
        reports = key("Managers", Set.of(ApiScope.REPORTS), Set.of());
        scopedToOther = key("France only", Set.of(ApiScope.REPORTS), Set.of("nps-fr"));
        casesOnly = key("CRM", Set.of(ApiScope.CASES_READ), Set.of());
        fixture.stores.configCache().invalidate();
    }

    private void put(Object value) {
        fixture.stores.config().put(new ConfigEntry(io.closedloop.config.ConfigurationAssembler.kindOf(value),
                io.closedloop.config.ConfigurationAssembler.storageId(value), 1, Json.string(value)));
    }

    private ApiKeys.NewKey key(String name, Set<ApiScope> scopes, Set<String> campaigns) {
        ApiKeys.NewKey key = ApiKeys.generate();
        put(new ApiKey(key.keyId(), name, key.hash(), scopes, campaigns, false));
        return key;
    }

    private WebFixture.Answer signIn(String presented) {
        return fixture.invoke(HttpApiEvent.dashboardLogin(HttpApiEvent.form("apiKey", presented)));
    }

    private WebFixture.Answer dashboard(String cookie, String campaignId) {
        HttpApiEvent event = HttpApiEvent.get("GET /dashboard", "/dashboard", Map.of());
        if (campaignId != null) {
            event.query("campaignId", campaignId);
        }
        if (cookie != null) {
            event.cookie(cookie);
        }
        return fixture.invoke(event);
    }

    private static String sessionOf(WebFixture.Answer signedIn) {
        return signedIn.cookies().getFirst().split(";")[0];
    }

    @Test
    void dashboard_withoutSession_showsTheSignInForm() {
        WebFixture.Answer page = dashboard(null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/dashboard/login\"").contains("type=\"password\"");
        assertThat(page.headers()).containsKey("content-security-policy");
    }

    @Test
    void signIn_withReportsKey_setsAStrictSessionCookie_andShowsTheKpis() {
        Case c = fixture.openCase("kpi-1", new Respondent("c1", "a@example.com", "A", null, "en"), "Slow");
        List<Change> changes = List.of(new Change.CaseChange("1", null, c));
        fixture.stores.kpis().add(KpiDeltas.of(changes, fixture.stores.configCache().current()));

        WebFixture.Answer signedIn = signIn(reports.key());

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.headers()).containsEntry("location", "/dashboard");
        assertThat(signedIn.cookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("cl_dash=").contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/dashboard"));

        WebFixture.Answer page = dashboard(sessionOf(signedIn), c.campaignId());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Closed-loop dashboard").contains("<svg").contains("Resolved within goal");
        assertThat(page.body()).doesNotContain(reports.key());
    }

    @Test
    void dashboard_chartsAreWellFormedSvg() throws Exception {
        WebFixture.Answer page = dashboard(sessionOf(signIn(reports.key())), "nps-br");

        String body = page.body();
        int from = body.indexOf("<svg");
        while (from >= 0) {
            int to = body.indexOf("</svg>", from) + "</svg>".length();
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(body.substring(from, to))));
            from = body.indexOf("<svg", to);
        }
    }

    @Test
    void signIn_wrongOrUnscopedKey_isRefusedWithoutCookie() {
        assertThat(signIn("cl_nope_AAAA").status()).isEqualTo(401);
        assertThat(signIn(reports.key() + "x").status()).isEqualTo(401);
        WebFixture.Answer crm = signIn(casesOnly.key());
        assertThat(crm.status()).isEqualTo(401);
        assertThat(crm.cookies()).isEmpty();
    }

    @Test
    void dashboard_campaignScopedKey_neverShowsAnotherCampaign() {
        String session = sessionOf(signIn(scopedToOther.key()));

        WebFixture.Answer page = dashboard(session, "nps-br");

        assertThat(page.body()).contains("NPS France").doesNotContain("NPS Brazil");
    }

    @Test
    void dashboard_afterKeyRevoked_asksToSignInAgain() {
        String session = sessionOf(signIn(reports.key()));
        ApiKey stored = fixture.stores.configCache().current().apiKeys().get(reports.keyId());
        fixture.stores.config().put(new ConfigEntry(ConfigKind.API_KEY, stored.id(), 2,
                Json.string(new ApiKey(stored.id(), stored.name(), stored.secretHash(), stored.scopes(), stored.campaignIds(), true))));
        fixture.stores.configCache().invalidate();

        assertThat(dashboard(session, null).body()).contains("action=\"/dashboard/login\"");
    }

    @Test
    void signIn_crossSitePost_isRefused() {
        WebFixture.Answer answer = fixture.invoke(HttpApiEvent.dashboardLogin(HttpApiEvent.form("apiKey", reports.key()))
                .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.cookies()).isEmpty();
    }
}
