package io.closedloop.functions.sla;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.closedloop.app.Alerting;
import io.closedloop.app.SlaCheck;
import io.closedloop.aws.Settings;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.ses.SesMailer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.InstantSource;

/** The scheduled SLA check: schedule event in (its content does not matter), one run, a summary out. */
public final class SlaCheckHandler implements RequestStreamHandler {

    private final SlaCheck check;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public SlaCheckHandler() {
        this(wire(Stores.fromEnvironment(DynamoDb.client()), new SesMailer(SesMailer.client())));
    }

    /** For the local stack and tests: any check, wired to local engines. */
    public SlaCheckHandler(SlaCheck check) {
        this.check = check;
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
