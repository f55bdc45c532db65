package io.closedloop.aws;

/**
 * A function's settings: environment variables set by the template. A JVM system property of the same name takes
 * precedence, so the local stack can run every function in one JVM with its own values.
 */
public final class Settings {

    private Settings() {}

    public static String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new IllegalStateException("missing setting " + name);
        }
        return value;
    }

    public static String optional(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    public static String orDefault(String name, String fallback) {
        String value = optional(name);
        return value == null ? fallback : value;
    }
}
