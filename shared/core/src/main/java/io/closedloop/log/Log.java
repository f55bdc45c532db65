package io.closedloop.log;

import com.fasterxml.jackson.core.JsonGenerator;
import io.closedloop.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One structured JSON line per call, on standard output: Lambda's JSON log format keeps it as is (no double
 * encoding) and filters on its {@code level}. Callers pass only identifiers and counts: never tokens, secrets, or
 * customer text (names, emails, comments).
 */
public final class Log {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static volatile Consumer<String> sink = System.out::println;
    private static final Level THRESHOLD = threshold();

    private Log() {}

    public static void debug(String message, Map<String, ?> fields) {
        write(Level.DEBUG, message, fields);
    }

    public static void info(String message, Map<String, ?> fields) {
        write(Level.INFO, message, fields);
    }

    public static void warn(String message, Map<String, ?> fields) {
        write(Level.WARN, message, fields);
    }

    public static void error(String message, Map<String, ?> fields) {
        write(Level.ERROR, message, fields);
    }

    /** Where lines go; tests capture them to prove what is (and is not) logged. */
    public static Consumer<String> sink(Consumer<String> newSink) {
        Consumer<String> previous = sink;
        sink = newSink;
        return previous;
    }

    private static void write(Level level, String message, Map<String, ?> fields) {
        if (level.ordinal() < THRESHOLD.ordinal()) {
            return;
        }
        StringWriter line = new StringWriter(160);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.now().toString());
            json.writeStringField("level", level.name());
            json.writeStringField("message", message);
            for (var field : fields.entrySet()) {
                json.writeFieldName(field.getKey());
                Object value = field.getValue();
                switch (value) {
                    case null -> json.writeNull();
                    case Number n -> json.writeNumber(n.toString());
                    case Boolean b -> json.writeBoolean(b);
                    default -> json.writeString(String.valueOf(value));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sink.accept(line.toString());
    }

    private static Level threshold() {
        String configured = System.getenv("AWS_LAMBDA_LOG_LEVEL");
        if (configured == null) {
            configured = System.getProperty("AWS_LAMBDA_LOG_LEVEL", "INFO");
        }
        try {
            return Level.valueOf(configured.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }
}
