package io.closedloop.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.ApiKeys;
import io.closedloop.app.CaseOpening;
import io.closedloop.app.CaseService;
import io.closedloop.cases.Case;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.Campaign;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Team;
import io.closedloop.config.TimeBasis;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.rules.Decision;
import io.closedloop.rules.RuleEngine;
import io.closedloop.rules.RuleJson;
import io.closedloop.testing.LocalDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fresh table on DynamoDB Local with a small configuration (two campaigns on the seed-000 plan, a detractor rule
 * each, responders, a root-cause taxonomy), the API handler over it, and a client that invokes the handler with
 * real API Gateway HTTP API (payload 2.0) events.
 */
final class ApiFixture {

    static final String NPS = "nps-br";
    static final String OTHER = "nps-fr";
    static final String PLAN = SeedPlans.RESOLUTION_FOR_DETRACTORS;
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** A clock the tests move by hand; starts at {@link #NOW}. */
    static final class TestClock implements InstantSource {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** One answer of the handler. */
    record Reply(int status, Map<String, String> headers, String text) {

        JsonNode json() {
            return Json.tree(text.getBytes(StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.get(name);
        }

        String etag() {
            return headers.get("etag");
        }
    }

    final TestClock clock = new TestClock();
    final Stores stores;
    final ApiHandler handler;
    final String adminKey;
    private int responses;

    ApiFixture() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("api");
        stores = Stores.of(dynamo.client(), table, 730, clock, Duration.ZERO);
        seed();
        adminKey = key("Test admin", Set.of(ApiScope.ADMIN), Set.of());
        handler = new ApiHandler(ApiHandler.UseCases.of(stores, clock));
    }

    private void seed() {
        put(SeedPlans.resolutionForDetractors());
        put(new SlaPolicy("detractor-48h", "Detractors: 48 h", TimeBasis.CALENDAR, null,
                new SlaTargets(Duration.ofHours(48), Duration.ofDays(5)), Map.of(), 0.75, List.of(), false));
        put(new Campaign(NPS, "NPS Brazil", PLAN, "detractor-48h", null));
        put(new Campaign(OTHER, "NPS France", PLAN, "detractor-48h", null));
        put(new Responder("ana", "Ana Souza", "ana@example.com", "pt-BR", "support", true, null));
        put(new Responder("louis", "Louis Martin", "louis@example.com", "fr", "support", true, null));
        put(new Responder("vera", "Vera Viewer", "vera@example.com", "en", null, false, null));
        put(new Team("support", "Support", List.of("ana", "louis"), "louis", null, null));
        put(new RootCause("delivery", "Delivery", null));
        put(new RootCause("late-delivery", "Late delivery", "delivery"));
        for (String campaign : List.of(NPS, OTHER)) {
            ObjectNode rule = (ObjectNode) Json.tree(("""
                    {"id": "detractors-%s", "version": 1, "campaignId": "%s", "name": "Detractors", "priority": 10,
                     "condition": {"type": "category", "scale": "NPS", "categories": ["DETRACTOR"]},
                     "outcome": {"assignment": {"type": "fixed", "responderId": "%s"}, "slaPolicyId": "detractor-48h"}}
                    """).formatted(campaign, campaign, campaign.equals(NPS) ? "ana" : "louis").getBytes(StandardCharsets.UTF_8));
            put(RuleJson.readRule(rule, stores.configCache().current()).rule());
        }
    }

    void put(Object value) {
        stores.config().put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
        stores.configCache().invalidate();
    }

    /** Stores a new API key and returns the full key. */
    String key(String name, Set<ApiScope> scopes, Set<String> campaignIds) {
        ApiKeys.NewKey generated = ApiKeys.generate();
        put(new ApiKey(generated.keyId(), name, generated.hash(), scopes, campaignIds, false));
        return generated.key();
    }

    static String keyId(String key) {
        return ApiKeys.keyId(key).orElseThrow();
    }

    /** A stored detractor response of a campaign, opened into a case by the campaign's rule, as the processor does. */
    Case openCase(String campaignId, int score) {
        Response response = response(campaignId, score, clock.instant().minusSeconds(60));
        stores.responses().store(response);
        Decision decision = RuleEngine.decide(stores.configCache().current(), response, stores.roundRobin()::next);
        Case opened = CaseOpening.open(response, decision, stores.configCache().current(), clock.instant());
        stores.cases().create(opened);
        clock.advance(Duration.ofSeconds(1));
        return opened;
    }

    Response response(String campaignId, int score, Instant submittedAt) {
        responses++;
        return new Response("src-" + campaignId, "resp-" + responses, campaignId, submittedAt,
                new Respondent("cust-" + responses, "customer" + responses + "@example.com", "Customer " + responses, null, "pt-BR"),
                new Score(ScoreType.NPS, score), "Delivery was late (" + responses + ")", Map.of(), Map.of("country", "BR"), 0);
    }

    CaseService caseService() {
        return new CaseService(stores.cases(), stores.configCache(), clock);
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    Reply get(String path, String key) {
        return call("GET", path, key, null, Map.of());
    }

    Reply delete(String path, String key, Map<String, String> headers) {
        return call("DELETE", path, key, null, headers);
    }

    Reply put(String path, String key, String body, Map<String, String> headers) {
        return call("PUT", path, key, body, headers);
    }

    Reply post(String path, String key, String body, Map<String, String> headers) {
        return call("POST", path, key, body, headers);
    }

    Reply call(String method, String pathAndQuery, String key, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("host", "abc123.execute-api.eu-west-1.amazonaws.com");
        headers.put("user-agent", "crm-sync/2.1");
        if (key != null) {
            headers.put("authorization", "Bearer " + key);
        }
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return invoke(event(method, pathAndQuery, headers, body));
    }

    Reply invoke(ObjectNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, null);
            JsonNode answer = Json.tree(out.toByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            answer.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            return new Reply(answer.path("statusCode").asInt(), headers, answer.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event API Gateway sends for a request on {@code ANY /admin/{proxy+}} or {@code ANY /api/{proxy+}}. */
    static ObjectNode event(String method, String pathAndQuery, Map<String, String> headers, String body) {
        int question = pathAndQuery.indexOf('?');
        String rawPath = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String rawQuery = question < 0 ? "" : pathAndQuery.substring(question + 1);
        String prefix = rawPath.startsWith("/admin/") ? "/admin/" : "/api/";
        String routeKey = "ANY " + prefix + "{proxy+}";
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        if (!rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            Arrays.stream(rawQuery.split("&")).map(p -> p.split("=", 2)).forEach(p ->
                    query.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        }
        if (rawPath.startsWith(prefix) && rawPath.length() > prefix.length()) {
            event.putObject("pathParameters").put("proxy", URLDecoder.decode(rawPath.substring(prefix.length()), StandardCharsets.UTF_8));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "abc123");
        context.put("domainName", "abc123.execute-api.eu-west-1.amazonaws.com");
        context.put("domainPrefix", "abc123");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", "Kx1bWj" + Long.toHexString(System.nanoTime()));
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", "20/Nov/2026:10:00:00 +0000");
        context.put("timeEpoch", NOW.toEpochMilli());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }
}
