package io.closedloop.cases;

import static io.closedloop.cases.CaseFixtures.ANA_ACTS;
import static io.closedloop.cases.CaseFixtures.CARLA_ACTS;
import static io.closedloop.cases.CaseFixtures.CRM;
import static io.closedloop.cases.CaseFixtures.RESPONDERS;
import static io.closedloop.cases.CaseFixtures.ROOT_CAUSES;
import static io.closedloop.cases.CaseFixtures.appended;
import static io.closedloop.cases.CaseFixtures.applied;
import static io.closedloop.cases.CaseFixtures.minutesAfterOpening;
import static io.closedloop.cases.CaseFixtures.openCase;
import static io.closedloop.cases.CaseFixtures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.CaseCommand.AddNote;
import io.closedloop.cases.CaseCommand.ClosePlan;
import io.closedloop.cases.CaseCommand.Reassign;
import io.closedloop.cases.CaseCommand.SetPriority;
import io.closedloop.cases.CaseCommand.SetRootCause;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseUpdatesTest {

    private static final ActionPlan SEED = SeedPlans.resolutionForDetractors();
    private static final Instant NOW = minutesAfterOpening(45);

    private static Case closedCase() {
        return applied(CaseCommands.closePlan(openCase(SEED), SEED, ANA_ACTS, new ClosePlan("closed"), NOW));
    }

    @Test
    void addNote_onOpenCase_movesItToInProgressAndSetsFirstResponseAt() {
        Case open = openCase(SEED);

        Case after = applied(CaseCommands.addNote(open, ANA_ACTS, new AddNote("  Left a voicemail, will call back at 14:00.\n"), NOW));

        assertThat(after.version()).isEqualTo(open.version() + 1);
        assertThat(after.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(after.firstResponseAt()).isEqualTo(NOW);
        assertThat(appended(open, after)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ActivityType.NOTE_ADDED);
            assertThat(entry.details())
                    .containsEntry(ActivityDetails.TEXT, "Left a voicemail, will call back at 14:00.")
                    .containsEntry(ActivityDetails.STATUS_FROM, "OPEN")
                    .containsEntry(ActivityDetails.STATUS_TO, "IN_PROGRESS");
        });
    }

    @Test
    void addNote_secondNote_keepsTheFirstResponseTime() {
        Case first = applied(CaseCommands.addNote(openCase(SEED), ANA_ACTS, new AddNote("Called, no answer."), NOW));

        Case second = applied(CaseCommands.addNote(first, ANA_ACTS, new AddNote("Called again."), NOW.plusSeconds(7200)));

        assertThat(second.firstResponseAt()).isEqualTo(NOW);
        assertThat(second.activities().getLast().details()).doesNotContainKey(ActivityDetails.STATUS_FROM);
    }

    @Test
    void addNote_onClosedCase_isKeptWithoutReopeningIt() {
        Case closed = closedCase();

        Case after = applied(CaseCommands.addNote(closed, ANA_ACTS, new AddNote("Customer thanked us by email."), NOW.plusSeconds(60)));

        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(after.firstResponseAt()).isNull();
        assertThat(after.activities().getLast().type()).isEqualTo(ActivityType.NOTE_ADDED);
    }

    @Test
    void addNote_blank_isRefusedWithNoteEmpty() {
        CaseError error = refused(CaseCommands.addNote(openCase(SEED), ANA_ACTS, new AddNote(" \t\n"), NOW));

        assertThat(error.code()).isEqualTo(CaseError.NOTE_EMPTY);
        assertThat(error.field()).isEqualTo("text");
        assertThat(refused(CaseCommands.addNote(openCase(SEED), ANA_ACTS, new AddNote(null), NOW)).code())
                .isEqualTo(CaseError.NOTE_EMPTY);
    }

    @Test
    void addNote_longerThanTheLimit_isRefusedWithTextTooLong() {
        CaseError error = refused(CaseCommands.addNote(openCase(SEED), ANA_ACTS,
                new AddNote("a".repeat(CaseCommands.MAX_TEXT + 1)), NOW));

        assertThat(error.code()).isEqualTo(CaseError.TEXT_TOO_LONG);
        assertThat(error.field()).isEqualTo("text");
    }

    @Test
    void reassign_toAResponderOfAnotherTeam_movesAssigneeAndTeam() {
        Case open = openCase(SEED);

        Case after = applied(CaseCommands.reassign(open, RESPONDERS, ANA_ACTS, new Reassign("bruno"), NOW));

        assertThat(after.assigneeId()).isEqualTo("bruno");
        assertThat(after.teamId()).isEqualTo("support-sp");
        assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(after.firstResponseAt()).isNull();
        assertThat(appended(open, after)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ActivityType.CASE_ASSIGNED);
            assertThat(entry.details())
                    .containsEntry(ActivityDetails.FROM, "ana")
                    .containsEntry(ActivityDetails.FROM_NAME, "Ana Souza")
                    .containsEntry(ActivityDetails.TO, "bruno")
                    .containsEntry(ActivityDetails.TO_NAME, "Bruno Lima")
                    .containsEntry(ActivityDetails.TEAM_FROM, "support-br")
                    .containsEntry(ActivityDetails.TEAM_TO, "support-sp");
        });
    }

    @Test
    void reassign_toAResponderWithoutATeam_keepsTheTeam() {
        Case after = applied(CaseCommands.reassign(openCase(SEED), RESPONDERS, CRM, new Reassign("diana"), NOW));

        assertThat(after.assigneeId()).isEqualTo("diana");
        assertThat(after.teamId()).isEqualTo("support-br");
        assertThat(after.activities().getLast().details()).doesNotContainKeys(ActivityDetails.TEAM_FROM, ActivityDetails.TEAM_TO);
    }

    @Test
    void reassign_toAResponderWithoutTheRightToRespond_isRefusedWithCannotRespond() {
        CaseError error = refused(CaseCommands.reassign(openCase(SEED), RESPONDERS, ANA_ACTS, new Reassign("carla"), NOW));

        assertThat(error.code()).isEqualTo(CaseError.CANNOT_RESPOND);
        assertThat(error.field()).isEqualTo("responderId");
        assertThat(error.message()).contains("Carla Mendes");
    }

    @Test
    void reassign_toAnUnknownResponder_isRefusedWithUnknownResponder() {
        assertThat(refused(CaseCommands.reassign(openCase(SEED), RESPONDERS, ANA_ACTS, new Reassign("zoe"), NOW)).code())
                .isEqualTo(CaseError.UNKNOWN_RESPONDER);
        assertThat(refused(CaseCommands.reassign(openCase(SEED), RESPONDERS, ANA_ACTS, new Reassign(""), NOW)).code())
                .isEqualTo(CaseError.RESPONDER_REQUIRED);
    }

    @Test
    void reassign_toTheCurrentAssignee_isRefusedWithSameAssignee() {
        assertThat(refused(CaseCommands.reassign(openCase(SEED), RESPONDERS, ANA_ACTS, new Reassign("ana"), NOW)).code())
                .isEqualTo(CaseError.SAME_ASSIGNEE);
    }

    @Test
    void reassign_closedCase_isRefusedWithCaseClosed() {
        assertThat(refused(CaseCommands.reassign(closedCase(), RESPONDERS, ANA_ACTS, new Reassign("bruno"), NOW)).code())
                .isEqualTo(CaseError.CASE_CLOSED);
    }

    @Test
    void setRootCause_cause_isSetWithItsCategoryCopiedIntoTheLog() {
        Case open = openCase(SEED);

        Case after = applied(CaseCommands.setRootCause(open, ROOT_CAUSES, ANA_ACTS, new SetRootCause("late-delivery"), NOW));

        assertThat(after.rootCauseId()).isEqualTo("late-delivery");
        assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(appended(open, after)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ActivityType.ROOT_CAUSE_SET);
            assertThat(entry.details())
                    .containsEntry(ActivityDetails.TO, "late-delivery")
                    .containsEntry(ActivityDetails.TO_NAME, "Late delivery")
                    .containsEntry(ActivityDetails.CATEGORY_ID, "delivery")
                    .containsEntry(ActivityDetails.CATEGORY_NAME, "Delivery")
                    .doesNotContainKey(ActivityDetails.FROM);
        });
    }

    @Test
    void setRootCause_changed_recordsThePreviousCause() {
        Case first = applied(CaseCommands.setRootCause(openCase(SEED), ROOT_CAUSES, ANA_ACTS, new SetRootCause("late-delivery"), NOW));

        Case second = applied(CaseCommands.setRootCause(first, ROOT_CAUSES, ANA_ACTS, new SetRootCause("damaged-parcel"), NOW));

        assertThat(second.activities().getLast().details())
                .containsEntry(ActivityDetails.FROM, "late-delivery")
                .containsEntry(ActivityDetails.FROM_NAME, "Late delivery")
                .containsEntry(ActivityDetails.TO, "damaged-parcel");
    }

    @Test
    void setRootCause_onClosedCase_isAllowed() {
        Case after = applied(CaseCommands.setRootCause(closedCase(), ROOT_CAUSES, ANA_ACTS, new SetRootCause("late-delivery"), NOW));

        assertThat(after.rootCauseId()).isEqualTo("late-delivery");
        assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void setRootCause_category_isRefusedWithNotACause() {
        CaseError error = refused(CaseCommands.setRootCause(openCase(SEED), ROOT_CAUSES, ANA_ACTS, new SetRootCause("delivery"), NOW));

        assertThat(error.code()).isEqualTo(CaseError.NOT_A_CAUSE);
        assertThat(error.field()).isEqualTo("rootCauseId");
    }

    @Test
    void setRootCause_notInTheTaxonomy_isRefusedWithUnknownRootCause() {
        assertThat(refused(CaseCommands.setRootCause(openCase(SEED), ROOT_CAUSES, ANA_ACTS, new SetRootCause("weather"), NOW)).code())
                .isEqualTo(CaseError.UNKNOWN_ROOT_CAUSE);
        assertThat(refused(CaseCommands.setRootCause(openCase(SEED), ROOT_CAUSES, ANA_ACTS, new SetRootCause("orphan"), NOW)).code())
                .isEqualTo(CaseError.UNKNOWN_ROOT_CAUSE);
    }

    @Test
    void setRootCause_sameAsCurrent_isRefusedWithSameRootCause() {
        Case withCause = applied(CaseCommands.setRootCause(openCase(SEED), ROOT_CAUSES, ANA_ACTS, new SetRootCause("late-delivery"), NOW));

        assertThat(refused(CaseCommands.setRootCause(withCause, ROOT_CAUSES, ANA_ACTS, new SetRootCause("late-delivery"), NOW)).code())
                .isEqualTo(CaseError.SAME_ROOT_CAUSE);
    }

    @Test
    void setPriority_changed_recordsBeforeAndAfter() {
        Case open = openCase(SEED);

        Case after = applied(CaseCommands.setPriority(open, ANA_ACTS, new SetPriority(Priority.URGENT), NOW));

        assertThat(after.priority()).isEqualTo(Priority.URGENT);
        assertThat(appended(open, after)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ActivityType.PRIORITY_CHANGED);
            assertThat(entry.details()).containsEntry(ActivityDetails.FROM, "HIGH").containsEntry(ActivityDetails.TO, "URGENT");
        });
    }

    @Test
    void setPriority_sameMissingOrOnClosedCase_isRefused() {
        assertThat(refused(CaseCommands.setPriority(openCase(SEED), ANA_ACTS, new SetPriority(Priority.HIGH), NOW)).code())
                .isEqualTo(CaseError.SAME_PRIORITY);
        assertThat(refused(CaseCommands.setPriority(openCase(SEED), ANA_ACTS, new SetPriority(null), NOW)).code())
                .isEqualTo(CaseError.PRIORITY_REQUIRED);
        assertThat(refused(CaseCommands.setPriority(closedCase(), ANA_ACTS, new SetPriority(Priority.LOW), NOW)).code())
                .isEqualTo(CaseError.CASE_CLOSED);
    }

    @Test
    void everyCommand_byAResponderWithoutTheRightToRespond_isRefusedWithNotAllowed() {
        Case open = openCase(SEED);
        Case closed = closedCase();

        assertThat(List.of(
                        CaseCommands.takeAction(open, SEED, CARLA_ACTS,
                                new CaseCommand.TakeAction(SeedPlans.SEND_AN_EMAIL, SeedPlans.EMAIL_SENT_RETURN_TO_STORE, null, null, null), NOW),
                        CaseCommands.closePlan(open, SEED, CARLA_ACTS, new ClosePlan("closed"), NOW),
                        CaseCommands.addNote(open, CARLA_ACTS, new AddNote("I can only read this case."), NOW),
                        CaseCommands.reassign(open, RESPONDERS, CARLA_ACTS, new Reassign("bruno"), NOW),
                        CaseCommands.setRootCause(open, ROOT_CAUSES, CARLA_ACTS, new SetRootCause("late-delivery"), NOW),
                        CaseCommands.setPriority(open, CARLA_ACTS, new SetPriority(Priority.LOW), NOW),
                        CaseCommands.reopen(closed, CARLA_ACTS, new CaseCommand.Reopen(null), NOW)))
                .allSatisfy(result -> {
                    assertThat(result).isInstanceOf(CaseError.class);
                    assertThat(((CaseError) result).code()).isEqualTo(CaseError.NOT_ALLOWED);
                });
    }
}
