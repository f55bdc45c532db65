package io.closedloop.queue;

import java.time.Instant;

/** The part of a lane a list reads, in its index's key order. */
public sealed interface Stretch {

    /** Open cases: breached first, then by nearest deadline, cases without deadline last. */
    record Open() implements Stretch {}

    /** Open cases with a breach outstanding, nearest deadline first. */
    record Breached() implements Stretch {}

    /** Open cases not breached whose next deadline is before {@code until} (team lanes and owner lanes). */
    record DueBefore(Instant until) implements Stretch {}

    /** Closed cases, most recently closed first (team lanes only: the owner index holds open cases). */
    record Closed() implements Stretch {}

    Stretch OPEN = new Open();
    Stretch BREACHED = new Breached();
    Stretch CLOSED = new Closed();
}
