package io.closedloop.queue;

import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.domain.Category;

/**
 * Narrows a list to the rows that match every non-null field; applied to the lanes' own entries, never by reading
 * another list or the table.
 *
 * @param text matched case-insensitively against the customer's name and email and the comment
 * @param openedFrom inclusive; {@code openedTo} exclusive
 */
public record QueueFilter(
        String campaignId, CaseStatus status, Priority priority, String assigneeId, String teamId, Category category, String text,
        java.time.Instant openedFrom, java.time.Instant openedTo) {

    public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null, null, null, null);
    public static final int MAX_TEXT_LENGTH = 100;

    public QueueFilter {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            text = text.substring(0, MAX_TEXT_LENGTH);
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
