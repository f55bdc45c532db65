package io.closedloop.admin;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Binds admin input to configuration records, turning every Jackson failure into a field error at its JSON path
 * (e.g. {@code week.MONDAY[0].start: "9am" is not a time such as 09:00}). Nothing thrown by Jackson reaches a client.
 */
public final class AdminJson {

    private AdminJson() {}

    /** A bound value, or the reason it could not be bound. */
    public record Bound<T>(T value, List<FieldError> errors) {

        public Bound {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return value != null && errors.isEmpty();
        }
    }

    /** Reads a request body that must be a JSON object; an empty body reads as {@code {}}. */
    public static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "The body is not valid JSON."));
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Json.object();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ProblemException(Problem.field(422, "", "must be a JSON object"));
        }
        return object;
    }

    public static <T> Bound<T> bind(JsonNode json, Class<T> type) {
        try {
            T value = Json.MAPPER.readerFor(type).without(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(json);
            return value == null ? new Bound<>(null, List.of(new FieldError("", "is required"))) : new Bound<>(value, List.of());
        } catch (IOException e) {
            return new Bound<>(null, List.of(error(e)));
        } catch (RuntimeException e) {
            return new Bound<>(null, List.of(new FieldError("", "is not valid")));
        }
    }

    static FieldError error(IOException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        return switch (e) {
            case InvalidFormatException format ->
                    new FieldError(path, quoted(format.getValue()) + " is not " + expected(format.getTargetType()));
            case ValueInstantiationException refused -> new FieldError(path,
                    refused.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null ? cause.getMessage() : "is not valid");
            case MismatchedInputException mismatch -> new FieldError(path, "must be " + expected(mismatch.getTargetType()));
            default -> new FieldError(path, e.getCause() instanceof InputCoercionException ? "is out of range" : "is not valid");
        };
    }

    /** Jackson's path as {@code a.b[1].c}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(FieldChecks.shown(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return names.toString();
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT48H";
        }
        if (type == ZoneId.class) {
            return "a time zone such as Europe/Paris";
        }
        if (type == LocalTime.class) {
            return "a time such as 09:00";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-12-25";
        }
        if (type == Instant.class) {
            return "an instant such as 2026-11-20T09:41:07Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "\"" + FieldChecks.shown(String.valueOf(value)) + "\"";
    }
}
