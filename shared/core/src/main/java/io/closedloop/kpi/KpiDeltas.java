package io.closedloop.kpi;

import static io.closedloop.kpi.KpiCounter.ASSIGNEE;
import static io.closedloop.kpi.KpiCounter.BREACHES;
import static io.closedloop.kpi.KpiCounter.CLOSED;
import static io.closedloop.kpi.KpiCounter.CLOSE_HISTOGRAM;
import static io.closedloop.kpi.KpiCounter.FIRST_CLOSED;
import static io.closedloop.kpi.KpiCounter.FIRST_REOPENED;
import static io.closedloop.kpi.KpiCounter.FIRST_RESOLVED_IN_TARGET;
import static io.closedloop.kpi.KpiCounter.FIRST_RESPONSES;
import static io.closedloop.kpi.KpiCounter.FIRST_RESPONSE_BREACHES;
import static io.closedloop.kpi.KpiCounter.FIRST_RESPONSE_HISTOGRAM;
import static io.closedloop.kpi.KpiCounter.FIRST_RESPONSE_IN_TARGET;
import static io.closedloop.kpi.KpiCounter.OPENED;
import static io.closedloop.kpi.KpiCounter.OPEN_NOW;
import static io.closedloop.kpi.KpiCounter.REOPENED;
import static io.closedloop.kpi.KpiCounter.RESOLUTION_BREACHES;
import static io.closedloop.kpi.KpiCounter.RESOLVED_IN_GOAL;
import static io.closedloop.kpi.KpiCounter.RESOLVED_IN_TARGET;
import static io.closedloop.kpi.KpiCounter.RESPONSES;
import static io.closedloop.kpi.KpiCounter.ROOT_CAUSE;
import static io.closedloop.kpi.KpiCounter.RULE;
import static io.closedloop.kpi.KpiCounter.TEAM;

