package io.closedloop.console;

import static io.closedloop.console.ConsoleFixtures.ADMIN;
import static io.closedloop.console.ConsoleFixtures.ANA;
import static io.closedloop.console.ConsoleFixtures.CONFIG;
import static io.closedloop.console.ConsoleFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.console.WorkQueue.ListName;
import io.closedloop.console.WorkQueue.Slice;
import io.closedloop.console.WorkQueue.Sort;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.queue.QueueRow;
import io.closedloop.queue.CaseQueue;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueuePage;
import io.closedloop.queue.Stretch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void responder_listsReadTheirOwnLaneAndTheirTeamsLanes() {
        Access ana = Access.of(ANA, CONFIG);

        assertThat(WorkQueue.slice(ListName.MINE, ana, CONFIG, null, NOW)).isEqualTo(new Slice(List.of(new Lane.Assignee("ana")), Stretch.OPEN));
        assertThat(WorkQueue.slice(ListName.UNASSIGNED, ana, CONFIG, null, NOW).lanes()).containsExactly(new Lane.Unassigned("support"));
        assertThat(WorkQueue.slice(ListName.DUE_SOON, ana, CONFIG, null, NOW).stretch())
                .isEqualTo(new Stretch.DueBefore(NOW.plus(Duration.ofHours(24))));
        assertThat(WorkQueue.slice(ListName.CLOSED, ana, CONFIG, null, NOW)).isEqualTo(new Slice(List.of(new Lane.Team("support")), Stretch.CLOSED));
        assertThat(WorkQueue.defaultList(ana)).isEqualTo(ListName.MINE);
    }

    @Test
    void admin_teamListsCoverEveryTeamAndTheCasesOfNoTeam() {
        Access admin = Access.of(ADMIN, CONFIG);

        assertThat(WorkQueue.slice(ListName.BREACHED, admin, CONFIG, null, NOW).lanes())
                .containsExactly(new Lane.Team("sales"), new Lane.Team("support"), new Lane.Team(null));
        assertThat(WorkQueue.slice(ListName.TEAMS, admin, CONFIG, "sales", NOW).lanes()).containsExactly(new Lane.Team("sales"));
    }

    @Test
    void teamFilterOutsideTheScope_readsNothing() {
        List<String> reads = new ArrayList<>();
        WorkQueue queue = new WorkQueue(new CaseQueue() {
            @Override
            public QueuePage page(List<Lane> lanes, Stretch stretch, QueueFilter filter, int limit, String cursor) {
                reads.add(lanes.toString());
                return new QueuePage(List.of(), null);
            }

            @Override
            public long count(List<Lane> lanes, Stretch stretch) {
                reads.add("count " + lanes);
                return 0;
            }
        });
        QueueFilter sales = new QueueFilter(null, null, null, null, "sales", null, null, null, null);

        WorkQueue.Listing page = queue.page(ListName.TEAMS, Access.of(MANAGER, CONFIG), CONFIG, sales, Sort.DUE, null, NOW);

        assertThat(page.rows()).isEmpty();
        assertThat(reads).isEmpty();
        assertThat(queue.counts(Access.of(MANAGER, CONFIG), CONFIG, NOW)).doesNotContainKey(ListName.CLOSED).hasSize(5);
    }

    /** The store's pages over rows already in index order; its cursor is the position, as text. */
    private static final class ListedQueue implements CaseQueue {
        final List<QueueRow> rows;
        int pagesRead;

        ListedQueue(List<QueueRow> rows) {
            this.rows = rows;
        }

        @Override
        public QueuePage page(List<Lane> lanes, Stretch stretch, QueueFilter filter, int limit, String cursor) {
            pagesRead++;
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(rows.size(), from + limit);
            return new QueuePage(rows.subList(from, to), to < rows.size() ? String.valueOf(to) : null);
        }

        @Override
        public long count(List<Lane> lanes, Stretch stretch) {
            return rows.size();
        }
    }

    private static QueueRow row(int i, Priority priority) {
        return new QueueRow("case-" + i, "nps", CaseStatus.OPEN, priority, null, "support", 3, null, false,
                NOW.minus(Duration.ofMinutes(i * 7L % 50)), NOW.plus(Duration.ofMinutes(i)), null, "Customer " + i, null, 1);
    }

    private static List<QueueRow> rows(int n) {
        List<QueueRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row(i, Priority.values()[i % Priority.values().length]));
        }
        return rows;
    }

    @Test
    void sortByPriority_highestFirst_tiesKeepTheDeadlineOrder() {
        WorkQueue queue = new WorkQueue(new ListedQueue(rows(40)));

        WorkQueue.Listing first = queue.page(ListName.TEAMS, Access.of(ANA, CONFIG), CONFIG, QueueFilter.NONE, Sort.PRIORITY, null, NOW);
        WorkQueue.Listing second = queue.page(ListName.TEAMS, Access.of(ANA, CONFIG), CONFIG, QueueFilter.NONE, Sort.PRIORITY,
                first.nextCursor(), NOW);

        List<QueueRow> shown = new ArrayList<>(first.rows());
        shown.addAll(second.rows());
        assertThat(shown).hasSize(40).extracting(QueueRow::priority).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(shown.subList(0, 10)).extracting(QueueRow::caseId).containsExactly(
                "case-3", "case-7", "case-11", "case-15", "case-19", "case-23", "case-27", "case-31", "case-35", "case-39");
        assertThat(first.rows()).hasSize(WorkQueue.PAGE_SIZE);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.capped()).isFalse();
    }

    @Test
    void sortByOpened_newestFirst_andAForeignCursorIsRefused() {
        WorkQueue queue = new WorkQueue(new ListedQueue(rows(30)));
        Access ana = Access.of(ANA, CONFIG);

        WorkQueue.Listing page = queue.page(ListName.MINE, ana, CONFIG, QueueFilter.NONE, Sort.OPENED, null, NOW);

        assertThat(page.rows()).extracting(QueueRow::openedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page.nextCursor()).isEqualTo("o25");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> queue.page(ListName.MINE, ana, CONFIG, QueueFilter.NONE, Sort.OPENED, "o5000", NOW));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> queue.page(ListName.MINE, ana, CONFIG, QueueFilter.NONE, Sort.OPENED, "QzEj", NOW));
    }

    @Test
    void sortedList_readsAtMostTheSortLimit_andSaysItIsCapped() {
        ListedQueue store = new ListedQueue(rows(1_234));
        WorkQueue queue = new WorkQueue(store);

        WorkQueue.Listing page = queue.page(ListName.TEAMS, Access.of(ANA, CONFIG), CONFIG, QueueFilter.NONE, Sort.OPENED, null, NOW);

        assertThat(page.capped()).isTrue();
        assertThat(store.pagesRead).isEqualTo(WorkQueue.SORT_LIMIT / CaseQueue.MAX_PAGE);
    }

    @Test
    void export_readsEveryPageOfTheList_inTheOrderShown() {
        ListedQueue store = new ListedQueue(rows(230));
        WorkQueue queue = new WorkQueue(store);

        WorkQueue.Listing all = queue.export(ListName.CLOSED, Access.of(ANA, CONFIG), CONFIG, QueueFilter.NONE, Sort.PRIORITY, NOW);

        assertThat(all.rows()).hasSize(230).extracting(QueueRow::caseId).startsWith("case-0", "case-1", "case-2");
        assertThat(all.capped()).isFalse();
        assertThat(store.pagesRead).isEqualTo(3);
    }
}
