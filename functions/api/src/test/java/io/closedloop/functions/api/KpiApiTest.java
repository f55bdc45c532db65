package io.closedloop.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.Change;
import io.closedloop.cases.Case;
import io.closedloop.config.ApiScope;
import io.closedloop.domain.Response;
import io.closedloop.kpi.KpiDeltas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KpiApiTest {

    private ApiFixture api;
    private String bi;

    @BeforeEach
    void setUp() {
        api = new ApiFixture();
        bi = api.key("BI", Set.of(ApiScope.REPORTS), Set.of());
        List<Change> changes = new ArrayList<>();
        for (int score : new int[] {10, 9, 3}) {
            Response response = api.response(ApiFixture.NPS, score, Instant.parse("2026-11-19T08:00:00Z"));
            changes.add(new Change.ResponseChange("r" + score, null, response));
        }
        Case opened = api.openCase(ApiFixture.NPS, 3);
        changes.add(new Change.CaseChange("c1", null, opened));
        // What the processor does with each stream batch
        api.stores.kpis().add(KpiDeltas.of(changes, api.stores.configCache().current()));
    }

    @Test
    void kpis_returnTheCampaignsReportFromTheDailyCounters() {
        ApiFixture.Reply reply = api.get("/api/kpis?campaignId=nps-br&from=2026-11-19&to=2026-11-20", bi);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.path("campaignId").asText()).isEqualTo("nps-br");
        assertThat(report.path("totals").path("responses").asLong()).isEqualTo(3);
        assertThat(report.path("totals").path("nps").asDouble()).isEqualTo(33.3);
        assertThat(report.path("totals").path("opened").asLong()).isEqualTo(1);
        assertThat(report.path("days")).hasSize(2);
        assertThat(report.path("byAssignee").get(0).path("id").asText()).isEqualTo("ana");
    }

    @Test
    void kpisCsv_isOneRowPerDay_orPerOwnerAndCause_orTheCheckIns() {
        ApiFixture.Reply days = api.get("/api/kpis.csv?campaignId=nps-br&from=2026-11-19&to=2026-11-20", bi);
        ApiFixture.Reply breakdowns = api.get("/api/kpis.csv?campaignId=nps-br&from=2026-11-19&to=2026-11-20&part=breakdowns", bi);

        assertThat(days.status()).isEqualTo(200);
        assertThat(days.header("content-type")).startsWith("text/csv");
        assertThat(days.header("content-disposition")).isEqualTo("attachment; filename=\"kpis-nps-br-2026-11-19-2026-11-20.csv\"");
        assertThat(days.text().split("\r\n")).hasSize(3);
        assertThat(days.text().split("\r\n")[1]).startsWith("nps-br,2026-11-19,3,3,33.3,");
        assertThat(breakdowns.text()).contains("nps-br,assignee,ana,1,");
        ApiFixture.Reply recovery = api.get("/api/kpis.csv?campaignId=nps-br&from=2026-11-19&to=2026-11-20&part=recovery", bi);
        ApiFixture.Reply unknown = api.get("/api/kpis.csv?campaignId=nps-br&from=2026-11-19&to=2026-11-20&part=owners", bi);
        assertThat(recovery.text().split("\r\n")).hasSize(2);
        assertThat(recovery.text().split("\r\n")[1]).isEqualTo("nps-br,campaign,nps-br,0,0,,0,,0,0,,0,0,");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("part");
    }

    @Test
    void kpis_badPeriodIs422_unknownCampaign404_otherCampaignForAScopedKey403() {
        String brOnly = api.key("BR BI", Set.of(ApiScope.REPORTS), Set.of(ApiFixture.NPS));

        ApiFixture.Reply inverted = api.get("/api/kpis?campaignId=nps-br&from=2026-11-20&to=2026-11-01", bi);
        ApiFixture.Reply missing = api.get("/api/kpis?campaignId=nps-br", bi);
        ApiFixture.Reply unknown = api.get("/api/kpis?campaignId=nps-xx&from=2026-11-01&to=2026-11-20", bi);
        ApiFixture.Reply other = api.get("/api/kpis?campaignId=nps-fr&from=2026-11-01&to=2026-11-20", brOnly);
        ApiFixture.Reply otherCsv = api.get("/api/kpis.csv?campaignId=nps-fr&from=2026-11-01&to=2026-11-20", brOnly);
        ApiFixture.Reply own = api.get("/api/kpis?from=2026-11-01&to=2026-11-20", brOnly);

        assertThat(inverted.status()).isEqualTo(422);
        assertThat(inverted.json().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(missing.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("from", "to");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(other.status()).isEqualTo(403);
        assertThat(otherCsv.status()).isEqualTo(403);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("campaignId").asText()).isEqualTo("nps-br");
    }
}
