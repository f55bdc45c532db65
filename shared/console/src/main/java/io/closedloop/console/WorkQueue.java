package io.closedloop.console;

import io.closedloop.config.Configuration;
import io.closedloop.queue.CaseQueue;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueuePage;
import io.closedloop.queue.QueueRow;
import io.closedloop.queue.Stretch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work queue's lists (docs/console.md, "The work queue"): which index lanes and which stretch of them each list
 * reads for one person, its pages and its counts. A list never reads outside the person's scope.
 */
public final class WorkQueue {

    /** "Due soon" is a next deadline within this. */
    public static final Duration DUE_SOON = Duration.ofHours(24);
    public static final int PAGE_SIZE = 25;
    /** A list sorted other than by its index order is sorted in memory over at most this many entries. */
    public static final int SORT_LIMIT = 1_000;
    /** The most rows a CSV export holds. */
    public static final int EXPORT_LIMIT = 5_000;
    private static final Pattern OFFSET_CURSOR = Pattern.compile("o([0-9]{1,4})");

    /** The lists, in the order the tabs show them. */
    public enum ListName {
        MINE("mine"), TEAMS("teams"), UNASSIGNED("unassigned"), DUE_SOON("due-soon"), BREACHED("breached"), CLOSED("closed");

        private final String slug;

        ListName(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        public static Optional<ListName> of(String slug) {
            return Arrays.stream(values()).filter(l -> l.slug.equals(slug)).findFirst();
        }
    }

    /** How a list is ordered. */
    public enum Sort {
        /** The index order: breached first, then the nearest deadline (closed: most recently closed first). */
        DUE("due"),
        /** Newest first. */
        OPENED("opened"),
        /** Highest priority first, then as {@link #DUE}. */
        PRIORITY("priority");

        private final String slug;

        Sort(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        public static Optional<Sort> of(String slug) {
            return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
        }
    }

    /**
     * A page of a list as shown.
     *
     * @param capped the list was sorted in memory over its first {@link #SORT_LIMIT} entries and holds more
     */
    public record Listing(List<QueueRow> rows, String nextCursor, boolean capped) {
        public Listing {
            rows = List.copyOf(rows);
        }
    }

    /** What a list reads: lanes of one index and a stretch of them. */
    public record Slice(List<Lane> lanes, Stretch stretch) {
        public Slice {
            lanes = List.copyOf(lanes);
        }
    }

    private final CaseQueue queue;

    public WorkQueue(CaseQueue queue) {
        this.queue = queue;
    }

    /** The list a person lands on: their own cases, or for those who are never assigned (admins, viewers) their teams'. */
    public static ListName defaultList(Access access) {
        return switch (access.role()) {
            case ADMIN, MANAGER, VIEWER -> ListName.TEAMS;
            case RESPONDER -> ListName.MINE;
        };
    }

    /**
     * The lanes and stretch of a list for this person.
     *
     * @param teamId narrows the team lists to one team of the person's scope (a team outside it gives no lanes); null for all
     */
    public static Slice slice(ListName list, Access access, Configuration config, String teamId, Instant now) {
        List<String> teams = new ArrayList<>(access.teamIds(config));
        boolean noTeamLane = access.seesAllTeams();
        if (teamId != null) {
            boolean inScope = teams.contains(teamId);
            teams = inScope ? List.of(teamId) : List.of();
            noTeamLane = false;
        }
        List<Lane> teamLanes = new ArrayList<>();
        List<Lane> unassignedLanes = new ArrayList<>();
        for (String team : teams) {
            teamLanes.add(new Lane.Team(team));
            unassignedLanes.add(new Lane.Unassigned(team));
        }
        if (noTeamLane) {
            teamLanes.add(new Lane.Team(null));
            unassignedLanes.add(new Lane.Unassigned(null));
        }
        return switch (list) {
            case MINE -> new Slice(List.of(new Lane.Assignee(access.person().id())), Stretch.OPEN);
            case TEAMS -> new Slice(teamLanes, Stretch.OPEN);
            case UNASSIGNED -> new Slice(unassignedLanes, Stretch.OPEN);
            case DUE_SOON -> new Slice(teamLanes, new Stretch.DueBefore(now.plus(DUE_SOON)));
            case BREACHED -> new Slice(teamLanes, Stretch.BREACHED);
            case CLOSED -> new Slice(teamLanes, Stretch.CLOSED);
        };
    }

