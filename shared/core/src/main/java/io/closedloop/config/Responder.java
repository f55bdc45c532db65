package io.closedloop.config;

/**
 * A person who may be alerted, assigned and sign in to the console. {@code canRespond} is the right to respond the
 * admin grants (seed 000, "Accessibility"): without it the case page is read-only.
 *
 * @param role what the person may do in the console; RESPONDER when not set
 * @param timeZone the IANA zone their pages show times in (e.g. Europe/Paris); null falls back to their calendar's
 */
public record Responder(
        String id, String name, String email, String locale, String teamId, boolean canRespond, String calendarId, Role role,
        String timeZone) {

    public Responder {
        role = role == null ? Role.RESPONDER : role;
    }

    /** A responder as configured before roles and time zones existed. */
    public Responder(String id, String name, String email, String locale, String teamId, boolean canRespond, String calendarId) {
        this(id, name, email, locale, teamId, canRespond, calendarId, Role.RESPONDER, null);
    }

    public String localeOrDefault() {
        return locale == null || locale.isBlank() ? "en" : locale;
    }

    public Responder withRole(Role newRole) {
        return new Responder(id, name, email, locale, teamId, canRespond, calendarId, newRole, timeZone);
    }
}
