package io.closedloop.testing;

import io.closedloop.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs a function's SnapStart hooks against a table and reports what they left in it and what they logged. */
public final class PrimingProbe {

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

    private static int count(DynamoDbClient client, String table) {
        return client.scanPaginator(r -> r.tableName(table)).stream().mapToInt(page -> page.count()).sum();
    }
}
