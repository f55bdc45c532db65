package io.closedloop.admin;

import io.closedloop.config.Campaign;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.kpi.KpiCsv;
import io.closedloop.kpi.KpiReport;
import io.closedloop.kpi.KpiReports;
import io.closedloop.kpi.KpiStore;
import io.closedloop.ports.ConfigCache;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/kpis} and {@code /api/kpis.csv}: the KPI report of one campaign and period, read from the
 * pre-aggregated daily counters (one query, never a scan), the same report the dashboard shows. A key limited to
 * campaigns gets 403 for any other campaign.
 */
public final class KpiApi {

    /** Which CSV table {@code part} asks for. */
    public enum CsvPart {
        DAYS,
        BREAKDOWNS,
        RECOVERY
    }

    private final ConfigCache config;
    private final KpiStore kpis;

    public KpiApi(ConfigCache config, KpiStore kpis) {
        this.config = config;
        this.kpis = kpis;
    }

    /** @param query campaignId (optional for a key limited to one campaign), from and to (UTC days, inclusive) */
    public KpiReport report(ApiCaller caller, Map<String, String> query) {
        String campaignId = caller.campaignFor(query.get("campaignId"));
        FieldChecks check = new FieldChecks();
        LocalDate from = date(query.get("from"), "from", check);
        LocalDate to = date(query.get("to"), "to", check);
        if (from != null && to != null) {
            try {
                KpiReports.checkPeriod(from, to);
            } catch (IllegalArgumentException e) {
                check.error("to", e.getMessage());
            }
        }
        if (!check.ok()) {
            throw new ProblemException(Problem.invalid("The report period is not valid.", check.errors()));
        }
        Campaign campaign = config.current().campaign(campaignId).orElseThrow(() -> new ProblemException(
                Problem.of(404, "not-found", "Not found", "There is no campaign " + FieldChecks.shown(campaignId) + ".")));
        return kpis.report(campaign.id(), from, to, campaign.goal());
    }

    /**
     * The report as CSV: one row per day, ({@code part=breakdowns}) one row per assignee, team and root cause, or
     * ({@code part=recovery}) the check-ins by campaign, assignee, team, root cause and rule.
     */
    public String csv(ApiCaller caller, Map<String, String> query) {
        CsvPart part = switch (query.getOrDefault("part", "days")) {
            case "days" -> CsvPart.DAYS;
            case "breakdowns" -> CsvPart.BREAKDOWNS;
            case "recovery" -> CsvPart.RECOVERY;
            default -> throw new ProblemException(Problem.field(422, "part", "must be days, breakdowns or recovery"));
        };
        KpiReport report = report(caller, query);
        return switch (part) {
            case DAYS -> KpiCsv.days(report);
            case BREAKDOWNS -> KpiCsv.breakdowns(report);
            case RECOVERY -> KpiCsv.recovery(report);
        };
    }

    private static LocalDate date(String text, String field, FieldChecks check) {
        if (text == null || text.isBlank()) {
            check.error(field, "is required: a date such as 2026-11-01");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            check.error(field, "must be a date such as 2026-11-01");
            return null;
        }
    }
}
