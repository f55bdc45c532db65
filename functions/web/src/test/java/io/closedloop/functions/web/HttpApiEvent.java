package io.closedloop.functions.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload format 2.0) events as a mobile Chrome sends them through a custom domain, built from
 * the recorded-shape fixtures in {@code src/test/resources/events/}: a document GET and a same-origin form POST,
 * whose body API Gateway delivers base64-encoded.
 */
final class HttpApiEvent {

    static final String HOST = "cx.example.com";
    static final String ORIGIN = "https://" + HOST;

    private final ObjectNode event;

    private HttpApiEvent(ObjectNode event) {
        this.event = event;
    }

    /** {@code GET /c/{token}}: the link from the email, opened from a webmail (a cross-site navigation). */
    static HttpApiEvent openLink(String token) {
        return get("GET /c/{token}", "/c/" + token, Map.of("token", token)).header("sec-fetch-site", "cross-site");
    }

    static HttpApiEvent casePage(String caseId) {
        return get("GET /cases/{caseId}", "/cases/" + caseId, Map.of("caseId", caseId));
    }

    static HttpApiEvent get(String routeKey, String rawPath, Map<String, String> pathParameters) {
        HttpApiEvent e = new HttpApiEvent(load("events/browser-get.json"));
        return e.route(routeKey, rawPath, pathParameters);
    }

    /** {@code POST /cases/{caseId}/{command}} with a form body, sent by the case page itself. */
    static HttpApiEvent postForm(String caseId, String command, String formBody) {
        HttpApiEvent e = new HttpApiEvent(load("events/browser-form-post.json"));
        e.route("POST /cases/{caseId}/{command}", "/cases/" + caseId + "/" + command, Map.of("caseId", caseId, "command", command));
        e.event.remove("cookies");
        return e.body(formBody.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST /dashboard/login} with a form body, sent by the dashboard's own sign-in page. */
    static HttpApiEvent dashboardLogin(String formBody) {
        HttpApiEvent e = new HttpApiEvent(load("events/browser-form-post.json"));
        e.route("POST /dashboard/login", "/dashboard/login", Map.of());
        e.event.remove("cookies");
        e.event.remove("pathParameters");
        return e.body(formBody.getBytes(StandardCharsets.UTF_8));
    }

    /** A form body, fields in order, encoded as browsers do. */
    static String form(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    HttpApiEvent cookie(String nameValue) {
        ArrayNode cookies = event.has("cookies") ? (ArrayNode) event.get("cookies") : event.putArray("cookies");
        cookies.add(nameValue);
        return this;
    }

    HttpApiEvent header(String name, String value) {
        ((ObjectNode) event.get("headers")).put(name, value);
        return this;
    }

    HttpApiEvent withoutHeader(String name) {
        ((ObjectNode) event.get("headers")).remove(name);
        return this;
    }

    HttpApiEvent query(String name, String value) {
        event.put("rawQueryString", name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        event.putObject("queryStringParameters").put(name, value);
        return this;
    }

    HttpApiEvent body(byte[] body) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        header("content-length", Integer.toString(body.length));
        return this;
    }

    byte[] bytes() {
        return Json.bytes(event);
    }

    private HttpApiEvent route(String routeKey, String rawPath, Map<String, String> pathParameters) {
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", routeKey);
        ((ObjectNode) context.get("http")).put("path", rawPath);
        ObjectNode parameters = event.putObject("pathParameters");
        pathParameters.forEach(parameters::put);
        return this;
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = HttpApiEvent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