    /**
     * One page of a list. In index order it reads only that page (the store's cursor); sorted otherwise it reads up to
     * {@link #SORT_LIMIT} entries of the list, sorts them and pages by position. The closed list is always newest first.
     *
     * @throws IllegalArgumentException when the cursor is not one this list gave out
     */
    public Listing page(ListName list, Access access, Configuration config, QueueFilter filter, Sort sort, String cursor, Instant now) {
        Slice slice = slice(list, access, config, filter.teamId(), now);
        if (slice.lanes().isEmpty()) {
            return new Listing(List.of(), null, false);
        }
        if (!sortsInMemory(list, sort)) {
            QueuePage page = queue.page(slice.lanes(), slice.stretch(), filter, PAGE_SIZE, cursor);
            return new Listing(page.rows(), page.nextCursor(), false);
        }
        int offset = offsetOf(cursor);
        Sorted sorted = sorted(slice, filter, sort);
        List<QueueRow> rows = sorted.rows().subList(Math.min(offset, sorted.rows().size()), Math.min(offset + PAGE_SIZE, sorted.rows().size()));
        String next = offset + PAGE_SIZE < sorted.rows().size() ? "o" + (offset + PAGE_SIZE) : null;
        return new Listing(rows, next, sorted.capped());
    }

    /**
     * The whole list for a CSV export, in the order shown, up to {@link #EXPORT_LIMIT} rows ({@code capped} beyond).
     */
    public Listing export(ListName list, Access access, Configuration config, QueueFilter filter, Sort sort, Instant now) {
        Slice slice = slice(list, access, config, filter.teamId(), now);
        if (slice.lanes().isEmpty()) {
            return new Listing(List.of(), null, false);
        }
        if (sortsInMemory(list, sort)) {
            Sorted sorted = sorted(slice, filter, sort);
            return new Listing(sorted.rows(), null, sorted.capped());
        }
        List<QueueRow> rows = new ArrayList<>();
        String cursor = null;
        do {
            QueuePage page = queue.page(slice.lanes(), slice.stretch(), filter, CaseQueue.MAX_PAGE, cursor);
            rows.addAll(page.rows());
            cursor = page.nextCursor();
        } while (cursor != null && rows.size() < EXPORT_LIMIT);
        boolean capped = cursor != null || rows.size() > EXPORT_LIMIT;
        return new Listing(rows.size() > EXPORT_LIMIT ? rows.subList(0, EXPORT_LIMIT) : rows, null, capped);
    }

    private static boolean sortsInMemory(ListName list, Sort sort) {
        return sort != Sort.DUE && list != ListName.CLOSED;
    }

    private record Sorted(List<QueueRow> rows, boolean capped) {}

    private Sorted sorted(Slice slice, QueueFilter filter, Sort sort) {
        List<QueueRow> rows = new ArrayList<>();
        String cursor = null;
        do {
            QueuePage page = queue.page(slice.lanes(), slice.stretch(), filter, CaseQueue.MAX_PAGE, cursor);
            rows.addAll(page.rows());
            cursor = page.nextCursor();
        } while (cursor != null && rows.size() < SORT_LIMIT);
        boolean capped = cursor != null || rows.size() > SORT_LIMIT;
        List<QueueRow> kept = new ArrayList<>(rows.size() > SORT_LIMIT ? rows.subList(0, SORT_LIMIT) : rows);
        // Stable sorts: equal rows keep the index order (breached first, then the nearest deadline)
        kept.sort(switch (sort) {
            case OPENED -> Comparator.comparing(QueueRow::openedAt).reversed();
            case PRIORITY -> Comparator.comparing(QueueRow::priority).reversed();
            case DUE -> (a, b) -> 0;
        });
        return new Sorted(kept, capped);
    }

    private static int offsetOf(String cursor) {
        if (cursor == null) {
            return 0;
        }
        Matcher m = OFFSET_CURSOR.matcher(cursor);
        if (!m.matches() || Integer.parseInt(m.group(1)) >= SORT_LIMIT) {
            throw new IllegalArgumentException("not a cursor of a sorted list");
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * How many entries each open list holds for this person (the tabs' numbers). The closed list is not counted: it
     * grows without bound, and the dashboard counts closures from the KPI counters.
     */
    public Map<ListName, Long> counts(Access access, Configuration config, Instant now) {
        Map<ListName, Long> counts = new LinkedHashMap<>();
        for (ListName list : ListName.values()) {
            if (list == ListName.CLOSED) {
                continue;
            }
            Slice slice = slice(list, access, config, null, now);
            counts.put(list, slice.lanes().isEmpty() ? 0L : queue.count(slice.lanes(), slice.stretch()));
        }
        return counts;
    }
}
