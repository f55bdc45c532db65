package io.closedloop.kpi;

import io.closedloop.config.Goal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of one campaign over a period (UTC days, both ends included), as the KPI API returns them in JSON and the
 * dashboard and CSV export show them. Shares are in [0, 1] and null when nothing was counted to divide by; NPS is in
 * [−100, 100], null without NPS responses. Times are histogram estimates ({@link TimeEstimate}).
 *
 * @param days every day of the period, oldest first, zeros on days without activity
 * @param byAssignee by the assignee at the time of each event; the id {@code -} collects unassigned cases
 * @param byRootCause closes by the root cause at close time (moved when it is set later)
 * @param recoveryBy the check-ins by assignee, team, root cause and rule, as the case stood at each check-in
 * @param contact what customers heard from us besides the check-in: acknowledgements and responders' messages
 */
public record KpiReport(
        String campaignId,
        LocalDate from,
        LocalDate to,
        Goal goal,
        Totals totals,
        List<Day> days,
        List<Owner> byAssignee,
        List<Owner> byTeam,
        List<Cause> byRootCause,
        Recovery recovery,
        List<RecoveryOf> recoveryBy,
        Contact contact) {

    public KpiReport {
        days = List.copyOf(days);
        byAssignee = List.copyOf(byAssignee);
        byTeam = List.copyOf(byTeam);
        byRootCause = List.copyOf(byRootCause);
        recoveryBy = List.copyOf(recoveryBy);
    }

    /**
     * The period's figures.
     *
     * @param detractors all scales (NPS, CSAT, CES), like passives and promoters
     * @param npsResponses NPS-scale responses only, with npsDetractors and npsPromoters: what {@code nps} is made of
     * @param openNow cases open at the time of the report (not bound to the period)
     * @param reopenRate reopens / closes in the period
     * @param firstTimeResolutionRate (first closes − first reopens) / first closes: first closes that held
     * @param firstTimeResolvedWithinTargetShare first closes within the first cycle's resolution target / first closes
     * @param resolvedWithinGoalShare closes within the goal's duration from opening / closes, to compare with
     *     {@code goal.share()}
     * @param goalMet whether that share reaches the goal; null without closes
     * @param firstResponseHistogram counts per {@link TimeBuckets} label, every bucket listed, in order
     */
    public record Totals(
            long responses,
            long detractors,
            long passives,
            long promoters,
            long npsResponses,
            long npsDetractors,
            long npsPromoters,
            Double nps,
            long opened,
            long closed,
            long openNow,
            long reopened,
            Double reopenRate,
            long firstResponses,
            long firstResponsesWithinTarget,
            Double firstResponseWithinTargetShare,
            TimeEstimate firstResponseMedian,
            TimeEstimate firstResponseP90,
            TimeEstimate closeMedian,
            TimeEstimate closeP90,
            long resolvedWithinTarget,
            Double resolvedWithinTargetShare,
            long resolvedWithinGoal,
            Double resolvedWithinGoalShare,
            Boolean goalMet,
            long firstClosed,
            long firstReopened,
            Double firstTimeResolutionRate,
            long firstResolvedWithinTarget,
            Double firstTimeResolvedWithinTargetShare,
            long breaches,
            long firstResponseBreaches,
            long resolutionBreaches,
            Map<String, Long> firstResponseHistogram,
            Map<String, Long> closeHistogram) {}

    /** One day (or, in charts, one week or month starting on {@code day}). */
    public record Day(
            LocalDate day,
            long responses,
            long npsResponses,
            long npsDetractors,
            long npsPromoters,
            Double nps,
            long opened,
            long closed,
            long reopened,
            long firstResponses,
            long firstResponsesWithinTarget,
            Double firstResponseWithinTargetShare,
            long resolvedWithinTarget,
            Double resolvedWithinTargetShare,
            long resolvedWithinGoal,
            Double resolvedWithinGoalShare,
            long breaches,
            long checkInsSent,
            long checkInsAnswered,
            long recovered,
            long reopenedByCustomer,
            long acknowledged,
            long customerMessages) {}

    /** The figures of one assignee or team; {@code recovered} of {@code checkInsAnswered} said the issue is resolved. */
    public record Owner(
            String id,
            long opened,
            long closed,
            long firstResponses,
            Double firstResponseWithinTargetShare,
            Double resolvedWithinTargetShare,
            Double resolvedWithinGoalShare,
            long breaches,
            long checkInsAnswered,
            long recovered,
            Double recoveryRate) {}

    /**
     * The check-ins of the period (docs/customer-loop.md).
     *
     * @param answerRate answered / sent
     * @param recoveryRate answered "resolved" / answered
     * @param rescoreDeltaAverage the mean of (new score − old) over the detractors who gave a new score
     * @param conversionRate those detractors now passive or promoter / those who gave a new score
     */
    public record Recovery(
            long checkInsSent,
            long checkInsAnswered,
            Double answerRate,
            long recovered,
            Double recoveryRate,
            long reopenedByCustomer,
            long rescoredDetractors,
            Double rescoreDeltaAverage,
            long detractorsNowPassive,
            long detractorsNowPromoter,
            Double conversionRate) {}

    /**
     * Acknowledgements sent (a case's, or a response's that opened no case) and messages responders wrote to customers.
     *
     * @param acknowledgedShare acknowledged / responses of the period
     */
    public record Contact(long acknowledged, Double acknowledgedShare, long customerMessages) {}

    /** The dimensions of {@link #recoveryBy}. */
    public enum RecoveryDimension { ASSIGNEE, TEAM, ROOT_CAUSE, RULE }

    /** The check-ins of one assignee, team, root cause or rule; the id {@code -} collects cases without one. */
    public record RecoveryOf(RecoveryDimension dimension, String id, Recovery recovery) {}

    /** The closes of one root cause; {@code shareOfClosed} is its part of all closes in the period. */
    public record Cause(String id, long closed, Double shareOfClosed, Double resolvedWithinTargetShare) {}
}
