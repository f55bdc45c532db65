package io.closedloop.console;

import static io.closedloop.console.ConsoleFixtures.ADMIN;
import static io.closedloop.console.ConsoleFixtures.ANA;
import static io.closedloop.console.ConsoleFixtures.CONFIG;
import static io.closedloop.console.ConsoleFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.console.WorkQueue.ListName;
import io.closedloop.console.WorkQueue.Slice;
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

        QueuePage page = queue.page(ListName.TEAMS, Access.of(MANAGER, CONFIG), CONFIG, sales, null, NOW);

        assertThat(page.rows()).isEmpty();
        assertThat(reads).isEmpty();
        assertThat(queue.counts(Access.of(MANAGER, CONFIG), CONFIG, NOW)).doesNotContainKey(ListName.CLOSED).hasSize(5);
    }
}
