package io.closedloop.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.cases.Activity;
import io.closedloop.cases.Case;
import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.domain.Response;
import io.closedloop.json.Json;
import io.closedloop.ports.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain events of a stored change, as integrators receive them on the bus (schemas in docs/events/). Each
 * event id names the fact (case id and log sequence, or response id and revision), so a consumer can drop the
 * duplicates that at-least-once delivery brings.
 */
public final class DomainEvents {

    public static final String RESPONSE_ACKNOWLEDGED = "ResponseAcknowledged";

    private DomainEvents() {}

    public static List<DomainEvent> of(Change change) {
        return switch (change) {
            case Change.ResponseChange r when r.after() != null -> response(r.before(), r.after());
            case Change.CaseChange c when c.after() != null -> caseEvents(c.before(), c.after());
            case Change.AcknowledgementChange a when a.delivered() -> List.of(acknowledged(a.after()));
            default -> List.of();
        };
    }

    private static List<DomainEvent> response(Response before, Response after) {
        String type = before == null ? "ResponseReceived" : "ResponseUpdated";
        ObjectNode detail = Json.object();
        detail.put("responseId", after.id().toString());
        detail.put("sourceId", after.sourceId());
        detail.put("externalId", after.externalId());
        detail.put("campaignId", after.campaignId());
        detail.put("revision", after.revision());
        detail.put("submittedAt", after.submittedAt().toString());
        if (after.score() != null) {
            detail.putObject("score").put("type", after.score().type().name()).put("value", after.score().value());
            detail.put("category", after.score().category().name());
        }
        detail.put("hasComment", after.comment() != null && !after.comment().isBlank());
        ObjectNode respondent = detail.putObject("respondent");
        if (after.respondent().id() != null) {
            respondent.put("id", after.respondent().id());
        }
        if (after.respondent().email() != null) {
            respondent.put("email", after.respondent().email());
        }
        String id = "response:" + after.id() + ":" + after.revision();
        return List.of(new DomainEvent(id, type, after.submittedAt(), Json.string(detail)));
    }

    /** The acknowledgement of a response that opened no case: no case, no log entry, so an event of its own. */
    private static DomainEvent acknowledged(ResponseAcknowledgement ack) {
        ObjectNode detail = Json.object();
        detail.put("responseId", ack.responseId().toString());
        detail.put("campaignId", ack.campaignId());
        detail.put("category", ack.category().name());
        detail.put("at", ack.alert().sentAt().toString());
        return new DomainEvent("acknowledgement:" + ack.id(), RESPONSE_ACKNOWLEDGED, ack.alert().sentAt(), Json.string(detail));
    }

    private static List<DomainEvent> caseEvents(Case before, Case after) {
        List<DomainEvent> events = new ArrayList<>();
        for (Activity activity : after.activitiesAfter(before == null ? 0 : before.lastSeq())) {
            String type = activity.type().eventType();
            if (type == null) {
                continue;
            }
            ObjectNode detail = Json.object();
            detail.put("caseId", after.id());
            detail.put("campaignId", after.campaignId());
            detail.put("responseId", after.response().id().toString());
            detail.put("seq", activity.seq());
            detail.put("at", activity.at().toString());
            detail.put("actor", activity.actor());
            detail.put("status", after.status().name());
            detail.put("priority", after.priority().name());
            if (after.assigneeId() != null) {
                detail.put("assigneeId", after.assigneeId());
            }
            if (after.response().score() != null) {
                detail.putObject("score").put("type", after.response().score().type().name()).put("value", after.response().score().value());
            }
            if (after.opening() != null) {
                detail.put("ruleId", after.opening().ruleId());
                detail.put("ruleVersion", after.opening().ruleVersion());
            }
            ObjectNode details = detail.putObject("details");
            activity.details().forEach(details::put);
            events.add(new DomainEvent(after.id() + ":" + activity.seq(), type, activity.at(), Json.string(detail)));
        }
        return events;
    }
}
