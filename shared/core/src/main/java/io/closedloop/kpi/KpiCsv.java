package io.closedloop.kpi;

import java.util.List;
import java.util.Locale;

/**
 * CSV exports of a report (RFC 4180: comma-separated, CRLF line ends, a header row, fields with a comma, quote or line
 * break in double quotes with quotes doubled). Text cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return) get a leading single quote; numbers are written by this class and left as
 * they are, so a negative NPS stays a number.
 */
public final class KpiCsv {

    /** The media type to answer with. */
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private static final String CRLF = "\r\n";

    private KpiCsv() {}

    /** One row per day of the period. Shares are percentages with one decimal; empty when there was nothing to divide. */
    public static String days(KpiReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("campaign", "day", "responses", "nps_responses", "nps", "opened", "closed", "reopened",
                "first_responses", "first_response_within_target_pct", "resolved_within_target_pct",
                "resolved_within_goal_pct", "breaches", "check_ins_sent", "check_ins_answered", "recovered",
                "reopened_by_customer", "acknowledged", "customer_messages"));
        for (KpiReport.Day d : report.days()) {
            row(csv, List.of(text(report.campaignId()), d.day().toString(), number(d.responses()), number(d.npsResponses()),
                    decimal(d.nps()), number(d.opened()), number(d.closed()), number(d.reopened()), number(d.firstResponses()),
                    percent(d.firstResponseWithinTargetShare()), percent(d.resolvedWithinTargetShare()),
                    percent(d.resolvedWithinGoalShare()), number(d.breaches()), number(d.checkInsSent()),
                    number(d.checkInsAnswered()), number(d.recovered()), number(d.reopenedByCustomer()), number(d.acknowledged()),
                    number(d.customerMessages())));
        }
        return csv.toString();
    }

    /** One row per assignee, team and root cause of the period; columns that do not apply to root causes stay empty. */
    public static String breakdowns(KpiReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("campaign", "dimension", "id", "opened", "closed", "first_responses",
                "first_response_within_target_pct", "resolved_within_target_pct", "resolved_within_goal_pct", "breaches",
                "share_of_closed_pct", "check_ins_answered", "recovered", "recovery_pct"));
        String campaign = text(report.campaignId());
        for (KpiReport.Owner o : report.byAssignee()) {
            ownerRow(csv, campaign, "assignee", o);
        }
        for (KpiReport.Owner o : report.byTeam()) {
            ownerRow(csv, campaign, "team", o);
        }
        for (KpiReport.Cause c : report.byRootCause()) {
            row(csv, List.of(campaign, "root_cause", text(c.id()), "", number(c.closed()), "", "",
                    percent(c.resolvedWithinTargetShare()), "", "", percent(c.shareOfClosed()), "", "", ""));
        }
        return csv.toString();
    }

    /**
     * The check-ins of the period: one row for the campaign, then one per assignee, team, root cause and rule. The
     * re-score columns count detractors who gave a new score.
     */
    public static String recovery(KpiReport report) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("campaign", "dimension", "id", "check_ins_sent", "check_ins_answered", "answer_pct", "recovered",
                "recovery_pct", "reopened_by_customer", "rescored_detractors", "rescore_delta_avg", "detractors_now_passive",
                "detractors_now_promoter", "conversion_pct"));
        String campaign = text(report.campaignId());
        recoveryRow(csv, campaign, "campaign", text(report.campaignId()), report.recovery());
        for (KpiReport.RecoveryOf r : report.recoveryBy()) {
            recoveryRow(csv, campaign, r.dimension().name().toLowerCase(Locale.ROOT), text(r.id()), r.recovery());
        }
        return csv.toString();
    }

    private static void recoveryRow(StringBuilder csv, String campaign, String dimension, String id, KpiReport.Recovery r) {
        row(csv, List.of(campaign, dimension, id, number(r.checkInsSent()), number(r.checkInsAnswered()),
                percent(r.answerRate()), number(r.recovered()), percent(r.recoveryRate()), number(r.reopenedByCustomer()),
                number(r.rescoredDetractors()), r.rescoreDeltaAverage() == null ? "" : String.format(Locale.ROOT, "%.2f",
                        r.rescoreDeltaAverage()), number(r.detractorsNowPassive()), number(r.detractorsNowPromoter()),
                percent(r.conversionRate())));
    }

    private static void ownerRow(StringBuilder csv, String campaign, String dimension, KpiReport.Owner o) {
        row(csv, List.of(campaign, dimension, text(o.id()), number(o.opened()), number(o.closed()), number(o.firstResponses()),
                percent(o.firstResponseWithinTargetShare()), percent(o.resolvedWithinTargetShare()),
                percent(o.resolvedWithinGoalShare()), number(o.breaches()), "", number(o.checkInsAnswered()), number(o.recovered()),
                percent(o.recoveryRate())));
    }

    /** A text cell: neutralized against formula injection, then quoted as RFC 4180 requires. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
        return quote(safe);
    }

    private static String quote(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String number(long value) {
        return Long.toString(value);
    }

    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells)).append(CRLF);
    }
}
