package io.closedloop.app;

import io.closedloop.cases.Case;
import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.domain.Response;

/**
 * One stored change, as the table's stream reports it: the item before and after (null before an insert, null
 * after a removal). {@code sequence} is the stream's sequence number, used to report partial batch failures.
 */
public sealed interface Change {

    String sequence();

    record ResponseChange(String sequence, Response before, Response after) implements Change {}

    record CaseChange(String sequence, Case before, Case after) implements Change {}

    /** The acknowledgement of a response that opened no case. */
    record AcknowledgementChange(String sequence, ResponseAcknowledgement before, ResponseAcknowledgement after) implements Change {

        /** Whether this change is the one that sent it to the customer. */
        public boolean delivered() {
            return after != null && after.delivered() && (before == null || !before.delivered());
        }
    }
}
