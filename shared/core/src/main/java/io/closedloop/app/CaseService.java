package io.closedloop.app;

import io.closedloop.cases.Actor;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CommandResult;
import io.closedloop.config.Configuration;
import io.closedloop.customer.CheckIns;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConflictException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * What the case page and the case API do to a case, with the same rules: the command is checked against the
 * version the user saw, applied (action-plan rules, statuses, log), the SLA clock follows, a new assignee gets an
 * alert (sent by the processor when it sees the change), and the case is written with one conditional put. Two
 * people acting at once: one wins, the other gets a conflict and the fresh case.
 */
public final class CaseService {

    /** The result of a command. */
    public sealed interface Outcome {
        record Applied(Case updated) implements Outcome {}

        record Rejected(CaseError error, Case current) implements Outcome {}

        /** The case changed since the user saw it (or while we wrote): nothing was applied. */
        record Conflict(Case current) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    private final CaseStore cases;
    private final ConfigCache config;
    private final InstantSource clock;

    public CaseService(CaseStore cases, ConfigCache config, InstantSource clock) {
        this.cases = cases;
        this.config = config;
        this.clock = clock;
    }

    public Optional<Case> find(String caseId) {
        return cases.find(caseId);
    }

    public Configuration configuration() {
        return config.current();
    }

    public Instant now() {
        return clock.instant();
    }

    /** @param expectedVersion the version the user saw; null to act on whatever is current (API without If-Match) */
    public Outcome execute(String caseId, Long expectedVersion, CaseCommand command, Actor actor) {
        Optional<Case> found = cases.find(caseId);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Case current = found.get();
        if (expectedVersion != null && expectedVersion != current.version()) {
            return new Outcome.Conflict(current);
        }
        Instant now = clock.instant();
        Configuration configuration = config.current();
        CommandResult result = CaseCommands.apply(current, command, actor, configuration, now);
        if (result instanceof CommandResult.Applied(Case applied)) {
            Case updated = SlaEffects.afterCommand(current, applied, configuration, now);
            updated = alertNewAssignee(current, updated, now);
            updated = CheckIns.afterCommand(current, updated, configuration, now);
            try {
                cases.update(updated);
                return new Outcome.Applied(updated);
            } catch (ConflictException lost) {
                return new Outcome.Conflict(cases.find(caseId).orElse(current));
            }
        }
        return new Outcome.Rejected(result.error().orElseThrow(), current);
    }

    private static Case alertNewAssignee(Case before, Case after, Instant now) {
        if (after.assigneeId() == null || Objects.equals(before.assigneeId(), after.assigneeId())) {
            return after;
        }
        String key = Alert.keyOf(AlertKind.NEW_CASE, "assigned", after.assigneeId());
        if (after.alerts().containsKey(key)) {
            return after;
        }
        return after.toBuilder().alert(Alert.pending(AlertKind.NEW_CASE, "assigned", after.assigneeId(), now)).build();
    }
}
