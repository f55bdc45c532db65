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
            String statusLabel, String assignee, String deadline, String deadlineClass) {}

    public record Queue(WebMessages m, String list, List<Tab> tabs, List<Select> selects, String text, String from, String to,
            boolean filtered, List<Row> rows, String nextHref, String firstHref, String zoneLabel, String notice) {
        public Queue {
            tabs = List.copyOf(tabs);
            selects = List.copyOf(selects);
            rows = List.copyOf(rows);
        }
    }
}
