package io.closedloop.kpi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fixed, roughly log-spaced histogram buckets that durations (time to first response, time to close) are counted
 * in, and percentiles read back from the counts. A percentile is reported as the upper bound of the bucket it falls
 * in: "the median is at most 4 h", an approximation never lower than the true value and at most one bucket above it.
 */
public final class TimeBuckets {

    /** One bucket: durations up to {@code upTo} (inclusive) and above the previous bucket's bound; null for the last. */
    public record Bucket(String label, Duration upTo) {}

    public static final List<Bucket> ALL = List.of(
            new Bucket("15m", Duration.ofMinutes(15)),
            new Bucket("30m", Duration.ofMinutes(30)),
            new Bucket("1h", Duration.ofHours(1)),
            new Bucket("2h", Duration.ofHours(2)),
            new Bucket("4h", Duration.ofHours(4)),
            new Bucket("8h", Duration.ofHours(8)),
            new Bucket("12h", Duration.ofHours(12)),
            new Bucket("24h", Duration.ofHours(24)),
            new Bucket("36h", Duration.ofHours(36)),
            new Bucket("48h", Duration.ofHours(48)),
            new Bucket("72h", Duration.ofHours(72)),
            new Bucket("5d", Duration.ofDays(5)),
            new Bucket("7d", Duration.ofDays(7)),
            new Bucket("14d", Duration.ofDays(14)),
            new Bucket("30d", Duration.ofDays(30)),
            new Bucket("more", null));

    private TimeBuckets() {}

    /** The bucket a duration falls in; a negative duration (clock skew between writers) counts in the first. */
    public static Bucket of(Duration duration) {
        for (Bucket bucket : ALL) {
            if (bucket.upTo() == null || duration.compareTo(bucket.upTo()) <= 0) {
                return bucket;
            }
        }
        throw new IllegalStateException("the last bucket has no bound");
    }

    /**
     * The {@code p}-th percentile (0 &lt; p ≤ 1) of the durations counted in {@code counts} (bucket label → count): the
     * bucket holding the sample of rank ⌈p·n⌉. Null when nothing was counted.
     */
    public static TimeEstimate percentile(Map<String, Long> counts, double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile must be in (0, 1], was " + p);
        }
        long n = 0;
        for (Bucket bucket : ALL) {
            n += Math.max(0, counts.getOrDefault(bucket.label(), 0L));
        }
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        Bucket last = ALL.getLast();
        for (Bucket bucket : ALL) {
            seen += Math.max(0, counts.getOrDefault(bucket.label(), 0L));
            if (seen >= rank) {
                return TimeEstimate.of(bucket, previous(bucket));
            }
        }
        return TimeEstimate.of(last, previous(last));
    }

    private static Bucket previous(Bucket bucket) {
        int i = ALL.indexOf(bucket);
        return i == 0 ? null : ALL.get(i - 1);
    }
}
