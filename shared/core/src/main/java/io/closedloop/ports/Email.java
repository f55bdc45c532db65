package io.closedloop.ports;

import java.util.Map;

/**
 * An email ready to send. Header values (addresses, subject) are checked for CR/LF on construction, so customer
 * text can never add a header.
 */
public record Email(String from, String to, String subject, String text, String html, Map<String, String> tags) {

    public Email {
        requireSingleLine("from", from);
        requireSingleLine("to", to);
        requireSingleLine("subject", subject);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    private static void requireSingleLine(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0000' || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(field + " must be a single line");
            }
        }
    }
}
