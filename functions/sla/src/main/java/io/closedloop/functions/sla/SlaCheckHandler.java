package io.closedloop.functions.sla;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.closedloop.app.AlertComposer;
import io.closedloop.app.Alerting;
import io.closedloop.app.Priming;
import io.closedloop.app.SlaCheck;
import io.closedloop.aws.Settings;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.ses.SesMailer;
import io.closedloop.sla.SlaEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/** The scheduled SLA check: schedule event in (its content does not matter), one run, a summary out. */
public final class SlaCheckHandler implements RequestStreamHandler, Resource {

    private static final String PRIMING = Priming.ID;

    private final SlaCheck check;
    private final Stores stores;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public SlaCheckHandler() {
        this(Stores.fromEnvironment(DynamoDb.client()));
        Core.getGlobalContext().register(this);
    }

    /** Real stores, primed like Lambda's (tests call the SnapStart hooks directly). */
    SlaCheckHandler(Stores stores) {
        this.check = wire(stores, SesMailer.fromEnvironment());
        this.stores = stores;
    }

    /** For the local stack and tests: any check, wired to local engines. */
    public SlaCheckHandler(SlaCheck check) {
        this.check = check;
        this.stores = null;
    }

    /**
     * SnapStart priming (Lambda's constructor only): the configuration query and one due-index query (nothing is due
     * at the epoch) through the real stores; then, in memory, an SLA clock advanced past its reminder and a reminder
     * email composed (not sent), and the run's summary serialized. Nothing is written or sent.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (stores == null) {
            return;
        }
        Instant now = Instant.now();
        Priming.step("configuration", () -> stores.configCache().current());
        Priming.step("due index", () -> stores.cases().dueCaseIds(Instant.EPOCH, 1));
        Priming.step("clock and reminder", () -> {
            LinkKey key = Priming.linkKey(now);
            Responder responder = Priming.responder();
            Configuration config = new Configuration(Map.of(), Map.of(), List.of(), Map.of(responder.id(), responder), Map.of(), List.of(),
                    Map.of(), Map.of(), Map.of(), Map.of(), List.of(key));
            Case c = Priming.detractorCase(now.minus(Duration.ofHours(47)));
            SlaEngine.due(c.sla(), SlaEngine.DEFAULT_POLICY, now);
            new AlertComposer(Settings.orDefault("SENDER_ADDRESS", "priming@example.invalid"), Settings.orDefault("PUBLIC_BASE_URL", "https://priming.invalid"))
                    .compose(c, Alert.pending(AlertKind.REMINDER, "first-response", responder.id(), now), responder, config, key, now);
            Json.bytes(new SlaCheck.Result(0, 0, 0, 0));
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (stores != null) {
            stores.configCache().invalidate();
        }
    }


    private static SlaCheck wire(Stores stores, SesMailer mailer) {
        String sender = Settings.required("SENDER_ADDRESS");
        String baseUrl = Settings.required("PUBLIC_BASE_URL");
        return new SlaCheck(stores.cases(), stores.configCache(),
                Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(), stores.suppressions(), sender, baseUrl),
                stores.acknowledgementSender(mailer, sender, baseUrl), InstantSource.system());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        SlaCheck.Result result = check.run();
        output.write(Json.bytes(result));
    }
}
