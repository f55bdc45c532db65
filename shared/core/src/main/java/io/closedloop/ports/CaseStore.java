package io.closedloop.ports;

import io.closedloop.cases.Case;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cases, each one item; every change is a conditional write on the case's version. */
public interface CaseStore extends PlanUsage {

    /** Creates the case unless it exists; returns false (and changes nothing) when it already exists. */
    boolean create(Case newCase);

    Optional<Case> find(String caseId);

    /**
     * Replaces the case if the stored version is {@code updated.version() - 1}.
     *
     * @throws ConflictException when another writer got there first
     */
    void update(Case updated);

    /** Ids of cases whose next due time is at or before {@code until}, read from the sparse, sharded due index. */
    List<String> dueCaseIds(Instant until, int limit);

    /** Cases of a campaign, newest first, for lists and the case API. */
    CasePage list(CaseQuery query);

    /** Earlier cases of the same customer, newest first. */
    List<CaseSummary> byCustomer(String customerKey, int limit);
}
