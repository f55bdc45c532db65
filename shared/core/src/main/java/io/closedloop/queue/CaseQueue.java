package io.closedloop.queue;

import java.util.List;

/** The work-queue reads: pages and counts of lanes, never a scan of the table. */
public interface CaseQueue {

    /** The most rows a page shows. */
    int MAX_PAGE = 100;

    /**
     * One page of the lanes' stretch, merged in key order; the lanes must all be of the same index.
     *
     * @param cursor a previous page's {@link QueuePage#nextCursor}, or null for the first page
     * @throws IllegalArgumentException when the cursor is not one this queue gave out
     */
    QueuePage page(List<Lane> lanes, Stretch stretch, QueueFilter filter, int limit, String cursor);

    /** How many entries the lanes' stretch holds (no filter): a count query per lane, bounded by the work in progress. */
    long count(List<Lane> lanes, Stretch stretch);
}
