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

    /** A share (0.855) as the percentage a form shows: "85.5", or "85" when whole. */
    static String percent(double share) {
        double percent = share * 100;
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(java.util.Locale.ROOT, "%.1f", percent);
    }
}
