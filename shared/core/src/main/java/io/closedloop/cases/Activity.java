package io.closedloop.cases;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a case's append-only activity log: who did what, when, with the details (before/after values,
 * action, status, comment…). {@code seq} numbers entries from 1 without gaps.
 *
 * @param actor "system", "responder:&lt;id&gt;" or "api:&lt;key id&gt;"
 */
public record Activity(int seq, Instant at, String actor, ActivityType type, Map<String, String> details) {

    public Activity {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public String detail(String key) {
        return details.get(key);
    }
}
