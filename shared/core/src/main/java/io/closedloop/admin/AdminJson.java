package io.closedloop.admin;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.json.JsonErrors;
import java.io.IOException;
import java.util.List;
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
        String path = e instanceof JsonMappingException mapping ? JsonErrors.path(mapping.getPath()) : "";
        return switch (e) {
            case InvalidFormatException format ->
                    new FieldError(path, JsonErrors.quoted(format.getValue()) + " is not " + JsonErrors.expected(format.getTargetType()));
            case ValueInstantiationException refused -> new FieldError(path,
                    refused.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null ? cause.getMessage() : "is not valid");
            case MismatchedInputException mismatch -> new FieldError(path, "must be " + JsonErrors.expected(mismatch.getTargetType()));
            default -> new FieldError(path, e.getCause() instanceof InputCoercionException ? "is out of range" : "is not valid");
        };
    }
}
