package io.closedloop.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.AdminEntry;
import io.closedloop.admin.AdminJson;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ApiCaller;
import io.closedloop.admin.ApiKeyAuthenticator;
import io.closedloop.admin.CaseApi;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.admin.KpiApi;
import io.closedloop.admin.RuleDryRuns;
import io.closedloop.app.CaseService;
import io.closedloop.config.ApiScope;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.http.HttpFunction;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.kpi.KpiCsv;
import io.closedloop.ports.ConfigCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ANY /admin/{proxy+}} and {@code ANY /api/{proxy+}}: the admin configuration API, the case API and the KPI
 * API, every route authenticated with an API key ({@code Authorization: Bearer cl_<keyId>_<secret>}) and authorized
 * by the key's scopes and campaigns. Each route translates the request into one use-case call and its result back
 * into JSON; the route table ({@link #routes()}) is what docs/openapi.yaml documents.
 */
public final class ApiHandler implements RequestStreamHandler {

    /** The largest JSON body accepted; configuration documents are far smaller. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final String OPENAPI = loadOpenApi();
    private static final String WWW_AUTHENTICATE = "www-authenticate";

    /** The use cases this function calls, built once per execution environment. */
    public record UseCases(ConfigCache config, ConfigAdmin admin, RuleDryRuns dryRuns, CaseApi cases, KpiApi kpis, InstantSource clock) {

        /** Over the table's stores, as the deployed function and the local stack build them. */
        public static UseCases of(Stores stores, InstantSource clock) {
            CaseService service = new CaseService(stores.cases(), stores.configCache(), clock);
            return new UseCases(stores.configCache(), new ConfigAdmin(stores.config(), stores.configCache(), stores.cases()),
                    new RuleDryRuns(stores.configCache(), stores.responses()), new CaseApi(service, stores.cases()),
                    new KpiApi(stores.configCache(), stores.kpis()), clock);
        }
    }

    /** What a route needs: the scope a key must hold (null: any valid key) and the action. */
    record Target(ApiScope scope, Action action) {}

    @FunctionalInterface
    interface Action {
        HttpResponse handle(Call call);
    }

    /** One authenticated, routed request. */
    record Call(HttpRequest request, ApiCaller caller, Map<String, String> parameters) {

        String parameter(String name) {
            return parameters.get(name);
        }

        Long ifMatch() {
            return Etags.parseIfMatch(request.header("if-match").orElse(null));
        }

        JsonNode body() {
            return jsonBody(request);
        }
    }

    private final UseCases useCases;
    private final Router<Target> router;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public ApiHandler() {
        this(UseCases.of(Stores.fromEnvironment(DynamoDb.client()), InstantSource.system()));
    }

    /** For the local stack and tests. */
    public ApiHandler(UseCases useCases) {
        this.useCases = useCases;
        this.router = new Router<>(routeTable());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, "api", this::route);
    }

    /** Every route this function serves, as method and path template. */
    public List<String> routes() {
        return router.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    private HttpResponse route(HttpRequest request) {
        ApiKeyAuthenticator.Authentication authentication =
                ApiKeyAuthenticator.authenticate(request.header("authorization").orElse(null), useCases.config().current());
        if (authentication.caller() == null) {
            return unauthenticated(request, authentication.refusal());
        }
        ApiCaller caller = authentication.caller();
        return switch (router.match(request.method(), pathOf(request))) {
            case Router.Match.NotFound<Target> notFound ->
                    Problem.of(404, "not-found", "Not found", "There is no such route.").response(request.requestId());
            case Router.Match.MethodNotAllowed<Target> notAllowed ->
                    Problem.of(405, "method-not-allowed", "Method not allowed", "This path answers " + String.join(", ", notAllowed.allowed()) + ".")
                            .response(request.requestId()).withHeaders(Map.of("allow", String.join(", ", notAllowed.allowed())));
            case Router.Match.Found<Target> found -> {
                Target target = found.route().target();
                HttpResponse refused = authorize(caller, target.scope(), request);
                yield refused != null ? refused : target.action().handle(new Call(request, caller, found.parameters()));
            }
        };
    }

    /** 403 when the key lacks the scope; admin routes also need a key not limited to campaigns (it could mint one). */
    private static HttpResponse authorize(ApiCaller caller, ApiScope scope, HttpRequest request) {
        if (scope == null) {
            return null;
        }
        boolean allowed = caller.has(scope) && (scope != ApiScope.ADMIN || caller.key().campaignIds().isEmpty());
        if (allowed) {
            return null;
        }
        String detail = caller.has(scope)
                ? "Admin routes need an API key that is not limited to campaigns."
                : "This API key does not have the " + scope + " scope.";
        return Problem.of(403, "insufficient-scope", "Forbidden", detail).response(request.requestId())
                .withHeaders(Map.of(WWW_AUTHENTICATE, "Bearer realm=\"closedloop\", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }

    private static HttpResponse unauthenticated(HttpRequest request, ApiKeyAuthenticator.Refusal refusal) {
        return switch (refusal) {
            case MISSING -> Problem.of(401, "unauthenticated", "Authentication required",
                            "Send an API key: Authorization: Bearer cl_<keyId>_<secret>.")
                    .response(request.requestId()).withHeaders(Map.of(WWW_AUTHENTICATE, "Bearer realm=\"closedloop\""));
            case INVALID -> Problem.of(401, "invalid-key", "Authentication failed", "The API key is not valid or has been revoked.")
                    .response(request.requestId())
                    .withHeaders(Map.of(WWW_AUTHENTICATE, "Bearer realm=\"closedloop\", error=\"invalid_token\""));
        };
    }

    /**
     * The request's path below the API: rebuilt from the route key and the {@code proxy} parameter when API Gateway
     * sends them (so a stage name in the raw path does not matter), else the raw path.
     */
    static String pathOf(HttpRequest request) {
        String proxy = request.pathParameter("proxy");
        String routeKey = request.routeKey();
        int space = routeKey.indexOf(' ');
        String template = space >= 0 ? routeKey.substring(space + 1) : "";
        if (proxy != null && template.endsWith("/{proxy+}")) {
            return template.substring(0, template.length() - "{proxy+}".length()) + proxy;
        }
        return request.rawPath();
    }

    // --- the route table -------------------------------------------------------------------------------------

    private List<Router.Route<Target>> routeTable() {
        List<Router.Route<Target>> routes = new ArrayList<>();
        for (AdminKind kind : AdminKind.values()) {
            String base = "/admin/" + kind.path();
            add(routes, "GET", base, ApiScope.ADMIN, call -> list(kind));
            add(routes, "GET", base + "/{id}", ApiScope.ADMIN, call -> entry(useCases.admin().get(kind, call.parameter("id")), 200));
            if (kind.writableByPut()) {
                add(routes, "PUT", base + "/{id}", ApiScope.ADMIN, call -> put(kind, call));
            }
            add(routes, "DELETE", base + "/{id}", ApiScope.ADMIN, call -> {
                useCases.admin().delete(kind, call.parameter("id"), call.ifMatch(), call.caller().keyId());
                return noContent();
            });
        }
        add(routes, "GET", "/admin/action-plans/{id}/versions", ApiScope.ADMIN,
                call -> items(useCases.admin().planVersions(call.parameter("id"))));
        add(routes, "GET", "/admin/action-plans/{id}/versions/{version}", ApiScope.ADMIN,
                call -> entry(useCases.admin().planVersion(call.parameter("id"), planVersion(call.parameter("version"))), 200));
        add(routes, "POST", "/admin/sources/{id}/secrets", ApiScope.ADMIN, call -> {
            ConfigAdmin.SecretAdded added = useCases.admin().addSecret(call.parameter("id"), call.body(), call.ifMatch(), useCases.clock().instant());
            ObjectNode body = Json.object();
            body.set("secret", added.view());
            body.set("source", added.source().view());
            return json(201, body, added.source().version());
        });
        add(routes, "DELETE", "/admin/sources/{id}/secrets/{secretId}", ApiScope.ADMIN,
                call -> entry(useCases.admin().removeSecret(call.parameter("id"), call.parameter("secretId"), call.ifMatch()), 200));
        add(routes, "POST", "/admin/rules/dry-run", ApiScope.ADMIN, call -> json(200, useCases.dryRuns().run(call.body()), null));
        add(routes, "POST", "/admin/api-keys", ApiScope.ADMIN, call -> {
            ConfigAdmin.NewApiKey created = useCases.admin().createApiKey(call.body());
            ObjectNode body = created.entry().view().deepCopy();
            body.put("key", created.key());
            return json(201, body, created.entry().version())
                    .withHeaders(Map.of("location", "/admin/api-keys/" + created.entry().id()));
        });
        add(routes, "POST", "/admin/api-keys/{id}/revoke", ApiScope.ADMIN,
                call -> entry(useCases.admin().revokeApiKey(call.parameter("id"), call.ifMatch(), call.caller().keyId()), 200));
        add(routes, "POST", "/admin/link-keys/rotate", ApiScope.ADMIN, call -> {
            AdminEntry created = useCases.admin().rotateLinkKey(useCases.clock().instant());
            return entry(created, 201).withHeaders(Map.of("location", "/admin/link-keys/" + created.id()));
        });
        add(routes, "POST", "/admin/link-keys/{id}/retire", ApiScope.ADMIN,
                call -> entry(useCases.admin().retireLinkKey(call.parameter("id"), call.ifMatch()), 200));

        add(routes, "GET", "/api/cases", ApiScope.CASES_READ,
                call -> json(200, useCases.cases().list(call.caller(), call.request().queryParameters()), null));
        add(routes, "GET", "/api/cases/{id}", ApiScope.CASES_READ, call -> {
            CaseApi.CaseView view = useCases.cases().get(call.caller(), call.parameter("id"));
            return json(200, view.json(), view.version());
        });
        add(routes, "POST", "/api/cases/{id}/{command}", ApiScope.CASES_WRITE, this::caseCommand);
        add(routes, "GET", "/api/kpis", ApiScope.REPORTS,
                call -> json(200, Json.MAPPER.valueToTree(useCases.kpis().report(call.caller(), call.request().queryParameters())), null));
        add(routes, "GET", "/api/kpis.csv", ApiScope.REPORTS, this::kpiCsv);
        add(routes, "GET", "/api/openapi.yaml", null,
                call -> HttpResponse.text(200, "application/yaml; charset=utf-8", OPENAPI).withHeaders(Map.of("cache-control", "no-cache")));
        return routes;
    }

    private static void add(List<Router.Route<Target>> routes, String method, String template, ApiScope scope, Action action) {
        routes.add(new Router.Route<>(method, template, new Target(scope, action)));
    }

    // --- translations ----------------------------------------------------------------------------------------

    private HttpResponse list(AdminKind kind) {
        return items(useCases.admin().list(kind));
    }

    private static HttpResponse items(List<AdminEntry> entries) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        entries.forEach(e -> items.add(e.view()));
        return json(200, body, null);
    }

    private HttpResponse put(AdminKind kind, Call call) {
        ConfigAdmin.Written written = useCases.admin().put(kind, call.parameter("id"), call.body(), call.ifMatch());
        HttpResponse response = entry(written.entry(), written.created() ? 201 : 200);
        return written.created()
                ? response.withHeaders(Map.of("location", "/admin/" + kind.path() + "/" + written.entry().id()))
                : response;
    }

    private HttpResponse caseCommand(Call call) {
        CaseApi.CommandOutcome outcome = useCases.cases().command(call.caller(), call.parameter("id"), call.parameter("command"),
                call.body(), call.ifMatch());
        return switch (outcome) {
            case CaseApi.CommandOutcome.Applied applied -> json(200, applied.view().json(), applied.view().version());
            case CaseApi.CommandOutcome.Refused refused -> refused.problem().response(call.request().requestId());
            case CaseApi.CommandOutcome.Conflict conflict -> {
                Problem problem = Problem.of(409, "version-conflict", "The case changed",
                        "The case is at version " + conflict.current().version() + ", not the one this command was decided on:"
                                + " nothing was applied. The current case is attached as \"case\"; decide again on it.");
                ObjectNode body = (ObjectNode) Json.tree(problem.response(call.request().requestId()).bodyBytes());
                body.set("case", conflict.current().json());
                yield new HttpResponse(409, Map.of("content-type", Problem.MEDIA_TYPE, "cache-control", "no-store",
                        "etag", Etags.of(conflict.current().version())), List.of(), Json.string(body));
            }
        };
    }

    private HttpResponse kpiCsv(Call call) {
        Map<String, String> query = call.request().queryParameters();
        String csv = useCases.kpis().csv(call.caller(), query);
        String name = "kpis-" + call.caller().campaignFor(query.get("campaignId")) + "-" + query.get("from") + "-" + query.get("to") + ".csv";
        return new HttpResponse(200, Map.of("content-type", KpiCsv.MEDIA_TYPE, "cache-control", "no-store",
                "content-disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\""), List.of(), csv);
    }

    private static HttpResponse entry(AdminEntry entry, int status) {
        return json(status, entry.view(), entry.version());
    }

    private static HttpResponse json(int status, JsonNode body, Long version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        if (version != null) {
            headers.put("etag", Etags.of(version));
        }
        return new HttpResponse(status, headers, List.of(), Json.string(body));
    }

    private static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("cache-control", "no-store"), List.of(), "");
    }

    private static int planVersion(String text) {
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(Problem.of(404, "not-found", "Not found", "A plan version is a positive integer."));
    }

    static JsonNode jsonBody(HttpRequest request) {
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(413, "too-large", "Body too large", "The body must be at most " + MAX_BODY_BYTES + " bytes."));
        }
        String mediaType = request.mediaType();
        if (request.body().length > 0 && !mediaType.isEmpty() && !mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json."));
        }
        return AdminJson.object(request.body());
    }

    private static String loadOpenApi() {
        try (InputStream in = ApiHandler.class.getResourceAsStream("/closedloop/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("closedloop/openapi.yaml is missing from the function's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
