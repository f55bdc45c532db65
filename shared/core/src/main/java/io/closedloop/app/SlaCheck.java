package io.closedloop.app;

import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.SlaPolicy;
import io.closedloop.customer.ResponseAcknowledgements;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConflictException;
import io.closedloop.sla.SlaEngine;
import io.closedloop.sla.SlaUpdate;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled check: reads the due index (only cases with something due), and for each case records reminders,
 * breaches and escalations exactly once (a conditional write on the case version), then sends the alerts that are
 * due, including the ones a failed send left pending; then the acknowledgements of responses with no case that are
 * due. A repeated, overlapping or crashed run finds every fact
 * already recorded and changes nothing.
 */
public final class SlaCheck {

    public static final int MAX_CASES_PER_RUN = 500;
    private static final int WRITE_ATTEMPTS = 5;

    /** What one run did. */
    /** @param acknowledged acknowledgements of responses with no case sent (or given up on) */
    public record Result(int due, int changed, int failed, int acknowledged) {}

    private final CaseStore cases;
    private final ConfigCache config;
    private final AlertDispatcher dispatcher;
    private final ResponseAcknowledgements acknowledgements;
    private final InstantSource clock;

    public SlaCheck(CaseStore cases, ConfigCache config, AlertDispatcher dispatcher, ResponseAcknowledgements acknowledgements,
            InstantSource clock) {
        this.acknowledgements = acknowledgements;
        this.cases = cases;
        this.config = config;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public Result run() {
        Instant now = clock.instant();
        List<String> due = cases.dueCaseIds(now, MAX_CASES_PER_RUN);
        int changed = 0;
        int failed = 0;
        for (String caseId : due) {
            try {
                if (check(caseId, now)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                failed++;
                Log.error("sla check of a case failed", Map.of("caseId", caseId, "error", Failures.describe(e)));
            }
        }
        int acknowledged = acknowledgements.sendDue(now, MAX_CASES_PER_RUN);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("due", due.size());
        fields.put("changed", changed);
        fields.put("failed", failed);
        fields.put("acknowledged", acknowledged);
        Log.info("sla check", fields);
        return new Result(due.size(), changed, failed, acknowledged);
    }

    private boolean check(String caseId, Instant now) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Case> found = cases.find(caseId);
            if (found.isEmpty()) {
                return false;
            }
            Case c = found.get();
            Configuration configuration = config.current();
            Case recorded = c;
            if (c.sla() != null) {
                SlaPolicy policy = SlaEffects.policyOf(c.sla(), configuration);
                SlaUpdate update = SlaEngine.due(c.sla(), policy, now);
                if (!update.events().isEmpty() || !update.clock().equals(c.sla())) {
                    Case.Builder builder = c.toBuilder().version(c.version() + 1).sla(update.clock());
                    SlaEffects.record(builder, c, update.events(), configuration, policy, now);
                    recorded = builder.build();
                    try {
                        cases.update(recorded);
                    } catch (ConflictException lost) {
                        continue;
                    }
                }
            }
            Case dispatched = dispatcher.dispatch(recorded, now);
            return recorded != c || dispatched != recorded;
        }
        return false;
    }
}
