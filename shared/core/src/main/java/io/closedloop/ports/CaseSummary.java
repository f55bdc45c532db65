package io.closedloop.ports;

import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import java.time.Instant;

/** What a list of cases shows, read from an index without loading each case. */
public record CaseSummary(
        String caseId, String campaignId, CaseStatus status, Priority priority, String assigneeId, Integer score, boolean breached, Instant openedAt) {}
