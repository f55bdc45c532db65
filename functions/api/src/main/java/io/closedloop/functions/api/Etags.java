package io.closedloop.functions.api;

import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;

/** ETags are entry and case versions, quoted: {@code "3"}. If-Match accepts that, its weak form, or the bare number. */
final class Etags {

    private Etags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; null when the header is absent. */
    static Long parseIfMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 1 && value.chars().allMatch(Character::isDigit)) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.of(400, "bad-if-match", "Bad If-Match",
                "If-Match must be one ETag of this API, e.g. \"3\", as returned by the last read."));
    }
}
