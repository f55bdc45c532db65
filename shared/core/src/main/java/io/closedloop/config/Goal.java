package io.closedloop.config;

import java.time.Duration;

/** A programme goal, e.g. 85 % of cases resolved within 24 hours. */
public record Goal(double share, Duration within) {

    public static final Goal DEFAULT = new Goal(0.85, Duration.ofHours(24));
}
