package io.closedloop.admin;

import io.closedloop.http.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects field errors while checking one admin input; every check names the field it concerns by JSON path. */
final class FieldChecks {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 2000;

    private final List<FieldError> errors = new ArrayList<>();

    void error(String field, String message) {
        FieldError error = new FieldError(field, message);
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }

    void addAll(List<FieldError> more) {
        more.forEach(e -> error(e.field(), e.message()));
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    /** An id used in URLs: 1–64 characters of letters, digits, '.', '_' and '-'. */
    boolean id(String field, String value) {
        if (value == null || value.isEmpty()) {
            error(field, "is required");
            return false;
        }
        if (!isId(value)) {
            error(field, "must be 1–" + MAX_ID_LENGTH + " characters of letters, digits, '.', '_' or '-'");
            return false;
        }
        return true;
    }

    static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Required free text: not blank, at most {@code max} characters, no control characters. */
    boolean text(String field, String value, int max) {
        if (value == null) {
            error(field, "is required");
            return false;
        }
        return optionalText(field, value, max);
    }

    /** Free text that may be absent (null); when present, as {@link #text}. */
    boolean optionalText(String field, String value, int max) {
        if (value == null) {
            return true;
        }
        if (value.isBlank()) {
            error(field, "must not be blank");
            return false;
        }
        if (value.length() > max) {
            error(field, "must be at most " + max + " characters");
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                error(field, "must not contain control characters");
                return false;
            }
        }
        return true;
    }

    /** A reference that may be absent; when present it must name an existing entry. */
    void optionalRef(String field, String id, Map<String, ?> existing, String what) {
        if (id != null) {
            ref(field, id, existing, what);
        }
    }

    /** A required reference to an existing entry. */
    boolean ref(String field, String id, Map<String, ?> existing, String what) {
        if (id == null || id.isEmpty()) {
            error(field, "is required");
            return false;
        }
        if (!existing.containsKey(id)) {
            error(field, "unknown " + what + " " + shown(id));
            return false;
        }
        return true;
    }

    void required(String field, Object value) {
        if (value == null) {
            error(field, "is required");
        }
    }

    /** A value quoted into a message: bounded and without control characters, so messages stay one short line. */
    static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(64).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.codePointCount(0, value.length()) > 64 ? shown + "…" : shown.toString();
    }
}
