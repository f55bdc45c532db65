package io.closedloop.http;

import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The shell around every HTTP function: read the API Gateway event, call the route, write the response, log one
 * line. A {@link ProblemException} becomes its problem answer; anything else a generic 500 whose body says nothing
 * about the failure. The log line names the route template, never the raw path (it may carry a link token).
 */
public final class HttpFunction {

    private HttpFunction() {}

    public static void serve(InputStream event, OutputStream out, String function, Function<HttpRequest, HttpResponse> route)
            throws IOException {
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = ApiGatewayV2.read(event);
        } catch (RuntimeException | IOException unreadable) {
            Log.error("unreadable event", Map.of("function", function, "error", unreadable.getClass().getSimpleName()));
            ApiGatewayV2.write(Problem.of(400, "bad-event", "Bad request", "The request could not be read.").response(null), out);
            return;
        }
        HttpResponse response;
        String failure = null;
        try {
            response = route.apply(request);
        } catch (ProblemException problem) {
            response = problem.problem().response(request.requestId());
        } catch (RuntimeException unexpected) {
            failure = Failures.describe(unexpected);
            response = Problem.internal().response(request.requestId());
        }
        ApiGatewayV2.write(response, out);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("function", function);
        fields.put("route", request.routeKey());
        fields.put("status", response.status());
        fields.put("requestId", request.requestId());
        fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (failure != null) {
            fields.put("error", failure);
            Log.error("request failed", fields);
        } else {
            Log.info("request", fields);
        }
    }
}
