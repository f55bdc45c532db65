package io.closedloop.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API (payload format 2.0) request, reduced to what handlers read. Header names are lower-case, as
 * API Gateway delivers them; the body is the raw bytes the client sent (base64 already undone).
 */
public record HttpRequest(
        String routeKey,
        String method,
        String rawPath,
        String rawQueryString,
        Map<String, String> headers,
        List<String> cookies,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        byte[] body,
        String requestId,
        String sourceIp,
        long timeEpochMillis) {

    public HttpRequest {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name));
    }

    public Optional<String> cookie(String name) {
        for (String cookie : cookies) {
            int eq = cookie.indexOf('=');
            if (eq > 0 && cookie.substring(0, eq).trim().equals(name)) {
                return Optional.of(cookie.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** The media type without parameters, lower-case; empty when absent. */
    public String mediaType() {
        String value = headers.getOrDefault("content-type", "");
        int semi = value.indexOf(';');
        return (semi >= 0 ? value.substring(0, semi) : value).trim().toLowerCase(java.util.Locale.ROOT);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
