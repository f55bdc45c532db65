package io.closedloop.rules;

import java.util.Locale;

/** String helpers for evaluation: no regex, no allocation on the common paths. */
final class Text {

    private static final int SHOWN_VALUE_MAX = 60;

    private Text() {}

    /** Case-insensitive equality after stripping both sides; null never equals. */
    static boolean sameIgnoringCase(String value, String expected) {
        return value != null && expected != null && value.strip().equalsIgnoreCase(expected.strip());
    }

    /** Case-insensitive substring test without building lower-cased copies. */
    static boolean containsIgnoringCase(String haystack, String needle) {
        if (haystack == null || needle == null) {
            return false;
        }
        int n = needle.length();
        if (n == 0) {
            return true;
        }
        int last = haystack.length() - n;
        char first = needle.charAt(0);
        char lowerFirst = Character.toLowerCase(first);
        char upperFirst = Character.toUpperCase(first);
        // An ASCII first letter screens ASCII positions by its two cases; the rest go to regionMatches (Kelvin sign, long s)
        boolean screen = first < 0x80;
        for (int i = 0; i <= last; i++) {
            char c = haystack.charAt(i);
            if (screen && c < 0x80 && c != lowerFirst && c != upperFirst) {
                continue;
            }
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cases with the root locale; returns the same instance when nothing changes. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The decimal value of {@code s} ({@code [+-]digits[.digits]}, surrounding whitespace ignored), or NaN when it is
     * not such a number. Validates before parsing so that a non-numeric attribute never costs an exception.
     */
    static double number(String s) {
        if (s == null) {
            return Double.NaN;
        }
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digits = 0;
        boolean dot = false;
        long whole = 0;
        for (int k = i; k < end; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
                if (!dot && digits <= 18) {
                    whole = whole * 10 + (c - '0');
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (!dot && digits <= 18) {
            return negative ? -whole : whole;
        }
        return Double.parseDouble(s.substring(start, end));
    }

    static boolean isNumber(String s) {
        return !Double.isNaN(number(s));
    }

    /** An untrusted value as shown in an explanation line: stripped, control characters removed, shortened. */
    static String shown(String value) {
        if (value == null) {
            return "(absent)";
        }
        String v = value.strip();
        StringBuilder out = null;
        int limit = Math.min(v.length(), SHOWN_VALUE_MAX);
        if (limit < v.length() && Character.isHighSurrogate(v.charAt(limit - 1))) {
            limit--;
        }
        for (int i = 0; i < limit; i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(limit).append(v, 0, i);
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        String result = out == null ? v.substring(0, limit) : out.toString();
        return v.length() > SHOWN_VALUE_MAX ? result + "…" : result;
    }

    /** A value shown in quotes, for free text. */
    static String quoted(String value) {
        return value == null ? "(absent)" : "\"" + shown(value) + "\"";
    }
}
