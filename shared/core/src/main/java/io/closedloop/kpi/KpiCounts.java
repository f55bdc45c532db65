package io.closedloop.kpi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The stored counters of one bucket (a campaign's day, or its totals); a counter never written reads 0. */
public record KpiCounts(KpiBucket bucket, Map<String, Long> counters) {

    public KpiCounts {
        Objects.requireNonNull(bucket, "bucket");
        counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    public static KpiCounts empty(KpiBucket bucket) {
        return new KpiCounts(bucket, Map.of());
    }

    public long get(String counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
