package io.closedloop.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.closedloop.json.Json;
import io.closedloop.testing.ApiGatewayEvent;
import io.closedloop.testing.SamTemplate;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the HTTP routes declared in template.yaml the way an HTTP API (payload format 2.0) does: it matches the
 * most specific route, builds the same event (route key, raw path and query, lower-case headers, cookies, path
 * parameters, body or base64 body, request context) and turns the function's answer back into HTTP.
 */
final class HttpApiEmulator {

    static final int MAX_BODY = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    record CompiledRoute(SamTemplate.Route route, Pattern pattern, List<String> parameters, int literalSegments, boolean greedy) {}

    record Matched(CompiledRoute route, Map<String, String> pathParameters) {}

    private final List<CompiledRoute> routes;
    private final Map<String, LocalFunction> functions;

    HttpApiEmulator(List<SamTemplate.Route> declared, Map<String, LocalFunction> functions) {
        this.functions = functions;
        this.routes = declared.stream().map(HttpApiEmulator::compile)
                .sorted(Comparator.comparing(CompiledRoute::greedy)
                        .thenComparing(Comparator.comparingInt(CompiledRoute::literalSegments).reversed())
                        .thenComparing(r -> r.route().method().equals("ANY")))
                .toList();
        for (SamTemplate.Route route : declared) {
            if (!functions.containsKey(route.functionId())) {
                throw new IllegalStateException("template route " + route.method() + " " + route.path()
                        + " names function " + route.functionId() + ", which the local stack does not run");
            }
        }
    }

    private static CompiledRoute compile(SamTemplate.Route route) {
        StringBuilder regex = new StringBuilder("^");
        List<String> parameters = new ArrayList<>();
        int literals = 0;
        boolean greedy = false;
        for (String segment : route.path().substring(1).split("/")) {
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                parameters.add(segment.substring(1, segment.length() - 2));
                regex.append("(.+)");
                greedy = true;
            } else if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.add(segment.substring(1, segment.length() - 1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(segment));
                literals++;
            }
        }
        regex.append('$');
        return new CompiledRoute(route, Pattern.compile(regex.toString()), parameters, literals, greedy);
    }

    Optional<Matched> match(String method, String path) {
        for (CompiledRoute route : routes) {
            String routeMethod = route.route().method();
            if (!routeMethod.equals("ANY") && !routeMethod.equals(method)) {
                continue;
            }
            Matcher matcher = route.pattern().matcher(path);
            if (matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < route.parameters().size(); i++) {
                    parameters.put(route.parameters().get(i), URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                }
                return Optional.of(new Matched(route, parameters));
            }
        }
        return Optional.empty();
    }

    /** @return false when no route matches (the caller answers 404 as API Gateway would) */
    boolean serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<Matched> matched = match(method, URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
        if (matched.isEmpty()) {
            return false;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            LocalHttp.send(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}");
            return true;
        }
        byte[] event = event(exchange, method, rawPath, matched.get(), body);
        LocalFunction function = functions.get(matched.get().route().route().functionId());
        respond(exchange, function.invoke(event));
        return true;
    }

    private static byte[] event(HttpExchange exchange, String method, String rawPath, Matched matched, byte[] body) throws IOException {
        String routeKey = matched.route().route().method() + " " + matched.route().route().path();
        String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        Map<String, String> query = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        Instant now = Instant.now();
        ApiGatewayEvent.Context context = new ApiGatewayEvent.Context("000000000000", "local", headers.getOrDefault("host", "localhost"),
                "local", method, exchange.getProtocol(), exchange.getRemoteAddress().getAddress().getHostAddress(),
                headers.getOrDefault("user-agent", ""), UUID.randomUUID().toString(), REQUEST_TIME.format(now), now.toEpochMilli());
        boolean text = utf8(body) != null && isText(headers.getOrDefault("content-type", ""));
        return new ApiGatewayEvent(routeKey, rawPath, rawQuery, headers, cookies, query, matched.pathParameters(), body, text, context).toJson();
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("javascript");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, byte[] result) throws IOException {
        JsonNode response = Json.MAPPER.readTree(result);
        int status = response.path("statusCode").asInt(200);
        response.path("headers").properties().forEach(h -> exchange.getResponseHeaders().set(h.getKey(), h.getValue().asText()));
        response.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
        String body = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        LocalHttp.send(exchange, status, null, bytes);
    }
}
