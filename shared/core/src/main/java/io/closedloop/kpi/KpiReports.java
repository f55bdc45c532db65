package io.closedloop.kpi;

import static io.closedloop.kpi.KpiCounter.BREACHES;
import static io.closedloop.kpi.KpiCounter.CLOSED;
import static io.closedloop.kpi.KpiCounter.FIRST_RESPONSES;
import static io.closedloop.kpi.KpiCounter.FIRST_RESPONSE_IN_TARGET;
import static io.closedloop.kpi.KpiCounter.OPENED;
import static io.closedloop.kpi.KpiCounter.RESOLVED_IN_GOAL;
import static io.closedloop.kpi.KpiCounter.RESOLVED_IN_TARGET;

import io.closedloop.config.Goal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link KpiReport} from the day counters of a period and the campaign's totals. Pure. */
public final class KpiReports {

    /** The longest period a report covers: two years of days. */
    public static final int MAX_DAYS = 731;

    /** How many counts a {@link KpiReport.Day} holds. */
    private static final int DAY_COUNTS = 18;

    private KpiReports() {}

    /**
     * The report of {@code campaignId} from {@code from} to {@code to} (UTC days, inclusive).
     *
     * @param days the stored day buckets (any order; buckets of other campaigns or outside the period are ignored)
     * @param totals the campaign's totals bucket, or null when none was written yet
     * @param goal the campaign's goal; null means {@link Goal#DEFAULT}
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the period is longer than
     *     {@link #MAX_DAYS}
     */
    public static KpiReport build(
            String campaignId, LocalDate from, LocalDate to, List<KpiCounts> days, KpiCounts totals, Goal goal) {
        checkPeriod(from, to);
        Goal target = goal == null ? Goal.DEFAULT : goal;
        Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
        Map<String, Long> sum = new TreeMap<>();
        for (KpiCounts counts : days) {
            LocalDate day = counts.bucket().day();
            if (!counts.bucket().campaignId().equals(campaignId) || day == null || day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            Map<String, Long> dayCounters = byDay.computeIfAbsent(day, d -> new HashMap<>());
            counts.counters().forEach((counter, value) -> {
                dayCounters.merge(counter, value, Long::sum);
                sum.merge(counter, value, Long::sum);
            });
        }
        List<KpiReport.Day> series = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            series.add(day(day, byDay.getOrDefault(day, Map.of())));
        }
        long openNow = totals == null ? 0 : Math.max(0, totals.get(KpiCounter.OPEN_NOW));
        return new KpiReport(campaignId, from, to, target, totals(sum, openNow, target), series,
                owners(sum, KpiCounter.ASSIGNEE), owners(sum, KpiCounter.TEAM), causes(sum), recovery(sum), recoveryBy(sum),
                new KpiReport.Contact(get(sum, KpiCounter.ACKNOWLEDGED), share(get(sum, KpiCounter.ACKNOWLEDGED), get(sum, KpiCounter.RESPONSES)),
                        get(sum, KpiCounter.CUSTOMER_MESSAGES)));
    }

    /** Checks a period a report is asked for. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a period needs a first and a last day");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a period covers at most " + MAX_DAYS + " days");
        }
    }

    /** One day's figures from its counters. */
    static KpiReport.Day day(LocalDate day, Map<String, Long> c) {
        return day(day, new long[] {get(c, KpiCounter.RESPONSES), get(c, KpiCounter.NPS_RESPONSES),
            get(c, KpiCounter.NPS_DETRACTORS), get(c, KpiCounter.NPS_PROMOTERS), get(c, OPENED), get(c, CLOSED),
            get(c, KpiCounter.REOPENED), get(c, FIRST_RESPONSES), get(c, FIRST_RESPONSE_IN_TARGET), get(c, RESOLVED_IN_TARGET),
            get(c, RESOLVED_IN_GOAL), get(c, KpiCounter.FIRST_RESPONSE_BREACHES) + get(c, KpiCounter.RESOLUTION_BREACHES),
            get(c, KpiCounter.CHECK_INS_SENT), get(c, KpiCounter.CHECK_INS_ANSWERED), get(c, KpiCounter.RECOVERED),
            get(c, KpiCounter.REOPENED_BY_CUSTOMER), get(c, KpiCounter.ACKNOWLEDGED), get(c, KpiCounter.CUSTOMER_MESSAGES)});
    }

    /** The figures of several days together (a week or a month of a chart), labelled with the first day. */
    public static KpiReport.Day sum(LocalDate first, List<KpiReport.Day> days) {
        long[] s = new long[DAY_COUNTS];
        for (KpiReport.Day d : days) {
            long[] v = counts(d);
            for (int i = 0; i < v.length; i++) {
                s[i] += v[i];
            }
        }
        return day(first, s);
    }

