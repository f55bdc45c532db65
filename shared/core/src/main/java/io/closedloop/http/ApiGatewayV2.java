package io.closedloop.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the API Gateway HTTP API event (payload format 2.0) and writes its response, so handlers can be plain
 * {@code RequestStreamHandler}s: no runtime-side reflection over event classes at cold start.
 */
public final class ApiGatewayV2 {

    private ApiGatewayV2() {}

    public static HttpRequest read(InputStream event) throws IOException {
        JsonNode root = Json.MAPPER.readTree(event);
        JsonNode context = root.path("requestContext");
        JsonNode http = context.path("http");

        Map<String, String> headers = new HashMap<>();
        root.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        List<String> cookies = new ArrayList<>();
        root.path("cookies").forEach(c -> cookies.add(c.asText()));
        Map<String, String> path = new HashMap<>();
        root.path("pathParameters").properties().forEach(e -> path.put(e.getKey(), e.getValue().asText()));
        Map<String, String> query = new HashMap<>();
        root.path("queryStringParameters").properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));

        byte[] body = null;
        JsonNode bodyNode = root.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.asText();
            body = root.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        return new HttpRequest(
                root.path("routeKey").asText(""),
                http.path("method").asText("GET"),
                root.path("rawPath").asText("/"),
                root.path("rawQueryString").asText(""),
                headers,
                cookies,
                path,
                query,
                body,
                context.path("requestId").asText(""),
                http.path("sourceIp").asText(""),
                context.path("timeEpoch").asLong(0));
    }

    public static void write(HttpResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.status());
            json.writeObjectFieldStart("headers");
            for (var header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            if (!response.cookies().isEmpty()) {
                json.writeArrayFieldStart("cookies");
                for (String cookie : response.cookies()) {
                    json.writeString(cookie);
                }
                json.writeEndArray();
            }
            json.writeStringField("body", response.body());
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
    }
}
