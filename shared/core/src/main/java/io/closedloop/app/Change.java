package io.closedloop.app;

import io.closedloop.cases.Case;
import io.closedloop.domain.Response;

/**
 * One stored change, as the table's stream reports it: the item before and after (null before an insert, null
 * after a removal). {@code sequence} is the stream's sequence number, used to report partial batch failures.
 */
public sealed interface Change {

    String sequence();

    record ResponseChange(String sequence, Response before, Response after) implements Change {}

    record CaseChange(String sequence, Case before, Case after) implements Change {}
}
