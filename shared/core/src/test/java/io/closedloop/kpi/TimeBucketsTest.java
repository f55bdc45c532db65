package io.closedloop.kpi;

import static io.closedloop.kpi.KpiDeltasTest.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {

    @Test
    void of_boundsAreInclusive() {
        assertThat(TimeBuckets.of(Duration.ofHours(1)).label()).isEqualTo("1h");
        assertThat(TimeBuckets.of(Duration.ofHours(1).plusSeconds(1)).label()).isEqualTo("2h");
        assertThat(TimeBuckets.of(Duration.ofDays(30)).label()).isEqualTo("30d");
        assertThat(TimeBuckets.of(Duration.ofDays(30).plusSeconds(1)).label()).isEqualTo("more");
    }

    @Test
    void of_negativeDurationFromClockSkew_countsInFirstBucket() {
        assertThat(TimeBuckets.of(Duration.ofSeconds(-3)).label()).isEqualTo("15m");
    }

    @Test
    void percentile_tenSamples_readsTheBucketOfTheRankedSample() {
        Map<String, Long> histogram = counts("1h", 5, "4h", 4, "more", 1);

        assertThat(TimeBuckets.percentile(histogram, 0.5)).isEqualTo(new TimeEstimate(3600L, null, "≤ 1 h"));
        assertThat(TimeBuckets.percentile(histogram, 0.9)).isEqualTo(new TimeEstimate(14_400L, null, "≤ 4 h"));
        assertThat(TimeBuckets.percentile(histogram, 1.0)).isEqualTo(new TimeEstimate(null, 2_592_000L, "> 30 d"));
    }

    @Test
    void percentile_medianJustPastHalf_movesToTheNextBucket() {
        Map<String, Long> histogram = counts("15m", 2, "5d", 3);

        assertThat(TimeBuckets.percentile(histogram, 0.5).label()).isEqualTo("≤ 5 d");
        assertThat(TimeBuckets.percentile(histogram, 0.4).label()).isEqualTo("≤ 15 min");
    }

    @Test
    void percentile_nothingCounted_isNull() {
        assertThat(TimeBuckets.percentile(Map.of(), 0.5)).isNull();
        assertThat(TimeBuckets.percentile(counts("unknown", 4), 0.5)).isNull();
    }

    @Test
    void percentile_outsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> TimeBuckets.percentile(counts("1h", 1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeBuckets.percentile(counts("1h", 1), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
