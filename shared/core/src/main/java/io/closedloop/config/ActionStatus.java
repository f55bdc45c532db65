package io.closedloop.config;

/** A status an operator picks when taking an action; it may close (complete) the action. */
public record ActionStatus(String id, String name, boolean closesAction) {}
