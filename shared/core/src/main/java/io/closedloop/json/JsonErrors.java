package io.closedloop.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * Words for Jackson binding failures in validation messages: where in the document ({@code a.b[1].c}), what was
 * expected there, and the offending value shown safely (no control characters, shortened).
 */
public final class JsonErrors {

    private static final int SHOWN_MAX = 64;

    private JsonErrors() {}

    /** Jackson's path as {@code a.b[1].c}. */
    public static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(shown(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a field of this type must be, in words: "an integer", "one of LOW, NORMAL", "a date such as 2026-12-25". */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return names.toString();
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT48H";
        }
        if (type == ZoneId.class) {
            return "a time zone such as Europe/Paris";
        }
        if (type == LocalTime.class) {
            return "a time such as 09:00";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-12-25";
        }
        if (type == Instant.class) {
            return "an instant such as 2026-11-20T09:41:07Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** An untrusted value in quotes, as a message may show it. */
    public static String quoted(Object value) {
        return value == null ? "null" : "\"" + shown(String.valueOf(value)) + "\"";
    }

    private static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(SHOWN_MAX).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.codePointCount(0, value.length()) > SHOWN_MAX ? shown + "…" : shown.toString();
    }
}
