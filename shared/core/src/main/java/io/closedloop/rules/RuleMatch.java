package io.closedloop.rules;

import java.util.List;

/** A rule whose condition held for a response, with the lines that say why. */
public record RuleMatch(Rule rule, List<String> explanation) {

    public RuleMatch {
        explanation = List.copyOf(explanation);
    }

    /** Whether this rule's outcome opens a case; a match that does not may only add watchers. */
    public boolean opensCase() {
        return rule.outcome() != null && rule.outcome().openCase();
    }
}
