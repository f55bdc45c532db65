package io.closedloop.functions.console;

import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.Team;
import io.closedloop.console.Access;
import io.closedloop.console.WorkQueue;
import io.closedloop.console.WorkQueue.ListName;
import io.closedloop.console.WorkQueue.Listing;
import io.closedloop.console.WorkQueue.Sort;
import io.closedloop.domain.Category;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.Row;
import io.closedloop.functions.console.ConsoleView.Select;
import io.closedloop.functions.console.ConsoleView.Tab;
import io.closedloop.http.HttpRequest;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueueRow;
import io.closedloop.webui.CasePaths;
import io.closedloop.webui.CaseViews;
import io.closedloop.webui.WebMessages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The queue page's request read into a list, a filter and a cursor, and its answer turned into the page's view. */
final class QueueViews {

    /** What the queue's address asked for; {@code problem} is set when a parameter could not be read (and was dropped). */
    record Asked(ListName list, QueueFilter filter, Sort sort, String cursor, Map<String, String> kept, boolean problem) {

        /** The list's address with its filters and sort, without a cursor. */
        String href(String path) {
            return path + "?list=" + list.slug() + query(kept);
        }
    }

    private QueueViews() {}

    static Asked read(HttpRequest request, Access access, ZoneId zone) {
        Map<String, String> kept = new LinkedHashMap<>();
        boolean[] problem = {false};
        ListName list = request.query("list").flatMap(ListName::of).orElseGet(() -> {
            problem[0] |= request.query("list").isPresent();
            return WorkQueue.defaultList(access);
        });
        Function<String, String> text = name -> request.query(name).filter(v -> !v.isBlank()).map(v -> {
            if (v.length() > 100) {
                problem[0] = true;
                return null;
            }
            kept.put(name, v);
            return v;
        }).orElse(null);
        String campaign = text.apply("campaign");
        CaseStatus status = parse(text.apply("status"), CaseStatus::valueOf, problem, kept, "status");
        Priority priority = parse(text.apply("priority"), Priority::valueOf, problem, kept, "priority");
        String assignee = text.apply("assignee");
        String team = text.apply("team");
        Category category = parse(text.apply("category"), Category::valueOf, problem, kept, "category");
        String q = text.apply("q");
        Sort sort = parse(text.apply("sort"), slug -> Sort.of(slug).orElseThrow(IllegalArgumentException::new), problem, kept, "sort");
        if (sort == Sort.DUE) {
            kept.remove("sort");
        }
        LocalDate from = parse(text.apply("from"), LocalDate::parse, problem, kept, "from");
        LocalDate to = parse(text.apply("to"), LocalDate::parse, problem, kept, "to");
        QueueFilter filter = new QueueFilter(campaign, status, priority, assignee, team, category, q,
                from == null ? null : from.atStartOfDay(zone).toInstant(), to == null ? null : to.atStartOfDay(zone).toInstant());
        String cursor = request.query("cursor").filter(c -> c.length() <= 400).orElse(null);
        return new Asked(list, filter, sort == null ? Sort.DUE : sort, cursor, kept, problem[0]);
    }

    /** A bulk form's checkbox of a case is named this plus the case id; its value is the version shown. */
    static final String BULK_PICK = "pick.";

