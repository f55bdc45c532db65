package io.closedloop.app;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.PlanProgress;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.Configuration;
import io.closedloop.config.SlaPolicy;
import io.closedloop.customer.Acknowledgements;
import io.closedloop.domain.Response;
import io.closedloop.rules.Decision;
import io.closedloop.sla.SlaEngine;
import io.closedloop.sla.SlaLookup;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the case a rule decision opens: assignee, watchers, priority, the campaign's action plan (current
 * version), the SLA clock, the opening log entries, one pending alert per recipient, and the customer's
 * acknowledgement when the campaign asks for one.
 */
public final class CaseOpening {

    private CaseOpening() {}

    public static Case open(Response response, Decision decision, Configuration config, Instant now) {
        String caseId = response.id().caseId();
        Optional<ActionPlan> plan = config.campaign(response.campaignId()).map(c -> c.actionPlanId()).flatMap(config::currentPlan);
        SlaPolicy policy = config.slaPolicy(decision.slaPolicyId()).orElse(SlaEngine.DEFAULT_POLICY);
        String assigneeId = decision.assignee() == null ? null : decision.assignee().responderId();
        String teamId = decision.assignee() == null ? null : decision.assignee().teamId();

        Case.Builder builder = new Case.Builder(caseId)
                .version(1)
                .campaignId(response.campaignId())
                .response(response)
                .status(CaseStatus.OPEN)
                .priority(decision.priority())
                .assigneeId(assigneeId)
                .teamId(teamId)
                .watcherIds(decision.watcherIds())
                .opening(decision.opening())
                .plan(plan.map(p -> PlanProgress.start(p.id(), p.version())).orElse(null))
                .sla(SlaEngine.start(policy, decision.priority(), SlaLookup.ownerCalendar(config, policy, assigneeId, teamId).orElse(null),
                        response.submittedAt(), now))
                .openedAt(now);

        Map<String, String> opened = new LinkedHashMap<>();
        opened.put("ruleId", decision.rule().id());
        opened.put("ruleVersion", Integer.toString(decision.rule().version()));
        opened.put("priority", decision.priority().name());
        if (response.score() != null) {
            opened.put("score", Integer.toString(response.score().value()));
        }
        builder.append(now, "system", ActivityType.CASE_OPENED, opened);
        if (assigneeId != null) {
            Map<String, String> assigned = new LinkedHashMap<>();
            assigned.put("to", assigneeId);
            assigned.put("assignedBy", decision.assignee().assignedBy().name());
            builder.append(now, "system", ActivityType.CASE_ASSIGNED, assigned);
        }

        String reason = decision.rule().id();
        if (assigneeId != null && decision.rule().outcome().alertAssignee()) {
            builder.alert(Alert.pending(AlertKind.NEW_CASE, reason, assigneeId, now));
        }
        for (String watcher : decision.watcherIds()) {
            builder.alert(Alert.pending(AlertKind.NEW_CASE, reason, watcher, now));
        }
        return Acknowledgements.atOpening(builder.build(), config, now);
    }
}
