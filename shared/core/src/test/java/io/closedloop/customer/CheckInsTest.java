package io.closedloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.CommandResult;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.Campaign;
import io.closedloop.config.CheckInPolicy;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "en", "support", true, null);
    private static final String KEY = Alert.keyOf(AlertKind.CHECK_IN, "close-1", CheckIns.CUSTOMER);

    private static Configuration config(CheckInPolicy policy) {
        return new Configuration(Map.of(), Map.of("nps", new Campaign("nps", "NPS", SeedPlans.RESOLUTION_FOR_DETRACTORS, null, null, policy)),
                List.of(), Map.of("ana", ANA), Map.of(), List.of(SeedPlans.resolutionForDetractors()), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
    }

    private static Case open(String email) {
        Response response = new Response("src", "r-1", "nps", T0, new Respondent("cust-1", email, "Léa Martin", null, "fr"),
                new Score(ScoreType.NPS, 3), "Late again", Map.of(), Map.of(), 0);
        return new Case.Builder("c-1").version(3).campaignId("nps").response(response).assigneeId("ana").openedAt(T0)
                .plan(PlanProgress.start(SeedPlans.RESOLUTION_FOR_DETRACTORS, 1)).build();
    }

    /** The case closed by Ana with that exit state, through the same steps as CaseService. */
    private static Case closed(Case open, String exitStateId, Configuration config) {
        Instant at = T0.plus(Duration.ofHours(2));
        Case applied = ((CommandResult.Applied) CaseCommands.apply(open, new CaseCommand.ClosePlan(exitStateId), Actor.of(ANA), config, at)).updated();
        return CheckIns.afterCommand(open, applied, config, at);
    }

    /** The check-in as the dispatcher leaves it once sent. */
    private static Case sent(Case closed) {
        Instant at = T0.plus(Duration.ofHours(3));
        return closed.toBuilder().version(closed.version() + 1).alert(closed.alerts().get(KEY).sent(at))
                .append(at, "system", ActivityType.CHECK_IN_SENT, Map.of("reason", "close-1")).build();
    }

    private static CommandResult answer(Case c, boolean resolved, Integer rescore, Actor actor) {
        return CaseCommands.apply(c, new CaseCommand.AnswerCheckIn("close-1", resolved, rescore, "  Thanks  "), actor, config(CheckInPolicy.ALWAYS),
                T0.plus(Duration.ofDays(1)));
    }

    @Test
    void close_queuesOneCheckIn_asThePolicySays() {
        assertThat(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)).alerts()).containsKey(KEY);
        assertThat(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.NEVER)).alerts()).doesNotContainKey(KEY);
        assertThat(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.WHEN_RESOLVED)).alerts())
                .as("\"Closed\" is a resolved exit state").containsKey(KEY);
        assertThat(closed(open("lea@example.com"), SeedPlans.IN_PROGRESS, config(CheckInPolicy.WHEN_RESOLVED)).alerts()).doesNotContainKey(KEY);
        assertThat(closed(open(null), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)).alerts()).as("no address").doesNotContainKey(KEY);
        assertThat(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)).alerts().get(KEY).recipientId())
                .isEqualTo(CheckIns.CUSTOMER);
    }

    @Test
    void answer_resolved_isRecorded_andTheCaseStaysClosed() {
        Case c = sent(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)));

        Case answered = ((CommandResult.Applied) answer(c, true, 9, Actor.customer())).updated();

        assertThat(answered.status()).isEqualTo(CaseStatus.CLOSED);
        Activity entry = answered.activities().getLast();
        assertThat(entry.type()).isEqualTo(ActivityType.CHECK_IN_ANSWERED);
        assertThat(entry.actor()).isEqualTo("customer");
        assertThat(entry.details()).containsEntry("resolved", "true").containsEntry("rescore", "9").containsEntry("scoreBefore", "3")
                .containsEntry("comment", "Thanks");
        assertThat(answered.alerts()).noneSatisfy((key, alert) -> assertThat(alert.kind()).isEqualTo(AlertKind.CUSTOMER_REOPENED));
    }

    @Test
    void answer_notResolved_orStillADetractor_reopens_andAlertsTheAssigneeOnce() {
        Case c = sent(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)));

        Case no = ((CommandResult.Applied) answer(c, false, null, Actor.customer())).updated();
        Case yesButSix = ((CommandResult.Applied) answer(c, true, 6, Actor.customer())).updated();

        for (Case reopened : List.of(no, yesButSix)) {
            assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(reopened.reopenCount()).isEqualTo(1);
            assertThat(reopened.activities()).extracting(Activity::type).endsWith(ActivityType.CHECK_IN_ANSWERED, ActivityType.CASE_REOPENED);
            assertThat(reopened.alerts()).containsKey(Alert.keyOf(AlertKind.CUSTOMER_REOPENED, "close-1", "ana"));
        }
    }

    @Test
    void answer_twice_theFirstStands_andOnlyTheCustomerAnswersASentCheckIn() {
        Case c = sent(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)));
        Case once = ((CommandResult.Applied) answer(c, true, null, Actor.customer())).updated();

        assertThat(((CaseError) answer(once, false, null, Actor.customer())).code()).isEqualTo(CaseError.CHECK_IN_ANSWERED);
        assertThat(((CaseError) answer(c, true, null, Actor.of(ANA))).code()).isEqualTo(CaseError.NOT_ALLOWED);
        assertThat(((CaseError) answer(closed(open("lea@example.com"), SeedPlans.CLOSED, config(CheckInPolicy.ALWAYS)), true, null,
                Actor.customer())).code()).as("not sent yet").isEqualTo(CaseError.CHECK_IN_UNKNOWN);
        assertThat(((CaseError) answer(c, true, 11, Actor.customer())).code()).isEqualTo(CaseError.RESCORE_OUT_OF_RANGE);
    }
}
