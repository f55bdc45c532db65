package io.closedloop.console;

import io.closedloop.config.Configuration;
import io.closedloop.queue.CaseQueue;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueuePage;
import io.closedloop.queue.Stretch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work queue's lists (docs/console.md, "The work queue"): which index lanes and which stretch of them each list
 * reads for one person, its pages and its counts. A list never reads outside the person's scope.
 */
public final class WorkQueue {

    /** "Due soon" is a next deadline within this. */
    public static final Duration DUE_SOON = Duration.ofHours(24);
    public static final int PAGE_SIZE = 25;

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

    public QueuePage page(ListName list, Access access, Configuration config, QueueFilter filter, String cursor, Instant now) {
        Slice slice = slice(list, access, config, filter.teamId(), now);
        if (slice.lanes().isEmpty()) {
            return new QueuePage(List.of(), null);
        }
        return queue.page(slice.lanes(), slice.stretch(), filter, PAGE_SIZE, cursor);
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
