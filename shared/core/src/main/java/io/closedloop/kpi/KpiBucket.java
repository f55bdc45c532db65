package io.closedloop.kpi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where counters are kept: one campaign and one UTC day, or the campaign's running totals ({@code day} null).
 */
public record KpiBucket(String campaignId, LocalDate day) {

    /** Campaign first, then days in order, the totals last. */
    public static final Comparator<KpiBucket> ORDER = Comparator.comparing(KpiBucket::campaignId)
            .thenComparing(KpiBucket::day, Comparator.nullsLast(Comparator.naturalOrder()));

    public KpiBucket {
        Objects.requireNonNull(campaignId, "campaignId");
    }

    public static KpiBucket day(String campaignId, LocalDate day) {
        return new KpiBucket(campaignId, Objects.requireNonNull(day, "day"));
    }

    public static KpiBucket totals(String campaignId) {
        return new KpiBucket(campaignId, null);
    }

    public boolean isTotals() {
        return day == null;
    }
}
