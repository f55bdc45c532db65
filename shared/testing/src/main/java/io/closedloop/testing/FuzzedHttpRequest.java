package io.closedloop.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fuzz input read as a small HTTP request and turned into the API Gateway HTTP API (payload 2.0) event a function
 * receives, routed by the function's routes in template.yaml. The text form keeps the committed corpus readable and
 * lets the fuzzer mutate methods, paths, headers and bodies separately:
 *
 * <pre>
 * POST /webhooks/demo?x=1
 * content-type: application/json
 * cookie: a=b; c=d
 *
 * {"the": "body, raw bytes up to the end"}
 * </pre>
 *
 * Anything that does not parse is still a request: a first line without a space is a path, a header line without a
 * colon is skipped. A request whose method and path match none of the function's routes has no event: API Gateway
 * answers it with 404 itself and never calls the function.
 *
 * @param headers lower-case names; repeated headers joined with a comma as API Gateway does
 */
public record FuzzedHttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
        List<String> cookies, byte[] body) {

    private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{([^}+]+)(\\+?)}");

    /** Reads the text form: request line, header lines, an empty line, then the body bytes. */
    public static FuzzedHttpRequest parse(byte[] input) {
        int split = indexOf(input, new byte[] {'\n', '\n'});
        int bodyStart = split < 0 ? input.length : split + 2;
        String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOfRange(input, bodyStart, input.length);
        String[] lines = head.split("\n", -1);
        String requestLine = lines[0].strip();
        int space = requestLine.indexOf(' ');
        String method = space < 0 ? "GET" : requestLine.substring(0, space).toUpperCase(Locale.ROOT);
        String target = space < 0 ? requestLine : requestLine.substring(space + 1).strip();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("cookie")) {
                for (String cookie : value.split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
            } else if (!name.isEmpty()) {
                headers.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        return new FuzzedHttpRequest(method.isEmpty() ? "GET" : method, path, query, headers, cookies, body);
    }

    /** This request with every occurrence of {@code placeholder} in headers, cookies, path and body replaced. */
    public FuzzedHttpRequest replace(String placeholder, String value) {
        Map<String, String> newHeaders = new LinkedHashMap<>();
        headers.forEach((name, v) -> newHeaders.put(name, v.replace(placeholder, value)));
        List<String> newCookies = cookies.stream().map(c -> c.replace(placeholder, value)).toList();
        byte[] newBody = new String(body, StandardCharsets.ISO_8859_1).contains(placeholder)
                ? replaceBytes(body, placeholder.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8))
                : body;
        return new FuzzedHttpRequest(method, rawPath.replace(placeholder, value), rawQuery.replace(placeholder, value),
                newHeaders, newCookies, newBody);
    }

    /** This request with one more header (replacing one of the same name). */
    public FuzzedHttpRequest withHeader(String name, String value) {
        Map<String, String> newHeaders = new LinkedHashMap<>(headers);
        newHeaders.put(name.toLowerCase(Locale.ROOT), value);
        return new FuzzedHttpRequest(method, rawPath, rawQuery, newHeaders, cookies, body);
    }

    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The API Gateway event for the function {@code functionId} of template.yaml (e.g. IngestFunction), routed as API
     * Gateway routes (the most specific route first); empty when no route of the function matches.
     */
    public Optional<byte[]> event(String functionId) {
        List<SamTemplate.Route> routes = ROUTES.stream().filter(r -> r.functionId().equals(functionId)).toList();
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("template.yaml has no HTTP route for " + functionId);
        }
        String decodedPath = decode(rawPath.replace("+", "%2B"));
        List<SamTemplate.Route> ordered = routes.stream()
                .sorted(Comparator.comparing((SamTemplate.Route r) -> r.path().contains("+}")).thenComparing(r -> -literalSegments(r)))
                .toList();
        for (SamTemplate.Route route : ordered) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            Map<String, String> matched = match(route.path(), decodedPath);
            if (matched != null) {
                return Optional.of(write(route.method() + " " + route.path(), matched));
            }
        }
        return Optional.empty();
    }

    private byte[] write(String routeKey, Map<String, String> pathParameters) {
        ApiGatewayEvent.Context context = new ApiGatewayEvent.Context("123456789012", "fuzz", headers.getOrDefault("host", "cx.example.com"),
                null, method, "HTTP/1.1", "203.0.113.7", headers.getOrDefault("user-agent", "fuzz"), "fuzz-request", null,
                1_732_000_000_000L);
        // API Gateway base64-encodes any body it does not know to be text; the handlers must read both
        return new ApiGatewayEvent(routeKey, rawPath, rawQuery, headers, cookies, query(), pathParameters, body, false, context).toJson();
    }

    private Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        return query;
    }

    private static final List<SamTemplate.Route> ROUTES = SamTemplate.load().routes();

    private static int literalSegments(SamTemplate.Route route) {
        return (int) Arrays.stream(route.path().split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
    }

    /** The path parameters when {@code path} matches the route template, else null. */
    private static Map<String, String> match(String template, String path) {
        StringBuilder regex = new StringBuilder("^");
        List<String> names = new ArrayList<>();
        Matcher parameter = ROUTE_PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            names.add(parameter.group(1));
            regex.append(parameter.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            parameters.put(names.get(i), matcher.group(i + 1));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // API Gateway passes undecodable escapes through as they are
            return text;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] replaceBytes(byte[] data, byte[] from, byte[] to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + to.length);
        int i = 0;
        while (i < data.length) {
            if (i + from.length <= data.length && Arrays.equals(data, i, i + from.length, from, 0, from.length)) {
                out.writeBytes(to);
                i += from.length;
            } else {
                out.write(data[i]);
                i++;
            }
        }
        return out.toByteArray();
    }
}
