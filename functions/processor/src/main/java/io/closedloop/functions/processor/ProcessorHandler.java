package io.closedloop.functions.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.AlertComposer;
import io.closedloop.app.Alerting;
import io.closedloop.app.CaseOpening;
import io.closedloop.app.Change;
import io.closedloop.app.DomainEvents;
import io.closedloop.app.Priming;
import io.closedloop.app.ProcessChanges;
import io.closedloop.aws.Settings;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.domain.Response;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.dynamodb.StreamChanges;
import io.closedloop.eventbridge.EventBridgePublisher;
import io.closedloop.json.Json;
import io.closedloop.kpi.KpiDeltas;
import io.closedloop.rules.Assignment;
import io.closedloop.rules.AttributeOp;
import io.closedloop.rules.Condition;
import io.closedloop.rules.Decision;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleEngine;
import io.closedloop.rules.RuleOutcome;
import io.closedloop.ses.SesMailer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * The table's stream: a batch of records in, one use-case call, a partial batch response out
 * ({@code batchItemFailures} names the first record to retry; everything before it is done).
 */
public final class ProcessorHandler implements RequestStreamHandler, Resource {

    private static final String PRIMING = Priming.ID;

    private final ProcessChanges process;
    private final Stores stores;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public ProcessorHandler() {
        this(Stores.fromEnvironment(DynamoDb.client()));
        Core.getGlobalContext().register(this);
    }

    /** Real stores, primed like Lambda's (tests call the SnapStart hooks directly). */
    ProcessorHandler(Stores stores) {
        this.process = wire(stores);
        this.stores = stores;
    }

    /** For the local stack and tests. */
    public ProcessorHandler(ProcessChanges process) {
        this.process = process;
        this.stores = null;
    }

    /**
     * SnapStart priming (Lambda's constructor only): the configuration query and a read of a case that does not
     * exist through the real stores; then, in memory, a response judged by a rule, its case opened, its alert email
     * composed (not sent), its domain events and KPI increments derived, the case serialized as stored. Nothing is
     * written, sent or published.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (stores == null) {
            return;
        }
        Instant now = Instant.now();
        Priming.step("configuration", () -> stores.configCache().current());
        Priming.step("case read", () -> stores.cases().find(PRIMING));
        Priming.step("rules, case, alert, events", () -> {
            LinkKey key = Priming.linkKey(now);
            Responder responder = Priming.responder();
            ActionPlan plan = Priming.plan();
            Rule rule = new Rule(PRIMING, 1, PRIMING, "Priming", 1, true, new Condition.All(List.of(new Condition.ScoreBetween(ScoreType.NPS, 0, 6),
                    new Condition.Attribute("country", AttributeOp.EQ, List.of("BR")))),
                    new RuleOutcome(true, Priority.HIGH, List.of(), new Assignment.Fixed(responder.id()), null, null, true, List.of(), PRIMING));
            Configuration config = new Configuration(Map.of(), Map.of(PRIMING, new Campaign(PRIMING, "Priming", plan.id(), null, null)), List.of(rule),
                    Map.of(responder.id(), responder), Map.of(), List.of(plan), Map.of(), Map.of(), Map.of(), Map.of(), List.of(key));
            Response response = Priming.detractor(now);
            Decision decision = RuleEngine.decide(List.of(rule), response, config, team -> 0);
            Case opened = CaseOpening.open(response, decision, config, now);
            new AlertComposer(Settings.orDefault("SENDER_ADDRESS", "priming@example.invalid"), Settings.orDefault("PUBLIC_BASE_URL", "https://priming.invalid"))
                    .compose(opened, Alert.pending(AlertKind.NEW_CASE, "assigned", responder.id(), now), responder, config, key, now);
            List<Change> changes = List.of(new Change.ResponseChange("1", null, response), new Change.CaseChange("2", null, opened));
            changes.forEach(DomainEvents::of);
            KpiDeltas.of(changes, config);
            Json.bytes(opened);
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (stores != null) {
            stores.configCache().invalidate();
        }
    }


    private static ProcessChanges wire(Stores stores) {
        SesMailer mailer = SesMailer.fromEnvironment();
        EventBridgePublisher events = new EventBridgePublisher(EventBridgePublisher.client(), Settings.required("EVENT_BUS_NAME"));
        String sender = Settings.required("SENDER_ADDRESS");
        String baseUrl = Settings.required("PUBLIC_BASE_URL");
        return new ProcessChanges(stores.cases(), stores.configCache(), stores.roundRobin(),
                Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(), stores.suppressions(), sender, baseUrl),
                stores.acknowledgementSender(mailer, sender, baseUrl), events, stores.kpis(), InstantSource.system());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.tree(input);
        List<Change> changes = StreamChanges.read(event);
        String retryFrom = process.process(changes);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(output)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            if (retryFrom != null) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", retryFrom);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
