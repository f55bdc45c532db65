package io.closedloop.ports;

import java.util.List;

/** A page of cases and the cursor for the next one (null on the last page). */
public record CasePage(List<CaseSummary> cases, String nextCursor) {

    public CasePage {
        cases = List.copyOf(cases);
    }
}
