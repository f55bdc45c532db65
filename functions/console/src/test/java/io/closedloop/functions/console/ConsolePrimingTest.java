package io.closedloop.functions.console;

import io.closedloop.dynamodb.Stores;
import io.closedloop.ports.Mailer;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.PrimingProbe;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** SnapStart priming on DynamoDB Local over the demo configuration: every step runs, nothing is written, no mail is sent. */
class ConsolePrimingTest {

    private static final Mailer NO_MAIL = message -> {
        throw new AssertionError("priming sent an email to " + message.to());
    };

    @Test
    void beforeCheckpoint_runsEveryStep_writesNothing_andSendsNoMail() {
        PrimingProbe.checkOnFreshTable(table -> {
            Stores stores = Stores.of(LocalDynamo.shared().client(), table, 730, InstantSource.system(), Stores.CONFIG_TTL);
            DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), Instant.now());
            ConsoleHandler handler = new ConsoleHandler(stores, NO_MAIL, "closedloop@example.com", "https://closedloop.example",
                    InstantSource.system());
            return () -> {
                handler.beforeCheckpoint(null);
                handler.afterRestore(null);
            };
        });
    }
}
