package io.closedloop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an HTTP function answered (its API Gateway response JSON), and the check every hostile request must pass: a
 * status below 500; a refusal is an RFC 9457 problem (or, for the responder pages, an HTML page); no body names an
 * exception class or shows a stack frame.
 */
public record HandlerAnswer(int status, Map<String, String> headers, String body) {

    /** A qualified Java class name ending in Exception or Error, as a leaked message or trace would show it. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b");
    /** A stack frame: "at io.closedloop.X.method(X.java:12)". */
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    public static HandlerAnswer read(byte[] responseJson) {
        JsonNode response = Json.tree(responseJson);
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
        return new HandlerAnswer(response.path("statusCode").asInt(-1), headers, response.path("body").asText(""));
    }

    public String contentType() {
        return headers.getOrDefault("content-type", "");
    }

    /**
     * Throws an AssertionError naming the request when the answer is a server error, a refusal in another shape than
     * problem+json or HTML, or a body with an exception class name or stack frame.
     *
     * @param request what was sent, as text: named in the failure message, and what the body may echo
     */
    public HandlerAnswer requireSane(String request) {
        if (status < 100 || status >= 500) {
            throw new AssertionError("status " + status + " for " + request + "\n" + body);
        }
        if (status >= 400 && !contentType().startsWith("application/problem+json") && !contentType().startsWith("text/html")) {
            throw new AssertionError("refusal " + status + " as " + contentType() + " for " + request);
        }
        if (contentType().startsWith("application/problem+json")) {
            JsonNode problem = Json.tree(body.getBytes(StandardCharsets.UTF_8));
            if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty() || !problem.path("type").isTextual()) {
                throw new AssertionError("malformed problem for " + request + ": " + body);
            }
        }
        for (Pattern internals : new Pattern[] {EXCEPTION_NAME, STACK_FRAME}) {
            Matcher found = internals.matcher(body);
            while (found.find()) {
                // What the request itself carried may be echoed back (a quoted field value, a note on the page)
                if (!request.contains(found.group()) && !decoded(request).contains(found.group())) {
                    throw new AssertionError("internals in the body for " + request + ": " + body);
                }
            }
        }
        return this;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
