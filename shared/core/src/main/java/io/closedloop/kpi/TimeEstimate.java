package io.closedloop.kpi;

import java.time.Duration;

/**
 * A duration read from a histogram: at most {@code atMostSeconds} (the bucket's upper bound), or, in the last bucket,
 * more than {@code moreThanSeconds}. {@code label} says it for people: "≤ 4 h", "> 30 d".
 */
public record TimeEstimate(Long atMostSeconds, Long moreThanSeconds, String label) {

    static TimeEstimate of(TimeBuckets.Bucket bucket, TimeBuckets.Bucket previous) {
        if (bucket.upTo() != null) {
            return new TimeEstimate(bucket.upTo().toSeconds(), null, "≤ " + human(bucket.upTo()));
        }
        Duration floor = previous.upTo();
        return new TimeEstimate(null, floor.toSeconds(), "> " + human(floor));
    }

    /** "15 min", "4 h", "36 h", "5 d": hours up to three days, as SLA targets are usually stated. */
    static String human(Duration d) {
        if (d.toHours() == 0) {
            return d.toMinutes() + " min";
        }
        if (d.toHours() <= 72) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }
}
