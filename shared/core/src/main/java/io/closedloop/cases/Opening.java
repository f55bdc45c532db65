package io.closedloop.cases;

import java.util.List;

/** Why the case exists: the rule and rule version that opened it and the conditions that held. */
public record Opening(String ruleId, int ruleVersion, String ruleName, List<String> explanation, String loop) {

    public Opening {
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
    }
}
