package io.closedloop.console;

import io.closedloop.app.CaseService;
import io.closedloop.app.CaseService.Outcome;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reassigns or re-prioritises the cases picked on a list (docs/console.md, "Bulk"): each case is its own command,
 * checked and written alone on the version the list showed, so a case changed meanwhile is reported as a conflict and
 * the others still apply. Nothing is written for a person who may not change cases in bulk.
 */
public final class BulkChange {

    /** The most cases one bulk change takes: a page of the list at most. */
    public static final int MAX_CASES = WorkQueue.PAGE_SIZE;

    /** A case picked on the list, with the version the list showed. */
    public record Picked(String caseId, long version) {}

    /** What became of one picked case; {@code current} is the case as it now stands (null when it is gone). */
    public sealed interface Result {
        String caseId();

        Case current();

        record Applied(String caseId, Case current) implements Result {}

        /** It changed since the list was shown: nothing was applied to it. */
        record Conflict(String caseId, Case current) implements Result {}

        /** The command's own rules refused it (closed, already so, no such responder). */
        record Rejected(String caseId, Case current, CaseError error) implements Result {}

        /** The person may not act on it. */
        record Refused(String caseId, Case current, Access.Refusal refusal) implements Result {}

        /** No such case in the person's scope. */
        record Gone(String caseId) implements Result {
            @Override
            public Case current() {
                return null;
            }
        }
    }

    private final CaseService service;

    public BulkChange(CaseService service) {
        this.service = service;
    }

    /**
     * @throws IllegalArgumentException when nothing or more than {@link #MAX_CASES} cases are picked, or the person may
     *     not change cases in bulk (the caller checks {@link Access#mayChangeInBulk} first and says so)
     */
    public List<Result> apply(Access access, List<Picked> picked, CaseCommand command) {
        if (!access.mayChangeInBulk()) {
            throw new IllegalArgumentException("this person may not change cases in bulk");
        }
        if (picked.isEmpty() || picked.size() > MAX_CASES) {
            throw new IllegalArgumentException("between 1 and " + MAX_CASES + " cases");
        }
        if (!(command instanceof CaseCommand.Reassign) && !(command instanceof CaseCommand.SetPriority)) {
            throw new IllegalArgumentException("a bulk change reassigns or sets the priority");
        }
        Actor actor = Actor.of(access.person());
        List<Result> results = new ArrayList<>();
        for (Picked one : picked) {
            results.add(applyOne(access, one, command, actor));
        }
        return results;
    }

    private Result applyOne(Access access, Picked one, CaseCommand command, Actor actor) {
        Optional<Case> found = service.find(one.caseId());
        if (found.isEmpty() || !access.maySee(found.get())) {
            return new Result.Gone(one.caseId());
        }
        Optional<Access.Refusal> refusal = access.refusalToAct(found.get());
        if (refusal.isPresent()) {
            return new Result.Refused(one.caseId(), found.get(), refusal.get());
        }
        return switch (service.execute(one.caseId(), one.version(), command, actor)) {
            case Outcome.Applied(Case updated) -> new Result.Applied(one.caseId(), updated);
            case Outcome.Conflict(Case current) -> new Result.Conflict(one.caseId(), current);
            case Outcome.Rejected(CaseError error, Case current) -> new Result.Rejected(one.caseId(), current, error);
            case Outcome.NotFound() -> new Result.Gone(one.caseId());
        };
    }
}
