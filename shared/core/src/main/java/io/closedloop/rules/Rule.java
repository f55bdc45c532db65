package io.closedloop.rules;

/**
 * A workflow rule of a campaign. Higher {@code priority} wins: the highest-priority matching rule opens and assigns
 * the case; lower matching rules only add watchers. {@code version} increases on every change and is recorded on
 * the case it opened.
 */
public record Rule(
        String id, int version, String campaignId, String name, int priority, boolean enabled, Condition condition, RuleOutcome outcome) {

    /** The order a campaign's rules are tried in: highest priority first, then by id. */
    public static final java.util.Comparator<Rule> EVALUATION_ORDER =
            java.util.Comparator.comparingInt(Rule::priority).reversed().thenComparing(Rule::id);
}
