package io.closedloop.functions.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Routes a method and path to one of a fixed table of templates such as {@code /admin/sources/{id}/secrets}. A
 * literal segment beats a parameter ({@code /admin/rules/dry-run} before {@code /admin/rules/{id}}), so the table's
 * order does not matter.
 *
 * @param <T> what a route carries (the handler's action and required scope)
 */
final class Router<T> {

    /** One route: method, template, and what it carries. */
    record Route<T>(String method, String template, T target) {

        List<String> segments() {
            return split(template);
        }
    }

    /** The outcome of routing a request. */
    sealed interface Match<T> {
        record Found<T>(Route<T> route, Map<String, String> parameters) implements Match<T> {}

        record MethodNotAllowed<T>(List<String> allowed) implements Match<T> {}

        record NotFound<T>() implements Match<T> {}
    }

    private final List<Route<T>> routes;

    Router(List<Route<T>> routes) {
        this.routes = List.copyOf(routes);
    }

    List<Route<T>> routes() {
        return routes;
    }

    Match<T> match(String method, String path) {
        List<String> segments;
        try {
            segments = split(path).stream().map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        } catch (IllegalArgumentException badEscape) {
            return new Match.NotFound<>();
        }
        Route<T> best = null;
        Map<String, String> bestParameters = null;
        int bestLiterals = -1;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route<T> route : routes) {
            Map<String, String> parameters = new LinkedHashMap<>();
            int literals = bind(route.segments(), segments, parameters);
            if (literals < 0) {
                continue;
            }
            allowed.add(route.method());
            if (route.method().equals(method) && literals > bestLiterals) {
                best = route;
                bestParameters = parameters;
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return new Match.Found<>(best, bestParameters);
        }
        return allowed.isEmpty() ? new Match.NotFound<>() : new Match.MethodNotAllowed<>(List.copyOf(allowed));
    }

    /** How many literal segments matched, or -1 when the template does not match. */
    private static int bind(List<String> template, List<String> path, Map<String, String> parameters) {
        if (template.size() != path.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            String value = path.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (value.isEmpty()) {
                    return -1;
                }
                parameters.put(part.substring(1, part.length() - 1), value);
            } else if (part.equals(value)) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : trimmed.split("/", -1)) {
            segments.add(segment);
        }
        return segments;
    }

}
