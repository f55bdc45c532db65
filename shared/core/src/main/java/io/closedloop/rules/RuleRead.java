package io.closedloop.rules;

import io.closedloop.http.Problem.FieldError;
import java.util.List;

/**
 * A rule read from JSON.
 *
 * @param rule null when the JSON could not be bound to a rule at all
 * @param errors binding and validation problems, each naming its field; empty when the rule is valid
 */
public record RuleRead(Rule rule, List<FieldError> errors) {

    public RuleRead {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return rule != null && errors.isEmpty();
    }
}
