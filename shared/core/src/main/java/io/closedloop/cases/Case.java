package io.closedloop.cases;

import io.closedloop.config.Priority;
import io.closedloop.domain.Response;
import io.closedloop.sla.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-up of one response. A case is one item in the store and the unit of consistency: its alerts, SLA clock
 * and activity log live inside it, so every change is one conditional write on {@code version} (optimistic locking)
 * and a case can never be half-written.
 *
 * @param firstClosedAt when the case was first closed (first-time resolution); {@code closedAt} is the latest close
 * @param linkGeneration bumped to revoke every link and session issued for this case so far
 */
public record Case(
        String id,
        long version,
        String campaignId,
        Response response,
        CaseStatus status,
        Priority priority,
        String assigneeId,
        String teamId,
        List<String> watcherIds,
        Opening opening,
        PlanProgress plan,
        String rootCauseId,
        SlaClock sla,
        Map<String, Alert> alerts,
        List<Activity> activities,
        Instant openedAt,
        Instant firstResponseAt,
        Instant closedAt,
        Instant firstClosedAt,
        int reopenCount,
        int linkGeneration) {

    public Case {
        Objects.requireNonNull(id, "id");
        watcherIds = watcherIds == null ? List.of() : List.copyOf(watcherIds);
        alerts = alerts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alerts));
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    public int lastSeq() {
        return activities.isEmpty() ? 0 : activities.getLast().seq();
    }

    /** The entries appended after {@code seq}: what a stored change added, for publishing domain events. */
    public List<Activity> activitiesAfter(int seq) {
        return activities.stream().filter(a -> a.seq() > seq).toList();
    }

    public Optional<Alert> alert(String key) {
        return Optional.ofNullable(alerts.get(key));
    }

    /**
     * When this case next needs the scheduled check: the earliest of its SLA clock's next event and its alerts'
     * retry times; null when nothing is pending (then the case leaves the due index).
     */
    public Instant nextDueAt() {
        Instant next = sla == null ? null : sla.nextDueAt();
        for (Alert alert : alerts.values()) {
            Instant due = alert.dueAt();
            if (due != null && (next == null || due.isBefore(next))) {
                next = due;
            }
        }
        return next;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with-changes for a record this wide; {@link #append} numbers new log entries. */
    public static final class Builder {
        private final String id;
        private long version;
        private String campaignId;
        private Response response;
        private CaseStatus status;
        private Priority priority;
        private String assigneeId;
        private String teamId;
        private List<String> watcherIds;
        private Opening opening;
        private PlanProgress plan;
        private String rootCauseId;
        private SlaClock sla;
        private final Map<String, Alert> alerts;
        private final List<Activity> activities;
        private Instant openedAt;
        private Instant firstResponseAt;
        private Instant closedAt;
        private Instant firstClosedAt;
        private int reopenCount;
        private int linkGeneration;

        public Builder(String id) {
            this.id = id;
            this.alerts = new LinkedHashMap<>();
            this.activities = new ArrayList<>();
            this.watcherIds = List.of();
            this.status = CaseStatus.OPEN;
            this.priority = Priority.NORMAL;
        }

        private Builder(Case c) {
            this.id = c.id;
            this.version = c.version;
            this.campaignId = c.campaignId;
            this.response = c.response;
            this.status = c.status;
            this.priority = c.priority;
            this.assigneeId = c.assigneeId;
            this.teamId = c.teamId;
            this.watcherIds = c.watcherIds;
            this.opening = c.opening;
            this.plan = c.plan;
            this.rootCauseId = c.rootCauseId;
            this.sla = c.sla;
            this.alerts = new LinkedHashMap<>(c.alerts);
            this.activities = new ArrayList<>(c.activities);
            this.openedAt = c.openedAt;
            this.firstResponseAt = c.firstResponseAt;
            this.closedAt = c.closedAt;
            this.firstClosedAt = c.firstClosedAt;
            this.reopenCount = c.reopenCount;
            this.linkGeneration = c.linkGeneration;
        }

        public Builder version(long v) { this.version = v; return this; }
        public Builder campaignId(String v) { this.campaignId = v; return this; }
        public Builder response(Response v) { this.response = v; return this; }
        public Builder status(CaseStatus v) { this.status = v; return this; }
        public Builder priority(Priority v) { this.priority = v; return this; }
        public Builder assigneeId(String v) { this.assigneeId = v; return this; }
        public Builder teamId(String v) { this.teamId = v; return this; }
        public Builder watcherIds(List<String> v) { this.watcherIds = v; return this; }
        public Builder opening(Opening v) { this.opening = v; return this; }
        public Builder plan(PlanProgress v) { this.plan = v; return this; }
        public Builder rootCauseId(String v) { this.rootCauseId = v; return this; }
        public Builder sla(SlaClock v) { this.sla = v; return this; }
        public Builder openedAt(Instant v) { this.openedAt = v; return this; }
        public Builder firstResponseAt(Instant v) { this.firstResponseAt = v; return this; }
        public Builder closedAt(Instant v) { this.closedAt = v; return this; }
        public Builder firstClosedAt(Instant v) { this.firstClosedAt = v; return this; }
        public Builder reopenCount(int v) { this.reopenCount = v; return this; }
        public Builder linkGeneration(int v) { this.linkGeneration = v; return this; }

        public Builder alert(Alert alert) {
            alerts.put(alert.key(), alert);
            return this;
        }

        public Map<String, Alert> alerts() {
            return alerts;
        }

        public Case current() {
            return build();
        }

        /** Appends a log entry with the next sequence number. */
        public Builder append(Instant at, String actor, ActivityType type, Map<String, String> details) {
            int seq = activities.isEmpty() ? 1 : activities.getLast().seq() + 1;
            activities.add(new Activity(seq, at, actor, type, details));
            return this;
        }

        public Case build() {
            return new Case(id, version, campaignId, response, status, priority, assigneeId, teamId, watcherIds, opening, plan,
                    rootCauseId, sla, alerts, activities, openedAt, firstResponseAt, closedAt, firstClosedAt, reopenCount,
                    linkGeneration);
        }
    }

    /** Orders cases newest first, as lists show them. */
    public static final Comparator<Case> NEWEST_FIRST = Comparator.comparing(Case::openedAt).reversed().thenComparing(Case::id);
}
