package io.closedloop.functions.console;

import io.closedloop.config.Configuration;
import io.closedloop.console.Access;
import io.closedloop.functions.console.ConsoleView.Nav;
import io.closedloop.webui.WebMessages;

/** One signed-in admin's request to a configuration page: who, in which words, with which bar and form token. */
record AdminVisit(Access access, Configuration config, WebMessages m, Nav nav, String csrf) {}
