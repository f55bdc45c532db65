package io.closedloop.config;

/** A state the operator picks when the action plan is closed, e.g. "not started", "in progress", "closed". */
public record ExitState(String id, String name) {}
