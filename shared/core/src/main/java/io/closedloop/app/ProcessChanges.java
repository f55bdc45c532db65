package io.closedloop.app;

import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.customer.ResponseAcknowledgements;
import io.closedloop.domain.Response;
import io.closedloop.kpi.KpiDeltas;
import io.closedloop.kpi.KpiStore;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.DomainEvent;
import io.closedloop.ports.EventPublisher;
import io.closedloop.rules.Decision;
import io.closedloop.rules.Evaluation;
import io.closedloop.rules.RoundRobinCounter;
import io.closedloop.rules.RuleEngine;
import io.closedloop.rules.RuleEvaluator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reacts to stored changes, in stream order: a new or changed response is judged by the campaign's rules and may
 * open its case (created once: the case id derives from the response), the new case's alerts go out, every fact is
 * published as a domain event, and KPI counters are fed. Each step is idempotent, so a batch retried after a
 * failure or a crash repeats nothing that matters. Processing stops at the first failing change; everything before
 * it is done and counted, and the caller retries from it.
 */
public final class ProcessChanges {

    private final CaseStore cases;
    private final ConfigCache config;
    private final RoundRobinCounter roundRobin;
    private static final java.util.Set<AlertKind> COMMAND_ALERTS = java.util.EnumSet.of(AlertKind.NEW_CASE, AlertKind.CHECK_IN,
            AlertKind.CUSTOMER_REOPENED, AlertKind.CUSTOMER_MESSAGE);

    private final AlertDispatcher dispatcher;
    private final ResponseAcknowledgements acknowledgements;
    private final EventPublisher events;
    private final KpiStore kpis;
    private final InstantSource clock;

    public ProcessChanges(CaseStore cases, ConfigCache config, RoundRobinCounter roundRobin, AlertDispatcher dispatcher,
            ResponseAcknowledgements acknowledgements, EventPublisher events, KpiStore kpis, InstantSource clock) {
        this.acknowledgements = acknowledgements;
        this.cases = cases;
        this.config = config;
        this.roundRobin = roundRobin;
        this.dispatcher = dispatcher;
        this.events = events;
        this.kpis = kpis;
        this.clock = clock;
    }

    /** @return the sequence number of the first change that must be retried, or null when all succeeded */
    public String process(List<Change> changes) {
        List<Change> done = new ArrayList<>(changes.size());
        String retryFrom = null;
        for (Change change : changes) {
            try {
                handle(change);
                done.add(change);
            } catch (RuntimeException e) {
                retryFrom = change.sequence();
                Log.error("change not processed; it will be retried", Map.of("sequence", change.sequence(), "error", Failures.describe(e)));
                break;
            }
        }
        if (!done.isEmpty()) {
            try {
                kpis.add(KpiDeltas.of(done, config.current()));
            } catch (RuntimeException e) {
                Log.error("counters not updated; the batch will be retried", Map.of("error", Failures.describe(e)));
                return changes.getFirst().sequence();
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("changes", changes.size());
        fields.put("processed", done.size());
        Log.info("changes processed", fields);
        return retryFrom;
    }

    private void handle(Change change) {
        publish(DomainEvents.of(change));
        switch (change) {
            case Change.ResponseChange r when r.after() != null -> onResponse(r.before(), r.after());
            case Change.CaseChange c when c.after() != null -> onCase(c.after());
            default -> { }
        }
    }

    private void publish(List<DomainEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<DomainEvent> failed = events.publish(batch);
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + batch.size() + " events not accepted by the bus");
        }
    }

    private void onResponse(Response before, Response after) {
        if (after.score() == null) {
            return;
        }
        boolean scoreChanged = before == null || !Objects.equals(before.score(), after.score())
                || !Objects.equals(before.attributes(), after.attributes()) || !Objects.equals(before.comment(), after.comment());
        if (!scoreChanged) {
            return;
        }
        Instant now = clock.instant();
        Configuration configuration = config.current();
        Evaluation evaluation = RuleEvaluator.evaluate(RuleEngine.rulesFor(configuration, after), after);
        // A new response no rule matches has no case to finish (only a match opens one): no read, only its
        // acknowledgement when the campaign asks for one. A case opened by
        // an earlier attempt under rules changed since keeps its pending alerts for the SLA check to retry.
        if (before == null && evaluation.winner() == null) {
            acknowledgements.queue(after, configuration, now);
            return;
        }
        // A case already there means this is an update or a retry: finish whatever its alerts still need
        Optional<Case> existing = cases.find(after.id().caseId());
        if (existing.isPresent()) {
            dispatcher.dispatch(existing.get(), now);
            return;
        }
        Decision decision = RuleEngine.decide(evaluation, after, configuration, roundRobin);
        if (!decision.opensCase()) {
            acknowledgements.queue(after, configuration, now);
            return;
        }
        // Alerts go out first and the case is created once, recording their outcome: one write, not two
        Case opened = dispatcher.sendBeforeCreate(CaseOpening.open(after, decision, configuration, now), now);
        if (cases.create(opened)) {
            Log.info("case opened", Map.of("caseId", opened.id(), "ruleId", decision.rule().id()));
        } else {
            cases.find(opened.id()).ifPresent(c -> dispatcher.dispatch(c, now));
        }
    }

    /**
     * Alerts added by someone who cannot send mail go out from here: a reassignment on the case page or API, the
     * customer's check-in after a close, the assignee's alert when the customer's answer reopens the case, a responder's
     * message to the customer. Reminders
     * and escalations are the SLA check's.
     */
    private void onCase(Case after) {
        Instant now = clock.instant();
        boolean commandAlertDue = after.alerts().values().stream().anyMatch(a -> COMMAND_ALERTS.contains(a.kind()) && a.claimable(now));
        if (commandAlertDue) {
            dispatcher.dispatch(after, now);
        }
    }
}
