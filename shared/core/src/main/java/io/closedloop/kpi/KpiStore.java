package io.closedloop.kpi;

import io.closedloop.config.Goal;
import java.time.LocalDate;
import java.util.List;

/** Where the pre-aggregated counters live: added to as changes happen, read by reports. */
public interface KpiStore {

    /** Adds each increment to its bucket's counters (creating them at 0); increments of one bucket are merged first. */
    void add(List<KpiIncrement> increments);

    /** The day buckets of a campaign from {@code from} to {@code to} inclusive, oldest first; days with no item are absent. */
    List<KpiCounts> days(String campaignId, LocalDate from, LocalDate to);

    /** The campaign's running totals (open cases now); empty counters when none were written yet. */
    KpiCounts totals(String campaignId);

    /** The report of a campaign's period: its days (one query) and its totals, against {@code goal}. */
    default KpiReport report(String campaignId, LocalDate from, LocalDate to, Goal goal) {
        return KpiReports.build(campaignId, from, to, days(campaignId, from, to), totals(campaignId), goal);
    }
}
