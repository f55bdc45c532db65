package io.closedloop.config;

import java.util.Map;

/**
 * Where a provider's payload keeps what we need. Keys of {@code respondent} are id, email, name, phone, locale;
 * keys of {@code attributes} are attribute names. Values are references into the payload: {@code hidden:<name>},
 * {@code answer:<question id or ref>}, {@code variable:<name>} or {@code property:<name>}, as the format documents.
 */
public record FieldMapping(Map<String, String> respondent, Map<String, String> attributes) {

    public static final FieldMapping NONE = new FieldMapping(Map.of(), Map.of());

    public FieldMapping {
        respondent = respondent == null ? Map.of() : Map.copyOf(respondent);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
