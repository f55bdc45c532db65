package io.closedloop.rules;

import io.closedloop.config.Priority;
import io.closedloop.domain.ResponseId;
import io.closedloop.domain.Score;
import java.time.Instant;
import java.util.List;

/**
 * What a rule would have done on past responses.
 *
 * @param evaluated responses the rule was evaluated against
 * @param matched how many of them it matched
 * @param skipped responses not evaluated because they belong to another campaign than the rule's
 * @param matches the first matches, at most the requested number, in the order of the responses
 */
public record DryRunReport(int evaluated, int matched, int skipped, List<Match> matches) {

    public DryRunReport {
        matches = List.copyOf(matches);
    }

    /**
     * One matching response.
     *
     * @param score null when the response has no score
     * @param priority the priority the case would get (after triage)
     */
    public record Match(ResponseId responseId, Score score, Instant submittedAt, List<String> explanation, Priority priority) {

        public Match {
            explanation = List.copyOf(explanation);
        }
    }
}
