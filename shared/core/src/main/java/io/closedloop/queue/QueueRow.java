package io.closedloop.queue;

import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.domain.Category;
import java.time.Instant;

/**
 * A work-queue row, read from the index entry alone (the case itself is never loaded for a list).
 *
 * @param deadline the nearest deadline of a running target; null when none
 * @param customer the customer's name, else email; null when anonymous
 * @param excerpt the first words of the comment; null when there is none
 * @param version the case's version when the entry was written: a bulk change on the row is conditional on it
 */
public record QueueRow(
        String caseId, String campaignId, CaseStatus status, Priority priority, String assigneeId, String teamId, Integer score,
        Category category, boolean breached, Instant openedAt, Instant deadline, Instant closedAt, String customer, String excerpt,
        long version) {}
