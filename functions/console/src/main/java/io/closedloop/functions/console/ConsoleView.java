package io.closedloop.functions.console;

import io.closedloop.webui.WebMessages;
import java.util.List;

/** What the console's templates show: plain values, every text already in the viewer's language. */
public final class ConsoleView {

    private ConsoleView() {}

    /** The bar on every signed-in page; {@code csrf} is the sign-out form's token. */
    public record Nav(WebMessages m, String personName, String role, String csrf) {}

    public record Tab(String slug, String label, String href, Long count, boolean current) {}

    public record Option(String value, String label, boolean selected) {}

    public record Select(String name, String label, List<Option> options) {
        public Select {
            options = List.copyOf(options);
        }
    }

    /**
     * One row of the queue.
     *
     * @param deadlineClass due, overdue, none or met: the SLA wording's style
     */
    public record Row(String caseId, String href, String customer, Integer score, String category, String excerpt, String status,
            String statusLabel, String priorityLabel, String assignee, String deadline, String deadlineClass, String pickName, long version) {}

    /**
     * The bulk form under the list (managers and admins).
     *
     * @param back the list's address, to return to
     */
    public record Bulk(String csrf, String back, List<Option> assignees, List<Option> priorities) {
        public Bulk {
            assignees = List.copyOf(assignees);
            priorities = List.copyOf(priorities);
        }
    }

    /** @param bulk null when the viewer may not change cases in bulk */
    public record Queue(WebMessages m, String list, List<Tab> tabs, List<Select> selects, Select sort, String text, String from,
            String to, boolean filtered, List<Row> rows, String nextHref, String firstHref, String csvHref, String zoneLabel,
            String notice, Bulk bulk) {
        public Queue {
            tabs = List.copyOf(tabs);
            selects = List.copyOf(selects);
            rows = List.copyOf(rows);
        }
    }

    /** One line of a bulk change's report. */
    public record BulkLine(String customer, String href, String outcome, boolean applied) {}

    public record BulkReport(WebMessages m, String summary, List<BulkLine> lines, String back) {
        public BulkReport {
            lines = List.copyOf(lines);
        }
    }
}
