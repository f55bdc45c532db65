package io.closedloop.config;

/**
 * A person who may be alerted and assigned. {@code canRespond} is the right to respond the admin grants (seed 000,
 * "Accessibility"): without it the case page is read-only.
 */
public record Responder(
        String id, String name, String email, String locale, String teamId, boolean canRespond, String calendarId) {

    public String localeOrDefault() {
        return locale == null || locale.isBlank() ? "en" : locale;
    }
}
