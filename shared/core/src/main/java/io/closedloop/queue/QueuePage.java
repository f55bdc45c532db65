package io.closedloop.queue;

import java.util.List;

/** One page of a list and the cursor of the next (null on the last page). */
public record QueuePage(List<QueueRow> rows, String nextCursor) {

    public QueuePage {
        rows = List.copyOf(rows);
    }
}
