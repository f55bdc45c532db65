package io.closedloop.functions.sla;

import static io.closedloop.functions.sla.SlaFaultBench.OPENED;
import static io.closedloop.functions.sla.SlaFaultBench.assertWhole;
import static io.closedloop.functions.sla.SlaFaultBench.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.app.AlertDispatcher;
import io.closedloop.app.SlaCheck;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.testing.Faults;
import io.closedloop.testing.SamTemplate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The scheduled check on DynamoDB Local, mailing through SES on moto, killed between its writes and run twice at
 * once: every reminder, breach and escalation is recorded once, every alert goes out once — a second copy only when
 * it dies between SES accepting the message and the write that records it (docs/architecture.md).
 */
class SlaCheckFaultsTest {

    private final SlaFaultBench bench = new SlaFaultBench();

    private void runTwoAtOnce() throws Exception {
        SlaCheck first = bench.check();
        SlaCheck second = bench.check();
        List<Callable<SlaCheck.Result>> runs = List.of(first::run, second::run);
        assertThat(bench.atOnce(runs)).allSatisfy(result -> assertThat(result.failed()).isZero());
    }

    @Test
    void checkDiesAfterRecordingTheReminder_nextRunSendsItOnce_andRecordsNothingAgain() {
        Case c = bench.storeCase("rec");
        bench.clock.set(OPENED.plus(Duration.ofHours(37)));
        bench.dynamoFaults.crashAfter(Faults.put("CASE#"), "after the reminder was recorded").times(1);

        assertThatThrownBy(bench.check()::run).isInstanceOf(Faults.Crash.class);

        assertThat(count(bench.stored(c), ActivityType.SLA_REMINDER)).isEqualTo(1);
        assertThat(bench.stored(c).alerts().values()).singleElement().extracting(Alert::state).isEqualTo(AlertState.PENDING);
        assertThat(bench.recipients()).isEmpty();

        bench.check().run();
        bench.check().run();

        assertThat(bench.recipients()).containsExactly("ana@closedloop.local");
        assertThat(count(bench.stored(c), ActivityType.SLA_REMINDER)).isEqualTo(1);
        assertThat(count(bench.stored(c), ActivityType.ALERT_SENT)).isEqualTo(1);
        assertWhole(bench.stored(c));
    }

    @Test
    void checkDiesAfterClaimingTheAlert_leaseHoldsItBack_thenItIsSentOnceWhenTheLeaseRunsOut() {
        Case c = bench.storeCase("claim");
        bench.clock.set(OPENED.plus(Duration.ofHours(37)));
        // First case write records the reminder, the second claims its alert: die right after the claim
        bench.dynamoFaults.crashAfter(Faults.put("CASE#"), "after the alert was claimed").afterSkipping(1).times(1);

        assertThatThrownBy(bench.check()::run).isInstanceOf(Faults.Crash.class);

        assertThat(bench.stored(c).alerts().values()).singleElement().extracting(Alert::state).isEqualTo(AlertState.SENDING);
        bench.check().run();
        assertThat(bench.recipients()).isEmpty();

        bench.clock.advance(Duration.ofMinutes(3));
        bench.check().run();
        bench.check().run();

        assertThat(bench.recipients()).containsExactly("ana@closedloop.local");
        assertThat(bench.stored(c).alerts().values()).singleElement().extracting(Alert::state).isEqualTo(AlertState.SENT);
        assertThat(count(bench.stored(c), ActivityType.ALERT_SENT)).isEqualTo(1);
        assertWhole(bench.stored(c));
    }

    @Test
    void checkDiesAfterSesAcceptedTheReminder_leaseRunsOut_theDocumentedSecondCopyAndNoThird() {
        Case c = bench.storeCase("sent");
        bench.clock.set(OPENED.plus(Duration.ofHours(37)));
        bench.sesFaults.crashAfter(Faults.calls(SendEmailRequest.class), "after SES accepted the reminder").times(1);

        assertThatThrownBy(bench.check()::run).isInstanceOf(Faults.Crash.class);
        bench.check().run();
        assertThat(bench.recipients()).containsExactly("ana@closedloop.local");

        bench.clock.advance(Duration.ofMinutes(3));
        bench.check().run();
        bench.check().run();

        assertThat(bench.recipients()).containsExactly("ana@closedloop.local", "ana@closedloop.local");
        assertThat(count(bench.stored(c), ActivityType.SLA_REMINDER)).isEqualTo(1);
        assertThat(count(bench.stored(c), ActivityType.ALERT_SENT)).isEqualTo(1);
        assertWhole(bench.stored(c));
    }

    @Test
    void twoChecksAtOnce_onAPendingAlertRetry_sendItOnce() throws Exception {
        Alert pending = Alert.pending(AlertKind.NEW_CASE, "detractors", "ana", OPENED).claimed(OPENED.plusSeconds(1))
                .failed(OPENED.plus(Duration.ofMinutes(1)));
        Case c = bench.storeCase("retry", pending);
        bench.clock.set(OPENED.plus(Duration.ofMinutes(5)));

        runTwoAtOnce();

        assertThat(bench.recipients()).containsExactly("ana@closedloop.local");
        assertThat(bench.stored(c).alerts().values()).singleElement().extracting(Alert::state).isEqualTo(AlertState.SENT);
        assertThat(count(bench.stored(c), ActivityType.ALERT_SENT)).isEqualTo(1);
        assertWhole(bench.stored(c));
    }

    @Test
    void twoChecksAtOnce_atEachStep_recordReminderBreachAndEscalationsOnce_andMailEachOnce() throws Exception {
        Case c = bench.storeCase("steps");

        bench.clock.set(OPENED.plus(Duration.ofHours(37)));
        runTwoAtOnce();
        assertThat(count(bench.stored(c), ActivityType.SLA_REMINDER)).isEqualTo(1);
        assertThat(bench.recipients()).containsExactly("ana@closedloop.local");

        bench.clock.set(OPENED.plus(Duration.ofHours(49)));
        runTwoAtOnce();
        assertThat(count(bench.stored(c), ActivityType.SLA_BREACHED)).isEqualTo(1);
        assertThat(count(bench.stored(c), ActivityType.ESCALATED)).isEqualTo(1);
        assertThat(bench.recipients()).containsExactly("ana@closedloop.local", "carla@closedloop.local");

        bench.clock.set(OPENED.plus(Duration.ofHours(48 + 24 + 1)));
        runTwoAtOnce();
        assertThat(count(bench.stored(c), ActivityType.ESCALATED)).isEqualTo(2);
        assertThat(bench.recipients()).containsExactly("ana@closedloop.local", "carla@closedloop.local", "marc@closedloop.local");
        assertThat(count(bench.stored(c), ActivityType.ALERT_SENT)).isEqualTo(3);
        assertWhole(bench.stored(c));
    }

    @Test
    void theAlertLeaseOutlastsEverySendingFunction_soADeadSendersClaimIsNeverTakenOverWhileItRuns() {
        SamTemplate template = SamTemplate.load();
        for (String function : List.of("ProcessorFunction", "SlaCheckFunction")) {
            Object timeout = template.properties(function).getOrDefault("Timeout", template.globalsFunction().get("Timeout"));
            assertThat(Duration.ofSeconds(Long.parseLong(String.valueOf(timeout)))).as(function).isLessThan(AlertDispatcher.LEASE);
        }
    }
}
