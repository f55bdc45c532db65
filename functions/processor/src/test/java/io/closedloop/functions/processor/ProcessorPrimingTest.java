package io.closedloop.functions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.dynamodb.Stores;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.PrimingProbe;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SnapStart priming on DynamoDB Local, over a seeded configuration: every step runs and nothing is written. */
class ProcessorPrimingTest {

    private static final Map<String, String> SETTINGS = Map.of(
            "SENDER_ADDRESS", "closedloop@example.com", "PUBLIC_BASE_URL", "https://closedloop.example", "EVENT_BUS_NAME", "closedloop-test");

    @BeforeAll
    static void settings() {
        SETTINGS.forEach(System::setProperty);
    }

    @AfterAll
    static void clearSettings() {
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void beforeCheckpoint_runsEveryStep_andWritesNothing() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("priming");
        Stores stores = Stores.of(dynamo.client(), table, 730, InstantSource.system(), Stores.CONFIG_TTL);
        DemoConfiguration.seedIfEmpty(stores.config(), stores.configCache(), Instant.now());
        ProcessorHandler handler = new ProcessorHandler(stores);

        PrimingProbe.Outcome primed = PrimingProbe.run(dynamo.client(), table, () -> {
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
        });

        assertThat(primed.anyStepFailed()).as("%s", primed.logLines()).isFalse();
        assertThat(primed.itemsAfter()).isEqualTo(primed.itemsBefore()).isPositive();
    }
}
