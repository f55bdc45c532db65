package io.closedloop.ports;

import java.util.Map;

/**
 * An email ready to send. Header values (addresses, subject, extra headers) are checked for CR/LF on construction, so
 * customer text can never add a header.
 *
 * @param replyTo where an answer goes (the responder who wrote to the customer); null for the sender itself
 * @param headers extra headers such as {@code List-Unsubscribe}; names are fixed by the code, never by a user
 */
public record Email(String from, String to, String subject, String text, String html, Map<String, String> tags, String replyTo,
        Map<String, String> headers) {

    public Email {
        requireSingleLine("from", from);
        requireSingleLine("to", to);
        requireSingleLine("subject", subject);
        if (replyTo != null) {
            requireSingleLine("replyTo", replyTo);
        }
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        headers.forEach((name, value) -> {
            requireSingleLine("header name", name);
            requireSingleLine(name, value);
        });
    }

    /** An email to staff: no Reply-To, no extra headers. */
    public Email(String from, String to, String subject, String text, String html, Map<String, String> tags) {
        this(from, to, subject, text, html, tags, null, Map.of());
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
