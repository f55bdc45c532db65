package io.closedloop.functions.console;

import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.config.Priority;
import io.closedloop.console.BulkChange;
import io.closedloop.console.BulkChange.Picked;
import io.closedloop.console.BulkChange.Result;
import io.closedloop.domain.Respondent;
import io.closedloop.functions.console.ConsoleView.BulkLine;
import io.closedloop.functions.console.ConsoleView.BulkReport;
import io.closedloop.webui.CasePaths;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.WebMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bulk form under the queue read into picked cases and one command, and its results turned into a report. */
final class BulkForm {

    /**
     * @param problem the message key of why the form cannot be applied, or null
     * @param back the list to return to (a console queue address; the queue otherwise)
     */
    record Asked(List<Picked> picked, CaseCommand command, String problem, String back) {}

    private BulkForm() {}

    static Asked read(FormBody form) {
        String back = form.field("back").filter(BulkForm::isQueueAddress).orElse("/console/cases");
        List<Picked> picked = new ArrayList<>();
        for (Map.Entry<String, String> field : form.fields().entrySet()) {
            if (!field.getKey().startsWith(QueueViews.BULK_PICK)) {
                continue;
            }
            String caseId = field.getKey().substring(QueueViews.BULK_PICK.length());
            if (caseId.isEmpty() || caseId.length() > 200 || !field.getValue().matches("[0-9]{1,18}")) {
                return new Asked(List.of(), null, "bulk.unreadable", back);
            }
            picked.add(new Picked(caseId, Long.parseLong(field.getValue())));
        }
        if (picked.isEmpty()) {
            return new Asked(picked, null, "bulk.nonePicked", back);
        }
        if (picked.size() > BulkChange.MAX_CASES) {
            return new Asked(picked, null, "bulk.tooMany", back);
        }
        String change = form.field("change").orElse("");
        return switch (change) {
            case "reassign" -> form.text("assignee") == null ? new Asked(picked, null, "bulk.noAssignee", back)
                    : new Asked(picked, new CaseCommand.Reassign(form.text("assignee")), null, back);
            case "priority" -> priority(form.text("priority")) == null ? new Asked(picked, null, "bulk.noPriority", back)
                    : new Asked(picked, new CaseCommand.SetPriority(priority(form.text("priority"))), null, back);
            default -> new Asked(picked, null, "bulk.unreadable", back);
        };
    }

    private static Priority priority(String name) {
        try {
            return name == null ? null : Priority.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Only back to a queue page of this console: never an open redirect. */
    static boolean isQueueAddress(String address) {
        return address.length() <= 1000 && (address.equals("/console/cases") || address.startsWith("/console/cases?"))
                && address.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    static BulkReport report(List<Result> results, long applied, String back, WebMessages m) {
        List<BulkLine> lines = new ArrayList<>();
        for (Result result : results) {
            String customer = customer(result.current(), m);
            String href = result.current() == null ? null : CasePaths.CONSOLE.page(result.caseId());
            String outcome = switch (result) {
                case Result.Applied a -> m.t("bulk.applied");
                case Result.Conflict c -> m.t("bulk.conflict");
                case Result.Rejected r -> m.error(r.error());
                case Result.Refused r -> m.t("bulk.refused", m.t(r.refusal().messageKey()));
                case Result.Gone g -> m.t("bulk.gone");
            };
            lines.add(new BulkLine(customer, href, outcome, result instanceof Result.Applied));
        }
        return new BulkReport(m, m.t("bulk.summary", applied, results.size()), lines, back);
    }

    private static String customer(Case c, WebMessages m) {
        if (c == null) {
            return m.t("bulk.unknownCase");
        }
        Respondent who = c.response().respondent();
        if (who.name() != null && !who.name().isBlank()) {
            return who.name();
        }
        return who.email() != null && !who.email().isBlank() ? who.email() : m.t("queue.anonymous");
    }
}
