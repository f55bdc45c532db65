package io.closedloop.admin;

import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import java.util.List;

/** The problems the admin API answers with, so every route words them the same way. */
final class AdminProblems {

    private AdminProblems() {}

    static ProblemException notFound(AdminKind kind, String id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", "There is no " + kind.label() + " " + FieldChecks.shown(id) + "."));
    }

    static ProblemException exists(AdminKind kind, String id, long version) {
        return new ProblemException(Problem.of(409, "already-exists", "Already exists",
                kind.label() + " " + id + " already exists (version " + version + "): send If-Match: \"" + version
                        + "\" to replace it."));
    }

    static ProblemException stale(AdminKind kind, String id, long current, long expected) {
        return new ProblemException(Problem.of(409, "version-conflict", "Changed since you read it",
                kind.label() + " " + id + " is at version " + current + ", not " + expected
                        + ": read it again and reapply your change."));
    }

    static ProblemException lostRace(AdminKind kind, String id) {
        return new ProblemException(Problem.of(409, "version-conflict", "Changed since you read it",
                kind.label() + " " + id + " was changed by another request at the same time: read it again and reapply your change."));
    }

    static ProblemException invalid(AdminKind kind, List<FieldError> errors) {
        return new ProblemException(Problem.invalid("The " + kind.label() + " is not valid.", errors));
    }

    static ProblemException referenced(AdminKind kind, String id, List<String> referrers) {
        return new ProblemException(Problem.of(409, "referenced", "Still referenced",
                kind.label() + " " + id + " cannot be deleted: it is referenced by " + String.join(", ", referrers) + "."));
    }

    static ProblemException refused(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }
}
