package io.closedloop.functions.sla;

import static io.closedloop.functions.sla.SlaFaultBench.OPENED;
import static io.closedloop.functions.sla.SlaFaultBench.assertWhole;
import static io.closedloop.functions.sla.SlaFaultBench.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.app.CaseService;
import io.closedloop.app.SlaCheck;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.config.Responder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Conditional-check races on one case item, made deterministic (every party reads the case before any writes):
 * two people acting at once, and a person acting while the scheduled check records a reminder. One write wins;
 * the other side gets a conflict (a person) or starts again from the fresh case (the check); nothing is overwritten.
 */
class CaseWriteRaceTest {

    private final SlaFaultBench bench = new SlaFaultBench();

    private Actor responder(String id) {
        Responder responder = bench.stores.configCache().current().responder(id).orElseThrow();
        return Actor.of(responder);
    }

    @Test
    void twoRespondersAddANoteAtOnce_oneIsApplied_theOtherGetsAConflict_andTheLogHasOneNote() throws Exception {
        Case c = bench.storeCase("notes");
        CaseService page = bench.caseService();
        CaseService api = bench.caseService();
        List<Callable<CaseService.Outcome>> commands = List.of(
                () -> page.execute(c.id(), 1L, new CaseCommand.AddNote("Called the customer, no answer"), responder("ana")),
                () -> api.execute(c.id(), null, new CaseCommand.AddNote("Synced from the CRM"), Actor.api("crm")));

        List<CaseService.Outcome> outcomes = bench.atOnce(commands);

        assertThat(outcomes).filteredOn(o -> o instanceof CaseService.Outcome.Applied).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof CaseService.Outcome.Conflict).singleElement()
                .satisfies(o -> assertThat(((CaseService.Outcome.Conflict) o).current().version()).isEqualTo(2));
        Case stored = bench.stored(c);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(count(stored, ActivityType.NOTE_ADDED)).isEqualTo(1);
        Case applied = outcomes.stream().filter(o -> o instanceof CaseService.Outcome.Applied)
                .map(o -> ((CaseService.Outcome.Applied) o).updated()).findFirst().orElseThrow();
        assertThat(stored.activities()).isEqualTo(applied.activities());
        assertWhole(stored);
    }

    @Test
    void aResponderActsWhileTheCheckRecordsTheReminder_bothFactsKept_theReminderOnce() throws Exception {
        Case c = bench.storeCase("mixed");
        bench.clock.set(OPENED.plus(Duration.ofHours(37)));
        CaseService page = bench.caseService();
        SlaCheck check = bench.check();
        List<Callable<Object>> parties = List.of(
                // Not a first response (a note would be, and stop the clock): the reminder stays due whoever wins
                () -> page.execute(c.id(), 1L, new CaseCommand.SetRootCause("delivery-late"), responder("ana")),
                check::run);

        List<Object> results = bench.atOnce(parties);

        Case stored = bench.stored(c);
        boolean applied = results.getFirst() instanceof CaseService.Outcome.Applied;
        assertThat(results.getFirst()).isInstanceOfAny(CaseService.Outcome.Applied.class, CaseService.Outcome.Conflict.class);
        assertThat(count(stored, ActivityType.ROOT_CAUSE_SET)).isEqualTo(applied ? 1 : 0);
        assertThat(stored.rootCauseId()).isEqualTo(applied ? "delivery-late" : null);
        assertThat(count(stored, ActivityType.SLA_REMINDER)).isEqualTo(1);
        assertThat(bench.recipients()).containsExactly("ana@closedloop.local");
        assertWhole(stored);
    }
}
