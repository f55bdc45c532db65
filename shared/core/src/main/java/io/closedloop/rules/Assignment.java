package io.closedloop.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** How a rule picks the case's assignee; in JSON its {@code type} is fixed, roundRobin or lookup. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Assignment.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = Assignment.RoundRobin.class, name = "roundRobin"),
    @JsonSubTypes.Type(value = Assignment.Lookup.class, name = "lookup")
})
public sealed interface Assignment {

    /** Always the same responder. */
    record Fixed(String responderId) implements Assignment {}

    /** The next member of the team, in turn, skipping members without the right to respond. */
    record RoundRobin(String teamId) implements Assignment {}

    /** A lookup from an attribute's value (e.g. country or store) to a responder; values match case-insensitively. */
    record Lookup(String attribute, Map<String, String> responderByValue) implements Assignment {
        public Lookup {
            responderByValue = Copies.map(responderByValue);
        }
    }
}
