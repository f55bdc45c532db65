package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.closedloop.config.Goal;
import io.closedloop.kpi.KpiBucket;
import io.closedloop.kpi.KpiCounts;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.KpiReports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class KpiChartsTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final WebMessages EN = WebMessages.of("en");
    private static final WebMessages FR = WebMessages.of("fr");

    static Map<String, Long> counts(Object... nameValuePairs) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            counts.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).longValue());
        }
        return counts;
    }
    private static final LocalDate FROM = LocalDate.parse("2025-03-01");

    private static KpiReport report(String campaignId, int days, Goal goal, Map<LocalDate, Map<String, Long>> counters) {
        List<KpiCounts> stored = new ArrayList<>();
        counters.forEach((day, c) -> stored.add(new KpiCounts(KpiBucket.day(campaignId, day), c)));
        return KpiReports.build(campaignId, FROM, FROM.plusDays(days - 1), stored,
                new KpiCounts(KpiBucket.totals(campaignId), counts("opnNow", 4)), goal);
    }

    /** A month with activity on three days, NPS missing on the others. */
    private static KpiReport march() {
        return report("nps-2025", 31, new Goal(0.85, Duration.ofHours(24)), Map.of(
                FROM.plusDays(2), counts("nps", 10, "nPro", 6, "nDet", 2, "opn", 5, "cls", 4, "goalIn", 4),
                FROM.plusDays(3), counts("nps", 4, "nPro", 1, "nDet", 2, "opn", 2, "cls", 3, "goalIn", 2),
                FROM.plusDays(10), counts("nps", 5, "nPro", 5, "opn", 1, "cls", 2, "goalIn", 1)));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertSelfContainedAndAccessible(String svg) throws Exception {
        Element root = parse(svg).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 360 200");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        String[] labelledBy = root.getAttribute("aria-labelledby").split(" ");
        assertThat(labelledBy).hasSize(2);
        Element title = (Element) root.getElementsByTagNameNS(SVG_NS, "title").item(0);
        assertThat(title.getAttribute("id")).isEqualTo(labelledBy[0]);
        assertThat(title.getTextContent()).isNotBlank();
        Element desc = (Element) root.getElementsByTagNameNS(SVG_NS, "desc").item(0);
        assertThat(desc.getAttribute("id")).isEqualTo(labelledBy[1]);
        assertThat(root.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(root.getElementsByTagNameNS("*", "foreignObject").getLength()).isZero();
        assertThat(svg).doesNotContain("href").doesNotContain("style=").doesNotContain("url(").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void charts_areWellFormedSelfContainedAndAccessible() throws Exception {
        KpiReport report = march();

        assertSelfContainedAndAccessible(KpiCharts.npsTrend(report, EN));
        assertSelfContainedAndAccessible(KpiCharts.openedVsClosed(report, EN));
        assertSelfContainedAndAccessible(KpiCharts.resolvedWithinGoal(report, EN));
    }

    @Test
    void resolvedWithinGoal_drawsTheGoalLineAtTheGoalShare() throws Exception {
        Document doc = parse(KpiCharts.resolvedWithinGoal(march(), EN));

        NodeList lines = doc.getElementsByTagNameNS(SVG_NS, "line");
        Element goal = null;
        for (int i = 0; i < lines.getLength(); i++) {
            if ("goal".equals(((Element) lines.item(i)).getAttribute("class"))) {
                goal = (Element) lines.item(i);
            }
        }
        assertThat(goal).isNotNull();
        // plot from y = 34 (100 %) to y = 176 (0 %): 85 % sits at 176 − 0.85 × 142
        assertThat(Double.parseDouble(goal.getAttribute("y1"))).isCloseTo(55.3, within(0.05));
        assertThat(goal.getAttribute("y2")).isEqualTo(goal.getAttribute("y1"));
        assertThat(goal.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(doc.getDocumentElement().getTextContent()).contains("Goal 85 %");
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent())
                .contains("within 24 h").contains("goal of 85 %").contains("77.8 % of 9 closes").contains("goal not met");
    }

    @Test
    void npsTrend_daysWithoutNpsResponses_breakTheLine() throws Exception {
        Document doc = parse(KpiCharts.npsTrend(march(), EN));

        Element path = (Element) doc.getElementsByTagNameNS(SVG_NS, "path").item(0);
        assertThat(path.getAttribute("d").split("M", -1)).hasSize(3);
        assertThat(path.getAttribute("d")).contains(" L");
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "circle").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent())
                .isEqualTo("NPS by day for campaign nps-2025 from 2025-03-01 to 2025-03-31: NPS 42.1 over 19 responses (latest day: 100.0).");
    }

    @Test
    void openedVsClosed_drawsTwoBarsPerDayWithActivity() throws Exception {
        Document doc = parse(KpiCharts.openedVsClosed(march(), EN));

        // two legend squares, then one bar per non-zero count: 3 days × (opened, closed)
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isEqualTo(2 + 6);
        assertThat(doc.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent()).contains("8 opened, 9 closed, 4 open now");
    }

    @Test
    void charts_customerChosenTextIsEscaped() throws Exception {
        String hostile = "<script>alert(1)</script>&\"'";
        KpiReport report = report(hostile, 7, Goal.DEFAULT, Map.of(FROM, counts("nps", 1, "nPro", 1, "opn", 1)));

        for (String svg : List.of(KpiCharts.npsTrend(report, EN), KpiCharts.openedVsClosed(report, EN), KpiCharts.resolvedWithinGoal(report, EN))) {
            assertThat(svg).doesNotContain("<script>");
            Document doc = parse(svg);
            assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
            assertThat(doc.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent()).contains(hostile);
        }
    }

    @Test
    void charts_emptyPeriod_sayThereIsNoData() throws Exception {
        KpiReport empty = report("nps-2025", 30, Goal.DEFAULT, Map.of());

        assertThat(parse(KpiCharts.npsTrend(empty, EN)).getDocumentElement().getTextContent()).contains("No NPS responses in this period");
        assertThat(parse(KpiCharts.openedVsClosed(empty, EN)).getDocumentElement().getTextContent()).contains("No cases in this period");
        String goal = KpiCharts.resolvedWithinGoal(empty, EN);
        assertThat(parse(goal).getDocumentElement().getTextContent()).contains("No case closed in this period");
        assertThat(goal).contains("class=\"goal\"");
    }

    @Test
    void charts_yearGroupsByWeekAndTwoYearsByMonth() throws Exception {
        KpiReport year = report("nps-2025", 365, Goal.DEFAULT, Map.of(FROM.plusDays(100), counts("opn", 3)));
        KpiReport twoYears = report("nps-2025", 731, Goal.DEFAULT, Map.of(FROM.plusDays(100), counts("opn", 3)));

        assertThat(KpiCharts.Grain.of(year.days().size())).isEqualTo(KpiCharts.Grain.WEEK);
        assertThat(KpiCharts.points(year.days(), KpiCharts.Grain.WEEK)).hasSize(53)
                .extracting(KpiReport.Day::opened).containsOnlyOnce(3L);
        assertThat(KpiCharts.points(twoYears.days(), KpiCharts.Grain.MONTH)).hasSize(25);
        assertThat(KpiCharts.points(twoYears.days(), KpiCharts.Grain.MONTH).get(1).day()).isEqualTo(LocalDate.parse("2025-04-01"));
        assertThat(parse(KpiCharts.openedVsClosed(year, EN)).getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent())
                .startsWith("Cases opened and closed by week");
        assertThat(parse(KpiCharts.npsTrend(twoYears, EN)).getDocumentElement().getTextContent()).contains("NPS by month");
    }

    @Test
    void niceStep_coversTheMaximumInFourSteps() {
        assertThat(KpiCharts.niceStep(0)).isEqualTo(1);
        assertThat(KpiCharts.niceStep(4)).isEqualTo(1);
        assertThat(KpiCharts.niceStep(5)).isEqualTo(2);
        assertThat(KpiCharts.niceStep(9)).isEqualTo(5);
        assertThat(KpiCharts.niceStep(37)).isEqualTo(10);
        assertThat(KpiCharts.niceStep(1_234)).isEqualTo(500);
    }

    @Test
    void charts_speakTheViewersLanguage() throws Exception {
        Document nps = parse(KpiCharts.npsTrend(march(), FR));
        Document goal = parse(KpiCharts.resolvedWithinGoal(march(), FR));

        assertThat(nps.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent()).isEqualTo("Évolution du NPS");
        assertThat(nps.getElementsByTagNameNS(SVG_NS, "desc").item(0).getTextContent())
                .startsWith("NPS par jour de la campagne nps-2025 du 2025-03-01 au 2025-03-31 : NPS 42.1 sur 19 réponses");
        assertThat(goal.getDocumentElement().getTextContent()).contains("Objectif 85 %").doesNotContain("Goal");
        assertThat(parse(KpiCharts.openedVsClosed(march(), FR)).getDocumentElement().getTextContent()).contains("Ouverts").contains("Clos")
                .doesNotContain("Opened");
    }
}
