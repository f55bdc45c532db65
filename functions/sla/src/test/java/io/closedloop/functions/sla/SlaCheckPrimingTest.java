package io.closedloop.functions.sla;

import io.closedloop.dynamodb.Stores;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.PrimingProbe;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** SnapStart priming on DynamoDB Local over the demo configuration: every step runs and nothing is written. */
class SlaCheckPrimingTest {

    private static Stores seeded(String table) {
        Stores stores = Stores.of(LocalDynamo.shared().client(), table, 730, InstantSource.system(), Stores.CONFIG_TTL);
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), Instant.now());
        return stores;
    }

    @Test
    void beforeCheckpoint_runsEveryStep_andWritesNothing() {
        PrimingProbe.checkOnFreshTable(table -> {
            SlaCheckHandler handler = new SlaCheckHandler(seeded(table));
            return () -> {
                handler.beforeCheckpoint(null);
                handler.afterRestore(null);
            };
        });
    }
}