import io.closedloop.app.Change;
import io.closedloop.app.Change.AcknowledgementChange;
import io.closedloop.app.Change.CaseChange;
import io.closedloop.app.Change.ResponseChange;
import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityDetails;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Goal;
import io.closedloop.customer.CheckIns;
import io.closedloop.domain.Category;
import io.closedloop.domain.Response;
import io.closedloop.domain.ScoreType;
import io.closedloop.sla.SlaClock;
import io.closedloop.sla.TargetWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a batch of stored changes into counter increments, one per bucket (campaign and UTC day of the event, or the
 * campaign's totals). Pure: the same batch always gives the same increments. What counts what is listed in
 * docs/kpis.md; in short:
 *
 * <ul>
 *   <li>a new response: responses + 1 and its category; a changed score moves its category (−1 old, +1 new);
 *   <li>CASE_OPENED, CASE_CLOSED, CASE_REOPENED entries appended by the change: opened, closed (time to close,
 *       within the resolution target, within the campaign goal, first close), reopened; open now in the totals;
 *   <li>the first response (firstResponseAt, or the SLA first-response window stopping): time to first response
 *       and within target;
 *   <li>a breach newly recorded in the SLA clock (a window's breachedAt set), per target;
 *   <li>a root cause set on a closed case moves that close from the old cause to the new one;
 *   <li>an acknowledgement sent (a case's, or a response's with no case) and a responder's message to the customer.
 * </ul>
 * Removals (after == null) count nothing: the history stays counted when a response or case expires.
 */
public final class KpiDeltas {

    private KpiDeltas() {}

    /** The increments of a batch, with each campaign's goal read from {@code config} (the default goal if unknown). */
    public static List<KpiIncrement> of(List<? extends Change> changes, Configuration config) {
        return of(changes, campaignId -> config.campaign(campaignId).map(Campaign::goal).orElse(Goal.DEFAULT));
    }

    /**
     * The increments of a batch, merged: at most one per bucket, counters that add up to zero left out.
     *
     * @param goalOf a campaign's goal (what "resolved within goal" measures against); null means the default goal
     */
    public static List<KpiIncrement> of(List<? extends Change> changes, Function<String, Goal> goalOf) {
        Tally tally = new Tally();
        for (Change change : changes) {
            switch (change) {
                case ResponseChange r -> response(tally, r.before(), r.after());
                case CaseChange c -> caseChange(tally, c.before(), c.after(), goalOf);
                case AcknowledgementChange a when a.delivered() ->
                        tally.add(KpiBucket.day(a.after().campaignId(), utcDay(a.after().alert().sentAt())), KpiCounter.ACKNOWLEDGED, 1);
                case AcknowledgementChange a -> { }
            }
        }
        return tally.increments();
    }

    /** Merges increments of the same bucket into one, dropping counters that add up to zero and empty buckets. */
    public static List<KpiIncrement> merge(Collection<KpiIncrement> increments) {
        Tally tally = new Tally();
        for (KpiIncrement increment : increments) {
            increment.counters().forEach((counter, delta) -> tally.add(increment.bucket(), counter, delta));
        }
        return tally.increments();
    }

    private static void response(Tally tally, Response before, Response after) {
        if (after == null) {
            return;
        }
        KpiBucket bucket = bucketOf(after);
        if (before == null && bucket != null) {
            tally.add(bucket, RESPONSES, 1);
        }
        // An unchanged score cancels out here, so an update that does not touch the score counts nothing
        score(tally, before, -1);
        score(tally, after, 1);
    }

    private static void score(Tally tally, Response response, long sign) {
        KpiBucket bucket = response == null || response.score() == null ? null : bucketOf(response);
        if (bucket == null) {
            return;
        }
        Category category = response.score().category();
        tally.add(bucket, switch (category) {
            case DETRACTOR -> KpiCounter.DETRACTORS;
            case PASSIVE -> KpiCounter.PASSIVES;
            case PROMOTER -> KpiCounter.PROMOTERS;
        }, sign);
        if (response.score().type() == ScoreType.NPS) {
            tally.add(bucket, KpiCounter.NPS_RESPONSES, sign);
            if (category == Category.DETRACTOR) {
                tally.add(bucket, KpiCounter.NPS_DETRACTORS, sign);
            } else if (category == Category.PROMOTER) {
                tally.add(bucket, KpiCounter.NPS_PROMOTERS, sign);
            }
        }
    }

    private static KpiBucket bucketOf(Response response) {
        return response.campaignId() == null || response.submittedAt() == null
                ? null
                : KpiBucket.day(response.campaignId(), utcDay(response.submittedAt()));
    }

    private static void caseChange(Tally tally, Case before, Case after, Function<String, Goal> goalOf) {
        if (after == null || after.campaignId() == null) {
            return;
        }
        CaseTally counts = new CaseTally(tally, after);
        // Whether a close counted by an earlier change (with the root cause of that time) is the case's latest one
        boolean earlierCloseStands = before != null && before.isClosed();
        for (Activity entry : after.activitiesAfter(before == null ? 0 : before.lastSeq())) {
            switch (entry.type()) {
                case CASE_OPENED -> opened(counts, entry);
                case CASE_CLOSED -> {
                    closed(counts, entry, goalOf);
                    earlierCloseStands = false;
                }
                case CASE_REOPENED -> {
                    reopened(counts, entry);
                    earlierCloseStands = false;
                }
                case CHECK_IN_SENT -> counts.recovery(entry.at(), KpiCounter.CHECK_INS_SENT, 1);
                case CHECK_IN_ANSWERED -> checkInAnswered(counts, entry);
                case CUSTOMER_ACKNOWLEDGED -> counts.day(entry.at(), KpiCounter.ACKNOWLEDGED, 1);
                case CUSTOMER_CONTACTED -> counts.day(entry.at(), KpiCounter.CUSTOMER_MESSAGES, 1);
                case ROOT_CAUSE_SET -> {
                    if (earlierCloseStands) {
                        rootCauseMovedAfterClose(counts, entry);
                    }
                }
                default -> { }
            }
        }
        firstResponse(counts, before);
        breaches(counts, before);
    }

    private static void opened(CaseTally counts, Activity entry) {
        counts.owners(entry.at(), OPENED, 1);
        counts.totals(OPEN_NOW, 1);
    }

    private static void closed(CaseTally counts, Activity entry, Function<String, Goal> goalOf) {
        Case c = counts.kase;
        Instant at = entry.at();
        int cycle = reopensBefore(c, entry.seq());
        boolean inTarget = inTarget(resolutionWindow(c.sla(), cycle), at);
        counts.owners(at, CLOSED, 1);
        counts.rootCause(at, c.rootCauseId(), CLOSED, 1);
        if (inTarget) {
            counts.owners(at, RESOLVED_IN_TARGET, 1);
            counts.rootCause(at, c.rootCauseId(), RESOLVED_IN_TARGET, 1);
        }
        if (cycle == 0) {
            counts.day(at, FIRST_CLOSED, 1);
            if (inTarget) {
                counts.day(at, FIRST_RESOLVED_IN_TARGET, 1);
            }
        }
        if (c.openedAt() != null) {
            Duration toClose = Duration.between(c.openedAt(), at);
            counts.day(at, KpiCounter.histogram(CLOSE_HISTOGRAM, TimeBuckets.of(toClose)), 1);
            if (toClose.compareTo(goalWindow(goalOf.apply(c.campaignId()))) <= 0) {
                counts.owners(at, RESOLVED_IN_GOAL, 1);
            }
        }
        counts.totals(OPEN_NOW, -1);
    }

    /** The customer's answer, counted for the owner, root cause and rule of the case as it stands when answered. */
    private static void checkInAnswered(CaseTally counts, Activity entry) {
        Instant at = entry.at();
        counts.recovery(at, KpiCounter.CHECK_INS_ANSWERED, 1);
        if ("true".equals(entry.detail(CheckIns.RESOLVED))) {
            counts.recovery(at, KpiCounter.RECOVERED, 1);
        }
        Integer before = number(entry.detail(CheckIns.SCORE_BEFORE));
        Integer after = number(entry.detail(CheckIns.RESCORE));
        if (before == null || after == null || before > CheckIns.DETRACTOR_MAX) {
            return;
        }
        counts.recovery(at, KpiCounter.RESCORED_DETRACTORS, 1);
        counts.recovery(at, KpiCounter.RESCORE_DELTA_SUM, after - before);
        if (after >= 9) {
            counts.recovery(at, KpiCounter.DETRACTORS_NOW_PROMOTER, 1);
        } else if (after > CheckIns.DETRACTOR_MAX) {
            counts.recovery(at, KpiCounter.DETRACTORS_NOW_PASSIVE, 1);
        }
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static void reopened(CaseTally counts, Activity entry) {
        if (CheckIns.CUSTOMER.equals(entry.actor())) {
            counts.recovery(entry.at(), KpiCounter.REOPENED_BY_CUSTOMER, 1);
        }
        counts.day(entry.at(), REOPENED, 1);
        if (reopensBefore(counts.kase, entry.seq()) == 0) {
            counts.day(entry.at(), FIRST_REOPENED, 1);
        }
        counts.totals(OPEN_NOW, 1);
    }

    /** Moves the latest close from the old root cause to the new one, on the day of that close. */
    private static void rootCauseMovedAfterClose(CaseTally counts, Activity entry) {
        Case c = counts.kase;
        Activity close = null;
        for (Activity a : c.activities()) {
            if (a.seq() < entry.seq() && a.type() == ActivityType.CASE_CLOSED) {
                close = a;
            }
        }
        if (close == null) {
            return;
        }
        String from = entry.detail(ActivityDetails.FROM);
        String to = entry.detail(ActivityDetails.TO) != null ? entry.detail(ActivityDetails.TO) : c.rootCauseId();
        boolean inTarget = inTarget(resolutionWindow(c.sla(), reopensBefore(c, close.seq())), close.at());
        counts.rootCause(close.at(), from, CLOSED, -1);
        counts.rootCause(close.at(), to, CLOSED, 1);
        if (inTarget) {
            counts.rootCause(close.at(), from, RESOLVED_IN_TARGET, -1);
            counts.rootCause(close.at(), to, RESOLVED_IN_TARGET, 1);
        }
    }

    /**
     * The first response: the change that sets {@code firstResponseAt}, or that stops the first-response window (a
     * close without any action or note first), whichever comes first; counted once per case.
     */
    private static void firstResponse(CaseTally counts, Case before) {
        Case c = counts.kase;
        if (responded(before) || !responded(c)) {
            return;
        }
        TargetWindow window = c.sla() == null ? null : c.sla().firstResponse();
        Instant at = c.firstResponseAt() != null ? c.firstResponseAt() : window.metAt();
        Instant from = c.response() != null && c.response().submittedAt() != null ? c.response().submittedAt()
                : window != null ? window.startedAt() : c.openedAt();
        counts.owners(at, FIRST_RESPONSES, 1);
        if (inTarget(window, at)) {
            counts.owners(at, FIRST_RESPONSE_IN_TARGET, 1);
        }
        if (from != null) {
            counts.day(at, KpiCounter.histogram(FIRST_RESPONSE_HISTOGRAM, TimeBuckets.of(Duration.between(from, at))), 1);
        }
    }

    private static boolean responded(Case c) {
        return c != null && (c.firstResponseAt() != null || (c.sla() != null && c.sla().firstResponse().metAt() != null));
    }

    /** Breaches newly recorded in the clock: a window whose breachedAt is set now and was not before (once each). */
    private static void breaches(CaseTally counts, Case before) {
        SlaClock now = counts.kase.sla();
        if (now == null) {
            return;
        }
        SlaClock was = before == null ? null : before.sla();
        if (newlyBreached(was == null ? null : was.firstResponse(), now.firstResponse())) {
            breach(counts, now.firstResponse().breachedAt(), FIRST_RESPONSE_BREACHES);
        }
        List<TargetWindow> cycles = cycles(now);
        List<TargetWindow> earlier = was == null ? List.of() : cycles(was);
        for (int i = 0; i < cycles.size(); i++) {
            if (newlyBreached(i < earlier.size() ? earlier.get(i) : null, cycles.get(i))) {
                breach(counts, cycles.get(i).breachedAt(), RESOLUTION_BREACHES);
            }
        }
    }

    private static boolean newlyBreached(TargetWindow was, TargetWindow now) {
        return now.breachedAt() != null && (was == null || was.breachedAt() == null);
    }

    private static void breach(CaseTally counts, Instant at, String counter) {
        counts.day(at, counter, 1);
        counts.breakdowns(at, BREACHES, 1);
    }

    private static List<TargetWindow> cycles(SlaClock clock) {
        List<TargetWindow> cycles = new ArrayList<>(clock.earlierResolutions());
        cycles.add(clock.resolution());
        return cycles;
    }

    /** The resolution window of cycle {@code cycle} (0 until the first reopen); null without a clock. */
    private static TargetWindow resolutionWindow(SlaClock clock, int cycle) {
        if (clock == null) {
            return null;
        }
        List<TargetWindow> cycles = cycles(clock);
        return cycle < cycles.size() ? cycles.get(cycle) : clock.resolution();
    }

    /**
     * Whether a window stopped at {@code at} was within target: as the window says once stopped, else by its
     * deadline. No clock or no target means nothing could be missed, as in {@link TargetWindow#withinTarget()}.
     */
    private static boolean inTarget(TargetWindow window, Instant at) {
        if (window == null) {
            return true;
        }
        if (window.metAt() != null) {
            return window.withinTarget();
        }
        return window.dueAt() == null || at.isBefore(window.dueAt());
    }

    private static int reopensBefore(Case c, int seq) {
        return (int) c.activities().stream().filter(a -> a.seq() < seq && a.type() == ActivityType.CASE_REOPENED).count();
    }

    private static Duration goalWindow(Goal goal) {
        return goal == null || goal.within() == null ? Goal.DEFAULT.within() : goal.within();
    }

    private static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Adds a case's counters to the campaign's day, its owner breakdowns and its totals. */
    private static final class CaseTally {
        private final Tally tally;
        private final Case kase;

        CaseTally(Tally tally, Case kase) {
            this.tally = tally;
            this.kase = kase;
        }

        void day(Instant at, String counter, long delta) {
            tally.add(KpiBucket.day(kase.campaignId(), utcDay(at)), counter, delta);
        }

        /** The campaign counter and the same counter by assignee and team. */
        void owners(Instant at, String counter, long delta) {
            day(at, counter, delta);
            breakdowns(at, counter, delta);
        }

        void breakdowns(Instant at, String counter, long delta) {
            day(at, KpiCounter.of(ASSIGNEE, kase.assigneeId(), counter), delta);
            day(at, KpiCounter.of(TEAM, kase.teamId(), counter), delta);
        }

        void rootCause(Instant at, String rootCauseId, String counter, long delta) {
            day(at, KpiCounter.of(ROOT_CAUSE, rootCauseId, counter), delta);
        }

        /** A check-in counter: for the campaign, the owners, the case's current root cause and the rule that opened it. */
        void recovery(Instant at, String counter, long delta) {
            owners(at, counter, delta);
            rootCause(at, kase.rootCauseId(), counter, delta);
            day(at, KpiCounter.of(RULE, kase.opening() == null ? null : kase.opening().ruleId(), counter), delta);
        }

        void totals(String counter, long delta) {
            tally.add(KpiBucket.totals(kase.campaignId()), counter, delta);
        }
    }

    /** Counters per bucket, summed as they come. */
    private static final class Tally {
        private final Map<KpiBucket, Map<String, Long>> buckets = new HashMap<>();

        void add(KpiBucket bucket, String counter, long delta) {
            buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).merge(counter, delta, Long::sum);
        }

        List<KpiIncrement> increments() {
            List<KpiIncrement> increments = new ArrayList<>();
            buckets.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(KpiBucket.ORDER))
                    .forEach(e -> {
                        Map<String, Long> nonZero = new TreeMap<>(e.getValue());
                        nonZero.values().removeIf(v -> v == 0);
                        if (!nonZero.isEmpty()) {
                            increments.add(new KpiIncrement(e.getKey(), nonZero));
                        }
                    });
            return increments;
        }
    }
}
