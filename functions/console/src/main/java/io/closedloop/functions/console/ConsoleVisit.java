package io.closedloop.functions.console;

import io.closedloop.config.Configuration;
import io.closedloop.console.Access;
import io.closedloop.console.ConsoleSessions.Signed;
import io.closedloop.functions.console.ConsoleView.Nav;
import io.closedloop.webui.WebMessages;

/** One signed-in person's request: who, what they may do, in which words, with which bar. */
record ConsoleVisit(Signed signed, Configuration config, Access access, WebMessages m, Nav nav) {

    /** The session's form token (the bar's sign-out form carries the same). */
    String csrf() {
        return nav.csrf();
    }
}
