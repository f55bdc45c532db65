package io.closedloop.config;

import java.time.LocalTime;

/** One working interval of a day, start inclusive, end exclusive. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public WorkingHours {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start");
        }
    }
}
