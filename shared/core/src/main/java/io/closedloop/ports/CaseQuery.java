package io.closedloop.ports;

import io.closedloop.cases.CaseStatus;
import java.time.Instant;

/**
 * Filters for listing a campaign's cases; null fields do not filter. {@code cursor} continues a previous page.
 */
public record CaseQuery(
        String campaignId, CaseStatus status, String assigneeId, Boolean breached, Instant from, Instant to, int limit, String cursor) {}
