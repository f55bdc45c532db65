package io.closedloop.kpi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What to add to one bucket's counters (negative values subtract): one UpdateItem ADD. */
public record KpiIncrement(KpiBucket bucket, Map<String, Long> counters) {

    public KpiIncrement {
        Objects.requireNonNull(bucket, "bucket");
        counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    }
}
