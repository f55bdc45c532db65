package io.closedloop.rules;

import io.closedloop.config.Priority;
import io.closedloop.domain.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates workflow rules against a response. Pure and allocation-light: the condition pass allocates nothing per
 * rule; explanation lines are built only for rules that matched.
 */
public final class RuleEvaluator {

    private RuleEvaluator() {}

    /**
     * Evaluates a campaign's rules in the given order (as {@code Configuration.rulesOf} returns them: highest priority
     * first). Disabled rules and rules of another campaign than the response's are skipped. The first matching rule
     * whose outcome opens a case wins; every other match only adds its watchers.
     */
    public static Evaluation evaluate(List<Rule> rules, Response response) {
        Objects.requireNonNull(response, "response");
        Subject subject = new Subject(response);
        List<Rule> matched = null;
        for (int i = 0, n = rules.size(); i < n; i++) {
            Rule rule = rules.get(i);
            if (applies(rule, response) && Matcher.test(rule.condition(), subject)) {
                if (matched == null) {
                    matched = new ArrayList<>(4);
                }
                matched.add(rule);
            }
        }
        return matched == null ? Evaluation.NONE : summarize(matched, subject);
    }

    private static boolean applies(Rule rule, Response response) {
        return rule != null && rule.enabled() && rule.campaignId() != null && rule.campaignId().equals(response.campaignId());
    }

    private static Evaluation summarize(List<Rule> matched, Subject subject) {
        List<RuleMatch> matches = new ArrayList<>(matched.size());
        RuleMatch winner = null;
        for (Rule rule : matched) {
            RuleMatch match = new RuleMatch(rule, explanation(rule.condition(), subject));
            matches.add(match);
            if (winner == null && match.opensCase()) {
                winner = match;
            }
        }
        List<String> watchers = new ArrayList<>();
        if (winner != null) {
            addWatchers(winner.rule(), watchers);
        }
        for (RuleMatch match : matches) {
            addWatchers(match.rule(), watchers);
        }
        if (winner == null) {
            return new Evaluation(matches, null, null, List.of(), watchers);
        }
        Triage triage = triage(winner.rule().outcome(), subject);
        return new Evaluation(matches, winner, triage.priority(), triage.explanation(), watchers);
    }

    private static void addWatchers(Rule rule, List<String> watchers) {
        if (rule.outcome() == null) {
            return;
        }
        for (String id : rule.outcome().watcherIds()) {
            if (id != null && !watchers.contains(id)) {
                watchers.add(id);
            }
        }
    }

    /** The priority an outcome gives a response: the first triage override whose condition holds, else its own. */
    public static Priority priority(RuleOutcome outcome, Response response) {
        return triage(outcome, new Subject(response)).priority();
    }

    record Triage(Priority priority, List<String> explanation) {}

    static Triage triage(RuleOutcome outcome, Subject subject) {
        for (PriorityOverride override : outcome.triage()) {
            if (override != null && override.priority() != null && Matcher.test(override.when(), subject)) {
                return new Triage(override.priority(), explanation(override.when(), subject));
            }
        }
        return new Triage(outcome.priority(), List.of());
    }

    /** Whether the condition holds for the response. */
    public static boolean matches(Condition condition, Response response) {
        return Matcher.test(condition, new Subject(response));
    }

    /** Why the condition holds for the response, one short line per evaluated condition; empty when it does not hold. */
    public static List<String> explain(Condition condition, Response response) {
        Subject subject = new Subject(response);
        return Matcher.test(condition, subject) ? explanation(condition, subject) : List.of();
    }

    /** The condition as one line of text, e.g. {@code all of: NPS score in 0–6; attribute country = BR}. */
    public static String describe(Condition condition) {
        return Matcher.describe(condition);
    }

    static List<String> explanation(Condition condition, Subject subject) {
        List<String> lines = new ArrayList<>(4);
        Matcher.explain(condition, subject, lines);
        return List.copyOf(lines);
    }
}
