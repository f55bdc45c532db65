package io.closedloop.functions.console;

import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.config.Team;
import io.closedloop.queue.QueueRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A list as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheets read accents): names, never ids, beside
 * the case id; times in the viewer's zone with their offset. A cell a spreadsheet would run as a formula is quoted
 * and prefixed with an apostrophe.
 */
final class QueueCsv {

    static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final List<String> HEADER = List.of("case_id", "campaign", "customer", "score", "nps_category", "status", "priority",
            "assignee", "team", "opened_at", "next_deadline", "breached", "closed_at", "comment_start");

    private QueueCsv() {}

    static String of(List<QueueRow> rows, Configuration config, ZoneId zone) {
        DateTimeFormatter times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        StringBuilder out = new StringBuilder(64 + rows.size() * 160).append('\uFEFF');
        line(out, HEADER);
        for (QueueRow row : rows) {
            line(out, List.of(
                    row.caseId(),
                    row.campaignId() == null ? "" : config.campaign(row.campaignId()).map(Campaign::name).orElse(row.campaignId()),
                    nullToEmpty(row.customer()),
                    row.score() == null ? "" : row.score().toString(),
                    row.category() == null ? "" : row.category().name().toLowerCase(java.util.Locale.ROOT),
                    row.status().name().toLowerCase(java.util.Locale.ROOT),
                    row.priority().name().toLowerCase(java.util.Locale.ROOT),
                    row.assigneeId() == null ? "" : config.responder(row.assigneeId()).map(Responder::name).orElse(row.assigneeId()),
                    row.teamId() == null ? "" : config.team(row.teamId()).map(Team::name).orElse(row.teamId()),
                    time(times, row.openedAt()),
                    row.closedAt() == null ? time(times, row.deadline()) : "",
                    row.breached() ? "yes" : "no",
                    time(times, row.closedAt()),
                    nullToEmpty(row.excerpt())));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        boolean quote = text.startsWith("'") || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+");
    }

    private static String time(DateTimeFormatter times, Instant at) {
        return at == null ? "" : times.format(at);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
