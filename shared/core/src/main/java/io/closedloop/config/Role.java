package io.closedloop.config;

/**
 * What a person may do in the console (docs/console.md, "Roles"); the right to respond ({@link Responder#canRespond})
 * is granted on top of it.
 */
public enum Role {
    /** Everything: all cases, the dashboard, the configuration. */
    ADMIN,
    /** The cases of the teams they manage or lead and of their own team; the dashboard. */
    MANAGER,
    /** Cases assigned to them and their teams' cases. The default for people configured before roles existed. */
    RESPONDER,
    /** Reads their teams' cases (all when they have no team) and the dashboard; never acts. */
    VIEWER
}
