package io.closedloop.functions.sla;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.closedloop.app.AlertComposer;
import io.closedloop.app.Alerting;
import io.closedloop.app.SlaCheck;
import io.closedloop.aws.Settings;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import io.closedloop.sla.SlaEngine;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.ses.SesMailer;
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

    private static final String PRIMING = "snapstart-priming";

    private final SlaCheck check;
    private final Stores stores;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public SlaCheckHandler() {
        this(Stores.fromEnvironment(DynamoDb.client()));
        Core.getGlobalContext().register(this);
    }

    private SlaCheckHandler(Stores stores) {
        this.check = wire(stores, new SesMailer(SesMailer.client()));
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
        prime("configuration", () -> stores.configCache().current());
        prime("due index", () -> stores.cases().dueCaseIds(Instant.EPOCH, 1));
        prime("clock and reminder", () -> {
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            LinkKey key = new LinkKey(PRIMING, secret, now, false);
            Responder responder = new Responder(PRIMING, "Priming", "priming@example.invalid", "en", null, true, null);
            Configuration config = new Configuration(Map.of(), Map.of(), List.of(), Map.of(responder.id(), responder), Map.of(), List.of(),
                    Map.of(), Map.of(), Map.of(), Map.of(), List.of(key));
            Instant submitted = now.minus(Duration.ofHours(47));
            Response response = new Response(PRIMING, PRIMING, PRIMING, submitted, new Respondent(PRIMING, "priming@example.invalid", "Priming", null, "en"),
                    new Score(ScoreType.NPS, 3), "Priming the SLA check.", Map.of(), Map.of(), 0);
            Case c = new Case.Builder(response.id().caseId()).version(1).campaignId(PRIMING).response(response).priority(Priority.HIGH)
                    .assigneeId(responder.id()).sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, submitted, submitted))
                    .openedAt(submitted).append(submitted, "system", ActivityType.CASE_OPENED, Map.of("ruleId", PRIMING)).build();
            SlaEngine.due(c.sla(), SlaEngine.DEFAULT_POLICY, now);
            new AlertComposer(Settings.orDefault("SENDER_ADDRESS", "priming@example.invalid"), Settings.orDefault("PUBLIC_BASE_URL", "https://priming.invalid"))
                    .compose(c, Alert.pending(AlertKind.REMINDER, "first-response", responder.id(), now), responder, config, key, now);
            Json.bytes(new SlaCheck.Result(0, 0, 0));
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (stores != null) {
            stores.configCache().invalidate();
        }
    }

    private static void prime(String step, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            Log.warn("priming step failed", Map.of("step", step, "error", Failures.describe(e)));
        }
    }

    private static SlaCheck wire(Stores stores, SesMailer mailer) {
        return new SlaCheck(stores.cases(), stores.configCache(),
                Alerting.dispatcher(stores.cases(), mailer, stores.configCache(), stores.config(),
                        Settings.required("SENDER_ADDRESS"), Settings.required("PUBLIC_BASE_URL")),
                InstantSource.system());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        SlaCheck.Result result = check.run();
        output.write(Json.bytes(result));
    }
}
