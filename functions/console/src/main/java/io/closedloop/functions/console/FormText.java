package io.closedloop.functions.console;

/** How the configuration forms read and show text: a blank field is absent, an absent value shows as empty. */
final class FormText {

    private FormText() {}

    /** The typed value without surrounding spaces; null when blank or absent. */
    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value to put back in an input: empty for none. */
    static String text(String value) {
        return value == null ? "" : value;
    }
}
