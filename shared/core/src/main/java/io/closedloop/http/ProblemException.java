package io.closedloop.http;

/** Thrown inside a request to stop it with a problem answer; carries no cause, so nothing internal leaks. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