    /** A day's counts in the order {@link #day(LocalDate, long[])} reads them. */
    private static long[] counts(KpiReport.Day d) {
        return new long[] {d.responses(), d.npsResponses(), d.npsDetractors(), d.npsPromoters(), d.opened(), d.closed(),
            d.reopened(), d.firstResponses(), d.firstResponsesWithinTarget(), d.resolvedWithinTarget(), d.resolvedWithinGoal(),
            d.breaches(), d.checkInsSent(), d.checkInsAnswered(), d.recovered(), d.reopenedByCustomer(), d.acknowledged(),
            d.customerMessages()};
    }

    private static KpiReport.Day day(LocalDate day, long[] v) {
        long closed = v[5];
        return new KpiReport.Day(day, v[0], v[1], v[2], v[3], nps(v[3], v[2], v[1]), v[4], closed, v[6], v[7], v[8],
                share(v[8], v[7]), v[9], share(v[9], closed), v[10], share(v[10], closed), v[11], v[12], v[13], v[14], v[15], v[16], v[17]);
    }

    private static KpiReport.Totals totals(Map<String, Long> c, long openNow, Goal goal) {
        long npsResponses = get(c, KpiCounter.NPS_RESPONSES);
        long closed = get(c, CLOSED);
        long reopened = get(c, KpiCounter.REOPENED);
        long firstResponses = get(c, FIRST_RESPONSES);
        long firstInTarget = get(c, FIRST_RESPONSE_IN_TARGET);
        long resolvedInTarget = get(c, RESOLVED_IN_TARGET);
        long resolvedInGoal = get(c, RESOLVED_IN_GOAL);
        long firstClosed = get(c, KpiCounter.FIRST_CLOSED);
        long firstReopened = get(c, KpiCounter.FIRST_REOPENED);
        long firstInTargetResolved = get(c, KpiCounter.FIRST_RESOLVED_IN_TARGET);
        long frBreaches = get(c, KpiCounter.FIRST_RESPONSE_BREACHES);
        long resBreaches = get(c, KpiCounter.RESOLUTION_BREACHES);
        Map<String, Long> frHistogram = histogram(c, KpiCounter.FIRST_RESPONSE_HISTOGRAM);
        Map<String, Long> closeHistogram = histogram(c, KpiCounter.CLOSE_HISTOGRAM);
        Double withinGoal = share(resolvedInGoal, closed);
        return new KpiReport.Totals(
                get(c, KpiCounter.RESPONSES), get(c, KpiCounter.DETRACTORS), get(c, KpiCounter.PASSIVES),
                get(c, KpiCounter.PROMOTERS), npsResponses, get(c, KpiCounter.NPS_DETRACTORS), get(c, KpiCounter.NPS_PROMOTERS),
                nps(get(c, KpiCounter.NPS_PROMOTERS), get(c, KpiCounter.NPS_DETRACTORS), npsResponses),
                get(c, OPENED), closed, openNow, reopened, share(reopened, closed),
                firstResponses, firstInTarget, share(firstInTarget, firstResponses),
                TimeBuckets.percentile(frHistogram, 0.5), TimeBuckets.percentile(frHistogram, 0.9),
                TimeBuckets.percentile(closeHistogram, 0.5), TimeBuckets.percentile(closeHistogram, 0.9),
                resolvedInTarget, share(resolvedInTarget, closed), resolvedInGoal, withinGoal,
                withinGoal == null ? null : withinGoal >= goal.share(),
                firstClosed, firstReopened, firstClosed == 0 ? null : round(clamp((double) (firstClosed - firstReopened) / firstClosed), 4),
                firstInTargetResolved, share(firstInTargetResolved, firstClosed),
                frBreaches + resBreaches, frBreaches, resBreaches, frHistogram, closeHistogram);
    }

    private static KpiReport.Recovery recovery(Map<String, Long> c) {
        long sent = get(c, KpiCounter.CHECK_INS_SENT);
        long answered = get(c, KpiCounter.CHECK_INS_ANSWERED);
        long recovered = get(c, KpiCounter.RECOVERED);
        long rescored = get(c, KpiCounter.RESCORED_DETRACTORS);
        long passive = get(c, KpiCounter.DETRACTORS_NOW_PASSIVE);
        long promoter = get(c, KpiCounter.DETRACTORS_NOW_PROMOTER);
        Double delta = rescored == 0 ? null : round((double) get(c, KpiCounter.RESCORE_DELTA_SUM) / rescored, 2);
        return new KpiReport.Recovery(sent, answered, share(answered, sent), recovered, share(recovered, answered),
                get(c, KpiCounter.REOPENED_BY_CUSTOMER), rescored, delta, passive, promoter, share(passive + promoter, rescored));
    }

