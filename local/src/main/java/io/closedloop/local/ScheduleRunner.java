package io.closedloop.local;

import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a scheduled function at its template rate, and on demand (the tester's "run the check now"). */
final class ScheduleRunner {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");

    private final LocalFunction function;
    private final String input;
    private final Duration every;

    ScheduleRunner(LocalFunction function, String expression, String input) {
        this.function = function;
        this.input = input;
        this.every = parse(expression);
    }

    static Duration parse(String expression) {
        Matcher m = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            Log.warn("schedule expression not emulated locally; running every 5 minutes", Map.of("expression", expression));
            return Duration.ofMinutes(5);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    void start(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::runQuietly, every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
    }

    Duration every() {
        return every;
    }

    /** One run, as the scheduler would trigger it; returns the function's answer. */
    String runNow() {
        synchronized (function) {
            return new String(function.invoke(input.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
    }

    private void runQuietly() {
        try {
            runNow();
        } catch (RuntimeException e) {
            Log.error("scheduled run failed", Map.of("function", function.logicalId(), "error", Failures.describe(e)));
        }
    }
}
