package io.closedloop.functions.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.CaseService;
import io.closedloop.app.LinkKeys;
import io.closedloop.app.Priming;
import io.closedloop.aws.Settings;
import io.closedloop.cases.Case;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.dynamodb.CaseItem;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.functions.web.ResponderSession.Access;
import io.closedloop.functions.web.ResponderSession.LinkOutcome;
import io.closedloop.http.HttpFunction;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem;
import io.closedloop.json.Json;
import io.closedloop.kpi.KpiStore;
import io.closedloop.links.CaseLinks;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.Suppressions;
import io.closedloop.webui.CasePage;
import io.closedloop.webui.CasePaths;
import io.closedloop.webui.CaseViews;
import io.closedloop.webui.CrossSiteCheck;
import io.closedloop.webui.FormBody.MalformedFormException;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The responder's pages: {@code GET /c/{token}} trades the emailed link for a session and redirects to the clean
 * {@code GET /cases/{caseId}}, which shows the case; {@code POST /cases/{caseId}/{command}} takes the page's plain
 * HTML forms (session, then cross-site refusal, then CSRF token, then the command with the version the user saw)
 * and answers Post/Redirect/Get. {@code GET /dashboard} shows the KPIs to a manager signed in with an API key
 * ({@code POST /dashboard/login}).
 *
 * <p>SnapStart priming (Lambda's constructor only): before the snapshot, a case-page request with a session for a
 * case that does not exist goes through the real handler (event parsing, the configuration query, the case read,
 * the sign-in message page); the case page of an in-memory case is rendered (the customer's earlier cases: one
 * read-only index query); the dashboard's sign-in page is rendered; then the case page is rendered in memory
 * {@link #RENDER_REHEARSALS} times, and the stored configuration (read once more) assembled and a case item mapped
 * as many times, so the JIT compiles what the first request after a restore runs. Nothing is written.
 */
public final class WebHandler implements RequestStreamHandler, Resource {

    private static final String PRIMING = Priming.ID;
    /** In-memory case-page renders before the snapshot: past the JIT's compile thresholds for the view and template code. */
    static final int RENDER_REHEARSALS = 500;

    private final CaseService service;
    private final CasePage casePage;
    private final CheckInPages checkIns;
    private final OptOutPages optOuts;
    private final Dashboard dashboard;
    private final LinkKeys linkKeys;
    private final CrossSiteCheck crossSite;
    private final ConfigCache primedConfig;
    private final ConfigStore primedStore;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public WebHandler() {
        this(Stores.fromEnvironment(DynamoDb.client()), Settings.optional("PUBLIC_BASE_URL"));
        Core.getGlobalContext().register(this);
    }

    /** Real stores, primed like Lambda's (tests call the SnapStart hooks directly). */
    WebHandler(Stores stores, String publicBaseUrl) {
        this(new CaseService(stores.cases(), stores.configCache(), InstantSource.system()), stores.cases(), stores.kpis(),
                new LinkKeys(stores.configCache(), stores.config()), stores.suppressions(), publicBaseUrl, stores.configCache(), stores.config());
    }

    /**
     * For the local stack and tests.
     *
     * @param cases where the customer's other cases are listed from
     * @param kpis the counters the dashboard reads
     * @param linkKeys the keys that sign the dashboard session
     * @param suppressions where a customer's opt-out is written
     * @param publicBaseUrl the deployment's public address (PUBLIC_BASE_URL), part of the cross-site check; may be null
     */
    public WebHandler(CaseService service, CaseStore cases, KpiStore kpis, LinkKeys linkKeys, Suppressions suppressions, String publicBaseUrl) {
        this(service, cases, kpis, linkKeys, suppressions, publicBaseUrl, null, null);
    }

    private WebHandler(CaseService service, CaseStore cases, KpiStore kpis, LinkKeys linkKeys, Suppressions suppressions, String publicBaseUrl,
            ConfigCache primedConfig, ConfigStore primedStore) {
        this.service = service;
        this.crossSite = new CrossSiteCheck(publicBaseUrl);
        this.casePage = new CasePage(service, cases, CasePaths.EMAILED_LINK, crossSite, CasePage.OWN_FRAME);
        this.checkIns = new CheckInPages(service, crossSite);
        this.optOuts = new OptOutPages(service, suppressions);
        this.dashboard = new Dashboard(kpis);
        this.linkKeys = linkKeys;
        this.primedConfig = primedConfig;
        this.primedStore = primedStore;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (primedConfig == null) {
            return;
        }
        Instant now = Instant.now();
        LinkKey key = Priming.linkKey(now);
        Responder responder = Priming.responder();
        ActionPlan plan = Priming.plan();
        Configuration config = new Configuration(Map.of(), Map.of(), List.of(), Map.of(responder.id(), responder), Map.of(), List.of(plan),
                Map.of(), Map.of(), Map.of(), Map.of(), List.of(key));
        Case c = Priming.detractorCase(now);
        String session = CaseLinks.sessionToken(key, new CaseLinks.Claims(c.id(), responder.id(), c.linkGeneration(), now.plus(Duration.ofHours(1))), now);
        Priming.step("case page of an unknown case", () -> invoke("GET /cases/{caseId}", "/cases/" + c.id(), Map.of("caseId", c.id()), session, now));
        Priming.step("case page", () -> casePage.page(200, c, viewer(new Access.Granted(c, responder, session), config,
                WebMessages.choose(responder, "en-GB,en;q=0.9")), config, now, null, null));
        Priming.step("dashboard sign-in", () -> invoke("GET /dashboard", "/dashboard", Map.of(), null, now));
        Priming.step("case page renders", () -> {
            CasePage.Viewer viewer = viewer(new Access.Granted(c, responder, session), config, WebMessages.choose(responder, "en-GB,en;q=0.9"));
            for (int round = 0; round < RENDER_REHEARSALS; round++) {
                Pages.casePage(200, CaseViews.build(CasePaths.EMAILED_LINK, c, config, List.of(), viewer, now, null, null));
            }
        });
        // The first request after a restore assembles the configuration afresh and maps the case item: compile both
        Priming.step("configuration assembly and case mapping", () -> {
            List<ConfigEntry> entries = primedStore.loadAll();
            Map<String, AttributeValue> item = CaseItem.toItem(c);
            for (int round = 0; round < RENDER_REHEARSALS; round++) {
                ConfigurationAssembler.assemble(entries);
                CaseItem.fromItem(item);
            }
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (primedConfig != null) {
            primedConfig.invalidate();
        }
    }


    private void invoke(String routeKey, String path, Map<String, String> pathParameters, String session, Instant now) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.putObject("headers").put("accept-language", "en-GB,en;q=0.9").put("sec-fetch-site", "none").put("host", "priming.invalid");
        if (session != null) {
            event.putArray("cookies").add(ResponderSession.COOKIE + "=" + session);
        }
        ObjectNode requestContext = event.putObject("requestContext");
        requestContext.putObject("http").put("method", "GET").put("path", path).put("sourceIp", "127.0.0.1");
        requestContext.put("requestId", PRIMING);
        requestContext.put("timeEpoch", now.toEpochMilli());
        ObjectNode parameters = event.putObject("pathParameters");
        pathParameters.forEach(parameters::put);
        event.put("isBase64Encoded", false);
        try {
            handleRequest(new ByteArrayInputStream(Json.bytes(event)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, "web", this::route);
    }

    HttpResponse route(HttpRequest request) {
        return switch (request.routeKey()) {
            case "GET /c/{token}" -> openLink(request);
            case "GET /cases/{caseId}" -> showCase(request);
            case "POST /cases/{caseId}/{command}" -> command(request);
            case "GET /k/{token}" -> checkIns.show(request);
            case "POST /k/{token}" -> checkIns.answer(request);
            case "GET /u/{token}" -> optOuts.show(request);
            case "POST /u/{token}" -> optOuts.apply(request);
            case "GET /dashboard" -> showDashboard(request);
            case "POST /dashboard/login" -> signIn(request);
            default -> Problem.of(404, "not-found", "Not found", "There is no such page.").response(request.requestId())
                    .withHeaders(Map.of("x-content-type-options", "nosniff"));
        };
    }

    private HttpResponse showDashboard(HttpRequest request) {
        Configuration config = service.configuration();
        Instant now = service.now();
        WebMessages m = WebMessages.choose(null, request.header("accept-language").orElse(null));
        return Dashboard.signedIn(request, config, now)
                .map(key -> dashboard.page(request, key, config, m, now))
                .orElseGet(() -> DashboardPages.login(200, m, null));
    }

    private HttpResponse signIn(HttpRequest request) {
        WebMessages m = WebMessages.choose(null, request.header("accept-language").orElse(null));
        if (crossSite.refuses(request)) {
            return Pages.message(403, MessageView.of(m, "request.crossSite"));
        }
        if (!request.mediaType().equals(CasePage.FORM_MEDIA_TYPE) || request.body().length > FormBody.MAX_BYTES) {
            return Pages.message(415, MessageView.of(m, "request.unsupported"));
        }
        String presented;
        try {
            presented = FormBody.parse(request.body()).field("apiKey").orElse("");
        } catch (MalformedFormException e) {
            return Pages.message(400, MessageView.of(m, "request.malformed"));
        }
        Configuration config = service.configuration();
        Instant now = service.now();
        return Dashboard.authenticate(presented, config)
                .map(key -> Pages.redirect("/dashboard").withCookie(Dashboard.sessionCookie(linkKeys.signingKey(now), key, now)))
                .orElseGet(() -> DashboardPages.login(401, m, m.t("dashboard.badKey")));
    }

    private HttpResponse openLink(HttpRequest request) {
        Instant now = service.now();
        LinkOutcome outcome = ResponderSession.open(service.configuration(), request.pathParameter("token"), now, service::find);
        return switch (outcome) {
            case LinkOutcome.Opened(String caseId, String session, Instant expiresAt) ->
                    Pages.redirect(CasePaths.EMAILED_LINK.page(caseId)).withCookie(ResponderSession.setCookie(caseId, session, now, expiresAt));
            case LinkOutcome.Refused(CaseLinks.Refusal refusal) -> {
                WebMessages m = WebMessages.choose(null, request.header("accept-language").orElse(null));
                yield switch (refusal) {
                    case INVALID -> Pages.message(403, MessageView.of(m, "link.invalid"));
                    case EXPIRED -> Pages.message(410, MessageView.of(m, "link.expired"));
                    case REVOKED -> Pages.message(410, MessageView.of(m, "link.revoked"));
                };
            }
        };
    }

    private HttpResponse showCase(HttpRequest request) {
        Configuration config = service.configuration();
        Instant now = service.now();
        Access access = ResponderSession.check(config, request.cookie(ResponderSession.COOKIE), request.pathParameter("caseId"), now, service::find);
        if (!(access instanceof Access.Granted granted)) {
            return denied(request, (Access.Denied) access);
        }
        WebMessages m = WebMessages.choose(granted.responder(), request.header("accept-language").orElse(null));
        return casePage.show(request, granted.current(), viewer(granted, config, m), config, now);
    }

    private HttpResponse command(HttpRequest request) {
        Configuration config = service.configuration();
        Instant now = service.now();
        String caseId = request.pathParameter("caseId");
        Access access = ResponderSession.check(config, request.cookie(ResponderSession.COOKIE), caseId, now, service::find);
        if (!(access instanceof Access.Granted granted)) {
            return denied(request, (Access.Denied) access);
        }
        WebMessages m = WebMessages.choose(granted.responder(), request.header("accept-language").orElse(null));
        return casePage.command(request, caseId, viewer(granted, config, m),
                presented -> CaseLinks.verifyCsrf(config, granted.sessionToken(), presented), config, now);
    }

    /** The session's holder; the domain decides what they may do (a responder without the right to respond only reads). */
    private static CasePage.Viewer viewer(Access.Granted granted, Configuration config, WebMessages m) {
        String csrf = granted.responder().canRespond() ? CaseLinks.csrfToken(config, granted.sessionToken()) : null;
        return new CasePage.Viewer(granted.responder(), m, csrf, null);
    }

    private static HttpResponse denied(HttpRequest request, Access.Denied denied) {
        WebMessages m = WebMessages.choose(null, request.header("accept-language").orElse(null));
        return Pages.message(401, MessageView.of(m, denied.messageKey()));
    }
}
