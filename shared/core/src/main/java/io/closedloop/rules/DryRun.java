package io.closedloop.rules;

import io.closedloop.domain.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Tries a rule (or an unsaved draft) on past responses without any side effect. */
public final class DryRun {

    /** The most matches a report lists, whatever the caller asks for. */
    public static final int MAX_LISTED = 1000;

    private DryRun() {}

    /**
     * Evaluates the rule's condition against each response, whether the rule is enabled or not. Responses of another
     * campaign than the rule's are skipped (a draft without a campaign takes every response); null entries are skipped
     * too. Lists the first {@code maxListed} matches (clamped to 0..{@value #MAX_LISTED}).
     */
    public static DryRunReport run(Rule rule, Iterable<Response> responses, int maxListed) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(responses, "responses");
        int limit = Math.clamp(maxListed, 0, MAX_LISTED);
        int evaluated = 0;
        int matched = 0;
        int skipped = 0;
        List<DryRunReport.Match> listed = new ArrayList<>();
        for (Response response : responses) {
            if (response == null || (rule.campaignId() != null && !rule.campaignId().equals(response.campaignId()))) {
                skipped++;
                continue;
            }
            evaluated++;
            Subject subject = new Subject(response);
            if (!Matcher.test(rule.condition(), subject)) {
                continue;
            }
            matched++;
            if (listed.size() < limit) {
                listed.add(new DryRunReport.Match(
                        response.id(),
                        response.score(),
                        response.submittedAt(),
                        RuleEvaluator.explanation(rule.condition(), subject),
                        rule.outcome() == null ? null : RuleEvaluator.triage(rule.outcome(), subject).priority()));
            }
        }
        return new DryRunReport(evaluated, matched, skipped, listed);
    }
}