    private static <T> T parse(String value, Function<String, T> parser, boolean[] problem, Map<String, String> kept, String name) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            problem[0] = true;
            kept.remove(name);
            return null;
        }
    }

    /** @param csrf the session's form token, for the bulk form */
    /** The list's address as shown (with its cursor), without a case beside it. */
    static String listHref(Asked asked) {
        String base = asked.href("/console/cases");
        return asked.cursor() == null ? base : base + "&cursor=" + encode(asked.cursor());
    }

    /** The list's address with the case shown beside it. */
    static String withCase(Asked asked, String caseId) {
        return listHref(asked) + "&case=" + encode(caseId);
    }

    /** Whether a form's {@code back} is the console's list with this very case beside it (so a redirect stays home). */
    static boolean isListWithCase(String back, String caseId) {
        return BulkForm.isQueueAddress(back) && back.endsWith("&case=" + encode(caseId));
    }

    /**
     * @param csrf the session's form token, for the bulk form
     * @param selectedCaseId the case shown beside the list; null for none
     */
    static ConsoleView.Queue view(Asked asked, Listing page, Map<ListName, Long> counts, Access access, Configuration config,
            WebMessages m, Instant now, String notice, String csrf, String selectedCaseId) {
        ZoneId zone = CaseViews.zoneOf(access.person(), config);
        DateTimeFormatter dates = CaseViews.dates(m, zone);
        List<Tab> tabs = new ArrayList<>();
        for (ListName list : ListName.values()) {
            tabs.add(new Tab(list.slug(), m.t("queue.list." + list.slug()), "/console/cases?list=" + list.slug(), counts.get(list),
                    list == asked.list()));
        }
        Map<String, String> kept = asked.kept();
        List<Select> selects = List.of(
                select("campaign", m.t("queue.filter.campaign"), m, kept, config.campaigns().values().stream()
                        .sorted(Comparator.comparing(Campaign::name)).map(c -> Map.entry(c.id(), c.name())).toList()),
                select("status", m.t("queue.filter.status"), m, kept, List.of(CaseStatus.values()).stream()
                        .map(s -> Map.entry(s.name(), m.status(s.name()))).toList()),
                select("priority", m.t("queue.filter.priority"), m, kept, List.of(Priority.values()).stream()
                        .map(p -> Map.entry(p.name(), m.priority(p.name()))).toList()),
                select("assignee", m.t("queue.filter.assignee"), m, kept, config.responders().values().stream()
                        .sorted(Comparator.comparing(Responder::name)).map(r -> Map.entry(r.id(), r.name())).toList()),
                select("team", m.t("queue.filter.team"), m, kept, config.teams().values().stream()
                        .filter(t -> access.teamIds(config).contains(t.id()))
                        .sorted(Comparator.comparing(Team::name)).map(t -> Map.entry(t.id(), t.name())).toList()),
                select("category", m.t("queue.filter.category"), m, kept, List.of(Category.values()).stream()
                        .map(c -> Map.entry(c.name(), m.t("category." + c.name()))).toList()));
        Map<String, String> sortKept = kept.containsKey("sort") ? kept : Map.of("sort", Sort.DUE.slug());
        Select sort = select("sort", m.t("queue.sort"), null, sortKept, List.of(Sort.values()).stream()
                .map(s -> Map.entry(s.slug(), m.t("queue.sort." + s.slug()))).toList());
        List<Row> rows = page.rows().stream().map(row -> row(row, asked, selectedCaseId, config, m, dates, now)).toList();
        String base = asked.href("/console/cases");
        String next = page.nextCursor() == null ? null : base + "&cursor=" + encode(page.nextCursor());
        String first = asked.cursor() == null ? null : base;
        String zoneLabel = m.t("queue.zone", CaseViews.zoneName(zone));
        if (page.capped() && notice == null) {
            notice = m.t("queue.capped", WorkQueue.SORT_LIMIT);
        }
        ConsoleView.Bulk bulk = access.mayChangeInBulk() && asked.list() != ListName.CLOSED && !rows.isEmpty()
                ? new ConsoleView.Bulk(csrf, asked.cursor() == null ? base : base + "&cursor=" + encode(asked.cursor()),
                        assignees(access, config, m), priorities(m))
                : null;
        return new ConsoleView.Queue(m, asked.list().slug(), tabs, selects, sort, kept.getOrDefault("q", ""), kept.getOrDefault("from", ""),
                kept.getOrDefault("to", ""), kept.keySet().stream().anyMatch(k -> !k.equals("sort")), rows, next, first,
                asked.href("/console/cases.csv"), zoneLabel, notice, bulk, listHref(asked));
    }

    /** Whom a bulk change may assign to: people with the right to respond, of the person's teams (an admin: anyone). */
    private static List<Option> assignees(Access access, Configuration config, WebMessages m) {
        java.util.Set<String> teams = access.teamIds(config);
        List<Option> options = new ArrayList<>();
        options.add(new Option("", m.t("queue.bulk.choose"), true));
        config.responders().values().stream()
                .filter(r -> r.canRespond() && r.role() != io.closedloop.config.Role.VIEWER)
                .filter(r -> access.seesAllTeams() || (r.teamId() != null && teams.contains(r.teamId()))
                        || config.teams().values().stream().anyMatch(t -> teams.contains(t.id()) && t.memberIds().contains(r.id())))
                .sorted(Comparator.comparing(Responder::name))
                .forEach(r -> options.add(new Option(r.id(), r.name(), false)));
        return options;
    }

    private static List<Option> priorities(WebMessages m) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", m.t("queue.bulk.choose"), true));
        for (Priority p : Priority.values()) {
            options.add(new Option(p.name(), m.priority(p.name()), false));
        }
        return options;
    }

    private static Row row(QueueRow row, Asked asked, String selectedCaseId, Configuration config, WebMessages m, DateTimeFormatter dates,
            Instant now) {
        String customer = row.customer() == null ? m.t("queue.anonymous") : row.customer();
        String assignee = row.assigneeId() == null ? m.t("case.unassigned")
                : config.responder(row.assigneeId()).map(Responder::name).orElse(row.assigneeId());
        String deadline;
        String deadlineClass;
        if (row.closedAt() != null && row.status() == CaseStatus.CLOSED) {
            deadline = m.t("queue.closedAt", dates.format(row.closedAt()));
            deadlineClass = "met";
        } else if (row.deadline() == null) {
            deadline = m.t("queue.noDeadline");
            deadlineClass = "none";
        } else if (now.isBefore(row.deadline())) {
            deadline = m.t("queue.dueIn", m.duration(Duration.between(now, row.deadline()))) + " (" + dates.format(row.deadline()) + ")";
            deadlineClass = "due";
        } else {
            deadline = m.t("queue.overdue", m.duration(Duration.between(row.deadline(), now)));
            deadlineClass = "overdue";
        }
        return new Row(row.caseId(), withCase(asked, row.caseId()), customer, row.score(),
                row.category() == null ? "none" : row.category().name(), row.excerpt(), row.status().name(), m.status(row.status().name()),
                m.priority(row.priority().name()), assignee, deadline, deadlineClass, BULK_PICK + row.caseId(), row.version(),
                row.caseId().equals(selectedCaseId));
    }

    /** @param m null for a choice without an "any" option */
    private static Select select(String name, String label, WebMessages m, Map<String, String> kept, List<Map.Entry<String, String>> choices) {
        String chosen = kept.get(name);
        List<Option> options = new ArrayList<>();
        if (m != null) {
            options.add(new Option("", m.t("queue.filter.any"), chosen == null));
        }
        choices.forEach(c -> options.add(new Option(c.getKey(), c.getValue(), c.getKey().equals(chosen))));
        return new Select(name, label, options);
    }

    private static String query(Map<String, String> kept) {
        StringBuilder out = new StringBuilder();
        kept.forEach((name, value) -> out.append('&').append(name).append('=').append(encode(value)));
        return out.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
