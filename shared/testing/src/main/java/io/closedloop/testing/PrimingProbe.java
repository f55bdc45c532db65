package io.closedloop.testing;

import io.closedloop.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs a function's SnapStart hooks against a table and reports what they left in it and what they logged. */
public final class PrimingProbe {

    /** The settings the functions read from the template's environment, as system properties for the probe. */
    private static final Map<String, String> SETTINGS = Map.of(
            "SENDER_ADDRESS", "closedloop@example.com", "PUBLIC_BASE_URL", "https://closedloop.example", "EVENT_BUS_NAME", "closedloop-test");

    /** The table's item count before and after the hooks, and every log line they wrote. */
    public record Outcome(int itemsBefore, int itemsAfter, List<String> logLines) {

        public boolean anyStepFailed() {
            return logLines.stream().anyMatch(line -> line.contains("priming step failed"));
        }
    }

    private PrimingProbe() {}

    public static Outcome run(DynamoDbClient client, String table, Runnable hooks) {
        int before = count(client, table);
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = Log.sink(lines::add);
        try {
            hooks.run();
        } finally {
            Log.sink(previous);
        }
        return new Outcome(before, count(client, table), List.copyOf(lines));
    }

    /**
     * Creates a fresh DynamoDB Local table, lets {@code hooksOnTable} build a handler on it (with the settings the
     * template gives functions) and runs the hooks it returns ({@code beforeCheckpoint}, then {@code afterRestore}).
     *
     * @throws AssertionError when a priming step failed, the table was empty, or an item was written
     */
    public static Outcome checkOnFreshTable(Function<String, Runnable> hooksOnTable) {
        SETTINGS.forEach(System::setProperty);
        try {
            LocalDynamo dynamo = LocalDynamo.shared();
            String table = dynamo.createTable("priming");
            Runnable hooks = hooksOnTable.apply(table);
            Outcome primed = run(dynamo.client(), table, hooks);
            if (primed.anyStepFailed()) {
                throw new AssertionError("a priming step failed: " + primed.logLines());
            }
            if (primed.itemsBefore() == 0 || primed.itemsAfter() != primed.itemsBefore()) {
                throw new AssertionError("priming ran on " + primed.itemsBefore() + " items and left " + primed.itemsAfter());
            }
            return primed;
        } finally {
            SETTINGS.keySet().forEach(System::clearProperty);
        }
    }

    private static int count(DynamoDbClient client, String table) {
        return client.scanPaginator(r -> r.tableName(table)).stream().mapToInt(page -> page.count()).sum();
    }
}
