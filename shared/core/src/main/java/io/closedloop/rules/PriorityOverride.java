package io.closedloop.rules;

import io.closedloop.config.Priority;

/** Triage: when {@code when} holds, the case gets {@code priority} (e.g. a high-value detractor is URGENT). */
public record PriorityOverride(Condition when, Priority priority) {}
