package io.closedloop.config;

import java.time.Duration;

/**
 * One level of an escalation chain: notify {@code target} (or the responder {@code responderId} when the target is
 * RESPONDER) once {@code after} has passed since the breach.
 */
public record EscalationStep(EscalationTarget target, String responderId, Duration after) {}