    private static List<KpiReport.RecoveryOf> recoveryBy(Map<String, Long> sum) {
        List<KpiReport.RecoveryOf> rows = new ArrayList<>();
        Map<KpiReport.RecoveryDimension, String> dimensions = new LinkedHashMap<>();
        dimensions.put(KpiReport.RecoveryDimension.ASSIGNEE, KpiCounter.ASSIGNEE);
        dimensions.put(KpiReport.RecoveryDimension.TEAM, KpiCounter.TEAM);
        dimensions.put(KpiReport.RecoveryDimension.ROOT_CAUSE, KpiCounter.ROOT_CAUSE);
        dimensions.put(KpiReport.RecoveryDimension.RULE, KpiCounter.RULE);
        dimensions.forEach((dimension, prefix) -> breakdown(sum, prefix).entrySet().stream()
                .map(e -> new KpiReport.RecoveryOf(dimension, e.getKey(), recovery(e.getValue())))
                .filter(r -> r.recovery().checkInsSent() != 0 || r.recovery().checkInsAnswered() != 0)
                .sorted(Comparator.comparingLong((KpiReport.RecoveryOf r) -> -r.recovery().checkInsSent())
                        .thenComparing(KpiReport.RecoveryOf::id))
                .forEach(rows::add));
        return rows;
    }

    private static Map<String, Long> histogram(Map<String, Long> c, String prefix) {
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (TimeBuckets.Bucket bucket : TimeBuckets.ALL) {
            histogram.put(bucket.label(), get(c, KpiCounter.histogram(prefix, bucket)));
        }
        return histogram;
    }

    private static List<KpiReport.Owner> owners(Map<String, Long> sum, String dimension) {
        Map<String, Map<String, Long>> byId = breakdown(sum, dimension);
        return byId.entrySet().stream()
                .map(e -> {
                    Map<String, Long> c = e.getValue();
                    long closed = get(c, CLOSED);
                    long firstResponses = get(c, FIRST_RESPONSES);
                    long answered = get(c, KpiCounter.CHECK_INS_ANSWERED);
                    long recovered = get(c, KpiCounter.RECOVERED);
                    return new KpiReport.Owner(e.getKey(), get(c, OPENED), closed, firstResponses,
                            share(get(c, FIRST_RESPONSE_IN_TARGET), firstResponses), share(get(c, RESOLVED_IN_TARGET), closed),
                            share(get(c, RESOLVED_IN_GOAL), closed), get(c, BREACHES), answered, recovered, share(recovered, answered));
                })
                .filter(o -> o.opened() != 0 || o.closed() != 0 || o.firstResponses() != 0 || o.breaches() != 0 || o.checkInsAnswered() != 0)
                .sorted(Comparator.comparingLong((KpiReport.Owner o) -> -(o.opened() + o.closed()))
                        .thenComparing(KpiReport.Owner::id))
                .toList();
    }

    private static List<KpiReport.Cause> causes(Map<String, Long> sum) {
        long allClosed = get(sum, CLOSED);
        return breakdown(sum, KpiCounter.ROOT_CAUSE).entrySet().stream()
                .map(e -> {
                    long closed = get(e.getValue(), CLOSED);
                    return new KpiReport.Cause(e.getKey(), closed, share(closed, allClosed),
                            share(get(e.getValue(), RESOLVED_IN_TARGET), closed));
                })
                .filter(c -> c.closed() != 0)
                .sorted(Comparator.comparingLong((KpiReport.Cause c) -> -c.closed()).thenComparing(KpiReport.Cause::id))
                .toList();
    }

    private static Map<String, Map<String, Long>> breakdown(Map<String, Long> sum, String dimension) {
        Map<String, Map<String, Long>> byId = new TreeMap<>();
        sum.forEach((name, value) -> {
            KpiCounter.Breakdown parts = KpiCounter.parse(dimension, name);
            if (parts != null) {
                byId.computeIfAbsent(parts.id(), id -> new HashMap<>()).merge(parts.counter(), value, Long::sum);
            }
        });
        return byId;
    }

    /** NPS = % promoters − % detractors, one decimal; null without NPS responses. */
    static Double nps(long promoters, long detractors, long responses) {
        return responses <= 0 ? null : round(100.0 * (promoters - detractors) / responses, 1);
    }

    /** part / whole in [0, 1], four decimals; null when the whole is zero. */
    static Double share(long part, long whole) {
        return whole <= 0 ? null : round(clamp((double) part / whole), 4);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static long get(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }
}
