package io.closedloop.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.json.Json;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: the only shape in which a client ever sees an error. The detail names what is wrong with
 * the request; it never carries an exception message.
 */
public record Problem(int status, String type, String title, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://closedloop.dev/problems/";

    public record FieldError(String field, String message) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_BASE + slug, title, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(422, TYPE_BASE + "invalid-request", "The request is not valid", detail, errors);
    }

    public static Problem field(int status, String field, String message) {
        return new Problem(status, TYPE_BASE + "invalid-request", "The request is not valid",
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static Problem internal() {
        return of(500, "internal", "Internal error", "The request could not be completed; it is safe to retry.");
    }

    public HttpResponse response(String instance) {
        ObjectNode body = Json.object();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null && !instance.isEmpty()) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            for (FieldError error : errors) {
                list.addObject().put("field", error.field()).put("message", error.message());
            }
        }
        return new HttpResponse(status, Map.of("content-type", MEDIA_TYPE, "cache-control", "no-store"), List.of(), Json.string(body));
    }
}
