package io.closedloop.config;

import java.time.Duration;

/** First-response and resolution targets; either may be null (no target). */
public record SlaTargets(Duration firstResponse, Duration resolution) {}
