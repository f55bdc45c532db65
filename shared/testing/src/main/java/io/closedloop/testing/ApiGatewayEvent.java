package io.closedloop.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import io.closedloop.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API (payload format 2.0) event as API Gateway hands it to a function, written from the request's parts:
 * the one writer for the local stack's route emulation and the handler fuzzers.
 *
 * @param headers lower-case names, repeated headers already joined with a comma; cookies go in {@code cookies}
 * @param query decoded query parameters, repeated ones joined with a comma
 * @param body the raw body (empty for none)
 * @param bodyAsText whether the body goes in as text; otherwise base64, as API Gateway sends anything it does not
 *     know to be text
 */
public record ApiGatewayEvent(String routeKey, String rawPath, String rawQuery, Map<String, String> headers, List<String> cookies,
        Map<String, String> query, Map<String, String> pathParameters, byte[] body, boolean bodyAsText, Context context) {

    /**
     * The request context's values that say where the request came from.
     *
     * @param domainPrefix null to leave it out
     * @param time the request time in API Gateway's format, null to leave it out
     */
    public record Context(String accountId, String apiId, String domainName, String domainPrefix, String method, String protocol,
            String sourceIp, String userAgent, String requestId, String time, long timeEpoch) {}

    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2 + 1024);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("rawPath", rawPath);
            json.writeStringField("rawQueryString", rawQuery);
            if (!cookies.isEmpty()) {
                json.writeArrayFieldStart("cookies");
                for (String cookie : cookies) {
                    json.writeString(cookie);
                }
                json.writeEndArray();
            }
            writeMap(json, "headers", headers, true);
            writeMap(json, "queryStringParameters", query, false);
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("accountId", context.accountId());
            json.writeStringField("apiId", context.apiId());
            json.writeStringField("domainName", context.domainName());
            if (context.domainPrefix() != null) {
                json.writeStringField("domainPrefix", context.domainPrefix());
            }
            json.writeObjectFieldStart("http");
            json.writeStringField("method", context.method());
            json.writeStringField("path", rawPath);
            json.writeStringField("protocol", context.protocol());
            json.writeStringField("sourceIp", context.sourceIp());
            json.writeStringField("userAgent", context.userAgent());
            json.writeEndObject();
            json.writeStringField("requestId", context.requestId());
            json.writeStringField("routeKey", routeKey);
            json.writeStringField("stage", "$default");
            if (context.time() != null) {
                json.writeStringField("time", context.time());
            }
            json.writeNumberField("timeEpoch", context.timeEpoch());
            json.writeEndObject();
            writeMap(json, "pathParameters", pathParameters, false);
            if (body.length > 0) {
                json.writeStringField("body", bodyAsText
                        ? new String(body, java.nio.charset.StandardCharsets.UTF_8)
                        : Base64.getEncoder().encodeToString(body));
                json.writeBooleanField("isBase64Encoded", !bodyAsText);
            } else {
                json.writeBooleanField("isBase64Encoded", false);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeMap(JsonGenerator json, String name, Map<String, String> values, boolean evenWhenEmpty) throws IOException {
        if (values.isEmpty() && !evenWhenEmpty) {
            return;
        }
        json.writeObjectFieldStart(name);
        for (var entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
