package io.closedloop.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP API (payload format 2.0) response. */
public record HttpResponse(int status, Map<String, String> headers, List<String> cookies, String body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        body = body == null ? "" : body;
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), List.of(), json);
    }

    public static HttpResponse html(int status, String html) {
        return new HttpResponse(status, Map.of("content-type", "text/html; charset=utf-8"), List.of(), html);
    }

    public static HttpResponse text(int status, String contentType, String text) {
        return new HttpResponse(status, Map.of("content-type", contentType), List.of(), text);
    }

    public static HttpResponse redirect(String location) {
        return new HttpResponse(303, Map.of("location", location), List.of(), "");
    }

    public HttpResponse withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new HttpResponse(status, merged, cookies, body);
    }

    public HttpResponse withCookie(String setCookie) {
        var all = new java.util.ArrayList<>(cookies);
        all.add(setCookie);
        return new HttpResponse(status, headers, all, body);
    }

    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
