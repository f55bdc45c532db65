package io.closedloop.functions.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.CaseService;
import io.closedloop.app.Priming;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigImports;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.aws.Settings;
import io.closedloop.cases.Case;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Role;
import io.closedloop.config.RootCause;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.console.Access;
import io.closedloop.console.BulkChange;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConsoleKeys;
import io.closedloop.console.ConfigFiles;
import io.closedloop.console.RuleTrials;
import io.closedloop.console.SourceSecrets;
import io.closedloop.console.PeopleAdmin;
import io.closedloop.console.ConsoleSessions;
import io.closedloop.console.ConsoleSessions.Signed;
import io.closedloop.console.SignIn;
import io.closedloop.console.WorkQueue;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.functions.console.ConsoleView.Nav;
import io.closedloop.http.HttpFunction;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.json.Json;
import io.closedloop.kpi.KpiStore;
import io.closedloop.links.CaseLinks;
import io.closedloop.log.Log;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.MailException;
import io.closedloop.ports.Mailer;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.SessionStore;
import io.closedloop.rules.Rule;
import io.closedloop.queue.CaseQueue;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueueRow;
import io.closedloop.ses.SesMailer;
import io.closedloop.webui.CasePage;
import io.closedloop.webui.CasePaths;
import io.closedloop.webui.CaseViews;
import io.closedloop.webui.CrossSiteCheck;
import io.closedloop.webui.Dashboards;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.FormBody.MalformedFormException;
import io.closedloop.webui.MessageBundle;
import io.closedloop.webui.MessageView;
import io.closedloop.templates.console.JtesettingsGenerated;
import io.closedloop.webui.MultipartForm;
import io.closedloop.webui.Pages;
import io.closedloop.webui.SecurityHeaders;
import io.closedloop.webui.WebMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crac.Core;
import org.crac.Resource;

/**
 * The console (docs/console.md): passwordless sign-in ({@code /console/sign-in}), the work queue
 * ({@code /console/cases}), the case page with its commands ({@code /console/cases/{id}}), the dashboard
 * ({@code /console/dashboard}) and the configuration pages ({@code /console/admin/...}), behind one console
 * session. Every page and command asks {@link Access} on the server. The handler only translates HTTP to one use case
 * and renders its answer.
 */
public final class ConsoleHandler implements RequestStreamHandler, Resource {

    static final WebMessages.Family MESSAGES = WebMessages.family(MessageBundle.load("io/closedloop/console/messages"));
    /** The pre-session cookie the sign-in forms' CSRF tokens are bound to. */
    static final String FORM_COOKIE = "cl_signin";
    /** In-memory page renders before the snapshot: past the JIT's compile thresholds for the view and template code. */
    static final int RENDER_REHEARSALS = 300;
    private static final Pattern CASE_PAGE = Pattern.compile("/console/cases/([^/]+)");
    private static final Pattern CASE_COMMAND = Pattern.compile("/console/cases/([^/]+)/([a-z-]+)");
    /** The configuration pages' index; each page's address starts with it. */
    static final String SETTINGS = "/console/admin";
    private static final Pattern SIGN_IN_LINK = Pattern.compile("/console/sign-in/([A-Za-z0-9_-]{1,100})");

    private final CaseService service;
    private final CaseStore cases;
    private final WorkQueue queue;
    private final BulkChange bulk;
    private final PeoplePages people;
    private final EntryPages<Team, TeamsPages.Input> teams;
    private final EntryPages<ActionPlan, PlansPages.Input> plans;
    private final EntryPages<Campaign, CampaignsPages.Input> campaigns;
    private final SourcesPages sourcePages;
    private final EntryPages<Source, SourcesPages.Input> sources;
    private final EntryPages<BusinessCalendar, CalendarsPages.Input> calendars;
    private final EntryPages<SlaPolicy, SlaPoliciesPages.Input> slaPolicies;
    private final EntryPages<RootCause, RootCausesPages.Input> rootCauses;
    private final KeysPages keys;
    private final RulesPages rulePages;
    private final EntryPages<Rule, RulesPages.Input> rules;
    private final ConfigFilePages configFile;
    private final Dashboards dashboards;
    private final SignIn signIn;
    private final ConsoleSessions sessions;
    private final Mailer mailer;
    private final String sender;
    private final String publicBaseUrl;
    private final CrossSiteCheck crossSite;
    /** The configuration cache the priming warms and {@link #afterRestore} empties; null in unit tests. */
    private ConfigCache primedConfig;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public ConsoleHandler() {
        this(Stores.fromEnvironment(DynamoDb.client()), new SesMailer(SesMailer.client()), Settings.required("SENDER_ADDRESS"),
                Settings.required("PUBLIC_BASE_URL"), InstantSource.system());
        Core.getGlobalContext().register(this);
    }

    /**
     * For the local stack and tests.
     *
     * @param sender the From address of sign-in emails (SENDER_ADDRESS)
     * @param publicBaseUrl where sign-in links point (PUBLIC_BASE_URL); also part of the cross-site check
     */
    public ConsoleHandler(Stores stores, Mailer mailer, String sender, String publicBaseUrl, InstantSource clock) {
        this(new CaseService(stores.cases(), stores.configCache(), clock), stores.cases(), stores.queue(), new SignIn(stores.signIns()),
                new ConsoleSessions(stores.sessions()), new ConfigAdmin(stores.config(), stores.configCache(), stores.cases()), stores.sessions(), stores.kpis(),
                stores.responses(), stores.config(), stores.configCache(), mailer, sender, publicBaseUrl);
        this.primedConfig = stores.configCache();
    }

    ConsoleHandler(CaseService service, CaseStore cases, CaseQueue queue, SignIn signIn, ConsoleSessions sessions, ConfigAdmin admin,
            SessionStore sessionStore, KpiStore kpis, ResponseStore responses, ConfigStore configStore,
            ConfigCache configCache, Mailer mailer, String sender, String publicBaseUrl) {
        this.service = service;
        this.cases = cases;
        this.queue = new WorkQueue(queue);
        this.bulk = new BulkChange(service);
        this.people = new PeoplePages(new PeopleAdmin(admin, sessionStore));
        this.teams = new EntryPages<>(new TeamsPages(new ConfigEntries<>(admin, AdminKind.TEAMS, Team.class)));
        this.plans = new EntryPages<>(new PlansPages(new ConfigEntries<>(admin, AdminKind.ACTION_PLANS, ActionPlan.class)));
        this.dashboards = new Dashboards(kpis);
        this.signIn = signIn;
        this.sessions = sessions;
        this.mailer = mailer;
        this.sender = sender;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.crossSite = new CrossSiteCheck(publicBaseUrl);
        this.campaigns = new EntryPages<>(new CampaignsPages(new ConfigEntries<>(admin, AdminKind.CAMPAIGNS, Campaign.class), this.publicBaseUrl));
        this.sourcePages = new SourcesPages(new ConfigEntries<>(admin, AdminKind.SOURCES, Source.class), new SourceSecrets(admin), this.publicBaseUrl,
                service::now);
        this.sources = new EntryPages<>(sourcePages);
        this.calendars = new EntryPages<>(new CalendarsPages(new ConfigEntries<>(admin, AdminKind.CALENDARS, BusinessCalendar.class), service::now));
        this.slaPolicies = new EntryPages<>(new SlaPoliciesPages(new ConfigEntries<>(admin, AdminKind.SLA_POLICIES, SlaPolicy.class)));
        this.rootCauses = new EntryPages<>(new RootCausesPages(new ConfigEntries<>(admin, AdminKind.ROOT_CAUSES, RootCause.class)));
        this.keys = new KeysPages(new ConsoleKeys(admin), service::now);
        this.rulePages = new RulesPages(new ConfigEntries<>(admin, AdminKind.RULES, Rule.class), new RuleTrials(responses), service::now);
        this.rules = new EntryPages<>(rulePages);
        this.configFile = new ConfigFilePages(new ConfigFiles(new ConfigImports(configStore, configCache)), service::now);
    }

    /**
     * SnapStart priming: the sign-in page through the whole request path, one read of the real queue index and its
     * counts, in-memory rehearsals of the queue and case pages, and the rule and plan lists on the stored configuration, so
     * the first request after a restore runs compiled
     * code. Nothing is written: no session, no sign-in link, no mail.
     */
    /** Admin page rehearsals before the snapshot; each reads the configuration once. */
    private static final int ADMIN_REHEARSALS = 20;

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (primedConfig == null) {
            return;
        }
        Instant now = Instant.now();
        Configuration config = new Configuration(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(Priming.plan()), Map.of(),
                Map.of(), Map.of(), Map.of(), List.of(Priming.linkKey(now)));
        Access admin = Access.of(Priming.responder().withRole(Role.ADMIN), config);
        WebMessages m = MESSAGES.choose(admin.person(), "fr-FR,fr;q=0.9");
        Priming.step("sign-in page", () -> primeRequest("/console/sign-in", now));
        Priming.step("queue page without a session", () -> primeRequest("/console/cases", now));
        Priming.step("queue index read and counts", () -> {
            queue.page(WorkQueue.ListName.TEAMS, admin, config, QueueFilter.NONE, WorkQueue.Sort.DUE, null, now);
            queue.counts(admin, config, now);
        });
        Case c = Priming.detractorCase(now);
        List<QueueRow> rows = new ArrayList<>();
        for (int i = 0; i < WorkQueue.PAGE_SIZE; i++) {
            rows.add(new QueueRow(c.id() + i, c.campaignId(), c.status(), c.priority(), null, null, 3, null, i % 3 == 0, now,
                    now.plus(Duration.ofHours(i)), null, "Priming " + i, "first words of the comment", 1));
        }
        Nav nav = new Nav(m, admin.person().name(), Role.ADMIN.name(), "csrf");
        QueueViews.Asked asked = new QueueViews.Asked(WorkQueue.ListName.TEAMS, QueueFilter.NONE, WorkQueue.Sort.DUE, null, Map.of(), false);
        Map<WorkQueue.ListName, Long> counts = Map.of(WorkQueue.ListName.TEAMS, 25L);
        Priming.step("queue and case page renders", () -> {
            CasePage.Viewer viewer = new CasePage.Viewer(admin.person(), m, "csrf", null);
            for (int round = 0; round < RENDER_REHEARSALS; round++) {
                ConsoleView.Queue queueView = QueueViews.view(asked, new WorkQueue.Listing(rows, "o25", false), counts, admin, config, m, now,
                        null, "csrf", c.id());
                ConsolePages.queue(nav, queueView);
                QueueCsv.of(rows, config, ZoneId.of("Europe/Paris"));
                casePageFor(nav).page(200, c, viewer, config, now, null, null);
                new CasePage(service, cases, CasePaths.CONSOLE, crossSite, ConsolePages.queueWithCase(nav, queueView)).page(200, c, viewer, config, now,
                        null, null);
            }
        });
        // The admin pages read the real configuration (a read, like the queue's): the rule list is the heaviest of them
        Configuration stored = primedConfig.current();
        ConsoleVisit adminVisit = new ConsoleVisit(new ConsoleSessions.Signed(admin.person(), "priming", now.plus(Duration.ofHours(1))), stored,
                Access.of(admin.person(), stored), m, nav);
        Priming.step("admin page renders", () -> {
            for (int round = 0; round < ADMIN_REHEARSALS; round++) {
                rules.get(RulesPages.BASE, Map.of(), adminVisit);
                plans.get(PlansPages.BASE, Map.of(), adminVisit);
            }
        });
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (primedConfig != null) {
            primedConfig.invalidate();
        }
    }

    private void primeRequest(String path, Instant now) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", path.equals("/console") ? "GET /console" : "ANY /console/{proxy+}");
        event.put("rawPath", path);
        event.putObject("headers").put("accept-language", "en-GB,en;q=0.9").put("sec-fetch-site", "none").put("host", "priming.invalid");
        ObjectNode requestContext = event.putObject("requestContext");
        requestContext.putObject("http").put("method", "GET").put("path", path).put("sourceIp", "127.0.0.1");
        requestContext.put("requestId", Priming.ID);
        requestContext.put("timeEpoch", now.toEpochMilli());
        event.put("isBase64Encoded", false);
        try {
            handleRequest(new ByteArrayInputStream(Json.bytes(event)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpFunction.serve(input, output, "console", this::route);
    }

    HttpResponse route(HttpRequest request) {
        String path = request.rawPath();
        String method = request.method();
        Matcher m;
        if (path.equals("/console") || path.equals("/console/")) {
            return Pages.redirect(signedIn(request).isPresent() ? "/console/cases" : "/console/sign-in");
        }
        if (path.equals("/console/sign-in")) {
            return method.equals("POST") ? requestLink(request) : method.equals("GET") ? signInPage(request) : notAllowed(request);
        }
        if ((m = SIGN_IN_LINK.matcher(path)).matches()) {
            return method.equals("POST") ? redeemLink(request, m.group(1)) : method.equals("GET") ? confirmPage(request, m.group(1))
                    : notAllowed(request);
        }
        if (path.equals("/console/sign-out") && method.equals("POST")) {
            return signOut(request);
        }
        if (path.equals("/console/cases") && method.equals("GET")) {
            return queuePage(request);
        }
        if (path.equals("/console/cases.csv") && method.equals("GET")) {
            return queueCsv(request);
        }
        if (path.equals("/console/dashboard") && method.equals("GET")) {
            return dashboardPage(request);
        }
        if (path.equals("/console/cases/bulk") && method.equals("POST")) {
            return bulkChange(request);
        }
        if (path.equals(SETTINGS) || path.startsWith(SETTINGS + "/")) {
            return adminPage(request);
        }
        if ((m = CASE_PAGE.matcher(path)).matches() && method.equals("GET")) {
            return casePage(request, decode(m.group(1)));
        }
        if ((m = CASE_COMMAND.matcher(path)).matches() && method.equals("POST")) {
            return caseCommand(request, decode(m.group(1)), m.group(2));
        }
        return Pages.message(404, MessageView.of(messages(request, null), "request.notFound"));
    }

    // --- sign-in -----------------------------------------------------------------------------------------------

    private HttpResponse signInPage(HttpRequest request) {
        WebMessages m = messages(request, null);
        FormNonce nonce = FormNonce.of(request);
        return ConsolePages.signIn(200, m, nonce.csrf(service.configuration()), "", null).withCookie(nonce.setCookie());
    }

    private HttpResponse requestLink(HttpRequest request) {
        WebMessages m = messages(request, null);
        Configuration config = service.configuration();
        Optional<FormBody> form = postedForm(request, false);
        if (form.isEmpty()) {
            return refusedForm(request, m, false);
        }
        if (!FormNonce.valid(request, config, form.get())) {
            return Pages.message(403, MessageView.of(m, "request.csrf"));
        }
        String email = form.get().field("email").orElse("").strip();
        if (email.isEmpty() || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
            FormNonce nonce = FormNonce.of(request);
            return ConsolePages.signIn(422, m, nonce.csrf(config), email.length() > 254 ? "" : email, m.t("signin.invalidEmail"));
        }
        Instant now = service.now();
        SignIn.Requested outcome = signIn.request(email, config, now);
        if (outcome instanceof SignIn.Requested.Sent sent) {
            WebMessages theirs = MESSAGES.choose(sent.person(), request.header("accept-language").orElse(null));
            try {
                mailer.send(SignInMail.compose(sender, sent.person(), publicBaseUrl + "/console/sign-in/" + sent.token(), theirs));
            } catch (MailException failed) {
                Log.warn("console sign-in email not accepted", Map.of("reason", failed.reason()));
            }
        }
        // The same answer whatever happened, so the page never tells whether an address is configured
        Log.info("console sign-in requested", Map.of("outcome", outcome.getClass().getSimpleName()));
        return Pages.message(200, MessageView.of(m, "signin.sent"));
    }

    private HttpResponse confirmPage(HttpRequest request, String token) {
        WebMessages m = messages(request, null);
        if (!SignIn.plausible(token)) {
            return Pages.message(400, MessageView.of(m, "signin.failed"));
        }
        FormNonce nonce = FormNonce.of(request);
        return ConsolePages.confirm(m, nonce.csrf(service.configuration()), "/console/sign-in/" + token).withCookie(nonce.setCookie());
    }

    private HttpResponse redeemLink(HttpRequest request, String token) {
        WebMessages m = messages(request, null);
        Configuration config = service.configuration();
        Optional<FormBody> form = postedForm(request, false);
        if (form.isEmpty()) {
            return refusedForm(request, m, false);
        }
        if (!FormNonce.valid(request, config, form.get())) {
            return Pages.message(403, MessageView.of(m, "request.csrf"));
        }
        Instant now = service.now();
        return signIn.redeem(token, config, now)
                .map(person -> {
                    ConsoleSessions.Started started = sessions.start(person, now);
                    Log.info("console signed in", Map.of("personId", person.id(), "role", person.role().name()));
                    return Pages.redirect("/console/cases").withCookie(sessionCookie(started.cookieValue(), now, started.expiresAt()))
                            .withCookie(FormNonce.clearCookie());
                })
                .orElseGet(() -> Pages.message(410, MessageView.of(m, "signin.failed")));
    }

    private HttpResponse signOut(HttpRequest request) {
        Optional<ConsoleVisit> visit = visit(request);
        if (visit.isEmpty()) {
            return Pages.message(200, MessageView.of(messages(request, null), "signout.done")).withCookie(clearSessionCookie());
        }
        return withSessionForm(request, visit.get(), form -> {
            sessions.end(visit.get().signed().cookieValue());
            return Pages.message(200, MessageView.of(visit.get().m(), "signout.done")).withCookie(clearSessionCookie());
        });
    }

    // --- the work queue and the case page ----------------------------------------------------------------------

    private HttpResponse queuePage(HttpRequest request) {
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return Pages.redirect("/console/sign-in");
        }
        ConsoleVisit visit = found.get();
        Instant now = service.now();
        Access access = visit.access();
        WebMessages m = visit.m();
        QueueViews.Asked asked = QueueViews.read(request, access, CaseViews.zoneOf(access.person(), visit.config()));
        WorkQueue.Listing page;
        String notice = asked.problem() ? m.t("queue.badFilter") : null;
        try {
            page = queue.page(asked.list(), access, visit.config(), asked.filter(), asked.sort(), asked.cursor(), now);
        } catch (IllegalArgumentException badCursor) {
            page = queue.page(asked.list(), access, visit.config(), asked.filter(), asked.sort(), null, now);
            notice = m.t("queue.badFilter");
        }
        Map<WorkQueue.ListName, Long> counts = queue.counts(access, visit.config(), now);
        Optional<String> asking = request.query("case");
        Optional<Case> selected = asking.flatMap(id -> caseInScope(visit, id));
        if (asking.isPresent() && selected.isEmpty() && notice == null) {
            notice = m.t("queue.caseGone");
        }
        ConsoleView.Queue view = QueueViews.view(asked, page, counts, access, visit.config(), m, now, notice, visit.csrf(),
                selected.map(Case::id).orElse(null));
        if (selected.isEmpty()) {
            return ConsolePages.queue(visit.nav(), view);
        }
        Case shown = selected.get();
        return new CasePage(service, cases, CasePaths.CONSOLE, crossSite, ConsolePages.queueWithCase(visit.nav(), view))
                .show(request, shown, viewer(visit, shown, QueueViews.withCase(asked, shown.id())), visit.config(), now);
    }

    private HttpResponse queueCsv(HttpRequest request) {
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return Pages.redirect("/console/sign-in");
        }
        ConsoleVisit visit = found.get();
        Instant now = service.now();
        ZoneId zone = CaseViews.zoneOf(visit.access().person(), visit.config());
        QueueViews.Asked asked = QueueViews.read(request, visit.access(), zone);
        WorkQueue.Listing all = queue.export(asked.list(), visit.access(), visit.config(), asked.filter(), asked.sort(), now);
        Log.info("console list exported", Map.of("list", asked.list().slug(), "rows", all.rows().size(), "capped", all.capped()));
        String file = "closedloop-" + asked.list().slug() + "-" + LocalDate.ofInstant(now, zone) + ".csv";
        return HttpResponse.text(200, QueueCsv.MEDIA_TYPE, QueueCsv.of(all.rows(), visit.config(), zone))
                .withHeaders(SecurityHeaders.ALL)
                .withHeaders(Map.of("content-disposition", "attachment; filename=\"" + file + "\"",
                        "closedloop-rows-capped", all.capped() ? String.valueOf(WorkQueue.EXPORT_LIMIT) : "no"));
    }

    private HttpResponse bulkChange(HttpRequest request) {
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return sessionEnded(request);
        }
        ConsoleVisit visit = found.get();
        WebMessages m = visit.m();
        return withSessionForm(request, visit, form -> {
            if (!visit.access().mayChangeInBulk()) {
                return forbidden(visit, "bulk.forbidden");
            }
            BulkForm.Asked asked = BulkForm.read(form);
            String back = asked.back();
            if (asked.problem() != null) {
                return ConsolePages.bulkReport(422, visit.nav(), new ConsoleView.BulkReport(m, m.t(asked.problem()), List.of(), back));
            }
            List<BulkChange.Result> results = bulk.apply(visit.access(), asked.picked(), asked.command());
            long applied = results.stream().filter(r -> r instanceof BulkChange.Result.Applied).count();
            Log.info("console bulk change", Map.of("change", asked.command().getClass().getSimpleName(), "picked", results.size(),
                    "applied", applied));
            return ConsolePages.bulkReport(200, visit.nav(), BulkForm.report(results, applied, back, m));
        });
    }

    // --- the dashboard (managers, admins, viewers) ---------------------------------------------------------------

    private HttpResponse dashboardPage(HttpRequest request) {
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return Pages.redirect("/console/sign-in");
        }
        ConsoleVisit visit = found.get();
        WebMessages m = visit.m();
        if (!visit.access().mayReadDashboard()) {
            return forbidden(visit, "access.forbidden");
        }
        List<Campaign> campaigns = List.copyOf(visit.config().campaigns().values());
        return dashboards.view(request, campaigns, visit.config(), m, service.now(), "/console/dashboard", QueueLinks.INSTANCE)
                .map(view -> ConsolePages.dashboard(visit.nav(), view))
                .orElseGet(() -> ConsolePages.framed(200, visit.nav(), m.t("dashboard.title"),
                        Pages.messageBody(MessageView.of(m, "console.dashboard.noCampaign"))));
    }

    // --- configuration (admins only) -----------------------------------------------------------------------------

    private HttpResponse adminPage(HttpRequest request) {
        boolean post = request.method().equals("POST");
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return post ? sessionEnded(request) : Pages.redirect("/console/sign-in");
        }
        ConsoleVisit visit = found.get();
        WebMessages m = visit.m();
        if (!visit.access().mayConfigure()) {
            return forbidden(visit, "access.forbidden");
        }
        if (post) {
            return withSessionForm(request, visit, true, form -> people.post(request.rawPath(), form, visit)
                    .or(() -> teams.post(request.rawPath(), form, visit))
                    .or(() -> plans.post(request.rawPath(), form, visit))
                    .or(() -> campaigns.post(request.rawPath(), form, visit))
                    .or(() -> sources.post(request.rawPath(), form, visit))
                    .or(() -> sourcePages.secretsPost(request.rawPath(), form, visit))
                    .or(() -> calendars.post(request.rawPath(), form, visit))
                    .or(() -> slaPolicies.post(request.rawPath(), form, visit))
                    .or(() -> rootCauses.post(request.rawPath(), form, visit))
                    .or(() -> keys.post(request.rawPath(), form, visit))
                    .or(() -> rules.post(request.rawPath(), form, visit))
                    .or(() -> rulePages.movePost(request.rawPath(), form, visit))
                    .or(() -> configFile.post(request.rawPath(), form, visit))
                    .orElseGet(() -> adminNotFound(visit)));
        }
        if (request.method().equals("GET") && request.rawPath().equals(SETTINGS)) {
            return ConsolePages.framed(200, visit.nav(), m.t("settings.title"),
                    output -> JtesettingsGenerated.render(Pages.html(output), null, m));
        }
        if (request.method().equals("GET")) {
            return people.get(request.rawPath(), request.queryParameters(), visit)
                    .or(() -> teams.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> plans.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> campaigns.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> sources.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> calendars.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> slaPolicies.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> rootCauses.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> keys.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> rules.get(request.rawPath(), request.queryParameters(), visit))
                    .or(() -> configFile.get(request.rawPath(), request.queryParameters(), visit))
                    .orElseGet(() -> adminNotFound(visit));
        }
        return adminNotFound(visit);
    }

    /** A page or command the person's role does not allow: nothing was done, and the message says why. */
    private static HttpResponse forbidden(ConsoleVisit visit, String messageKey) {
        return ConsolePages.framed(403, visit.nav(), visit.m().t("access.forbidden.title"), Pages.messageBody(MessageView.of(visit.m(), messageKey)));
    }

    private static HttpResponse adminNotFound(ConsoleVisit visit) {
        WebMessages m = visit.m();
        return ConsolePages.framed(404, visit.nav(), m.t("admin.notFound.title"), Pages.messageBody(MessageView.of(m, "admin.notFound")));
    }

    private HttpResponse casePage(HttpRequest request, String caseId) {
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return Pages.redirect("/console/sign-in");
        }
        ConsoleVisit visit = found.get();
        return caseInScope(visit, caseId)
                .map(c -> casePageFor(visit.nav()).show(request, c, viewer(visit, c, null), visit.config(), service.now()))
                .orElseGet(() -> caseGone(visit));
    }

    private HttpResponse caseCommand(HttpRequest request, String caseId, String command) {
        Optional<ConsoleVisit> found = visit(request);
        if (found.isEmpty()) {
            return sessionEnded(request);
        }
        ConsoleVisit visit = found.get();
        Optional<Case> c = caseInScope(visit, caseId);
        if (c.isEmpty()) {
            return caseGone(visit);
        }
        HttpRequest withParameters = new HttpRequest(request.routeKey(), request.method(), request.rawPath(), request.rawQueryString(),
                request.headers(), request.cookies(), Map.of("caseId", caseId, "command", command), request.queryParameters(),
                request.body(), request.requestId(), request.sourceIp(), request.timeEpochMillis());
        String session = visit.signed().cookieValue();
        String back = backTo(request, caseId);
        return casePageFor(visit.nav()).command(withParameters, caseId, viewer(visit, c.get(), back),
                presented -> CaseLinks.verifyCsrf(visit.config(), session, presented), visit.config(), service.now());
    }

    /** The case when the person may see it; a case outside their scope reads as absent, so nobody learns which ids exist. */
    private Optional<Case> caseInScope(ConsoleVisit visit, String caseId) {
        return (plausibleId(caseId) ? service.find(caseId) : Optional.<Case>empty()).filter(visit.access()::maySee);
    }

    private static HttpResponse caseGone(ConsoleVisit visit) {
        return ConsolePages.framed(404, visit.nav(), visit.m().t("case.gone.title"), Pages.messageBody(MessageView.of(visit.m(), "case.gone")));
    }

    private CasePage casePageFor(Nav nav) {
        return new CasePage(service, cases, CasePaths.CONSOLE, crossSite, ConsolePages.caseFrame(nav));
    }

    /** The list a case form came from (the case beside it), or null for the case page; anything else is ignored. */
    private static String backTo(HttpRequest request, String caseId) {
        if (request.body().length > FormBody.MAX_BYTES) {
            return null;
        }
        try {
            return FormBody.parse(request.body()).field("back").filter(back -> QueueViews.isListWithCase(back, caseId)).orElse(null);
        } catch (FormBody.MalformedFormException malformed) {
            return null;
        }
    }

    /**
     * The case page's viewer: forms only for someone who may act on this case; the refusal otherwise, in their words.
     *
     * @param back the list beside the case, where its forms lead back to; null for the case page
     */
    private static CasePage.Viewer viewer(ConsoleVisit visit, Case c, String back) {
        Optional<Access.Refusal> refusal = visit.access().refusalToAct(c);
        WebMessages m = visit.m();
        return new CasePage.Viewer(visit.access().person(), m, refusal.isEmpty() ? visit.csrf() : null,
                refusal.map(r -> m.t(r.messageKey())).orElse(null), back);
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    /** The signed-in person's request, or empty when there is no live session. */
    private Optional<ConsoleVisit> visit(HttpRequest request) {
        return signedIn(request).map(signed -> {
            Configuration config = service.configuration();
            WebMessages m = messages(request, signed.person());
            return new ConsoleVisit(signed, config, Access.of(signed.person(), config), m, nav(signed, config, m));
        });
    }

    /** Runs {@code then} on the posted form once it is same-site, well-formed and carries this session's token. */
    private HttpResponse withSessionForm(HttpRequest request, ConsoleVisit visit, Function<FormBody, HttpResponse> then) {
        return withSessionForm(request, visit, false, then);
    }

    /** @param uploads whether a {@code multipart/form-data} form (a file upload, on the configuration pages) is read too */
    private HttpResponse withSessionForm(HttpRequest request, ConsoleVisit visit, boolean uploads, Function<FormBody, HttpResponse> then) {
        Optional<FormBody> form = postedForm(request, uploads);
        if (form.isEmpty()) {
            return refusedForm(request, visit.m(), uploads);
        }
        if (!CaseLinks.verifyCsrf(visit.config(), visit.signed().cookieValue(), form.get().field("csrf").orElse(null))) {
            return Pages.message(403, MessageView.of(visit.m(), "request.csrf"));
        }
        return then.apply(form.get());
    }

    private static HttpResponse sessionEnded(HttpRequest request) {
        return Pages.message(401, MessageView.of(messages(request, null), "session.ended"));
    }

    private Optional<Signed> signedIn(HttpRequest request) {
        return request.cookie(ConsoleSessions.COOKIE).flatMap(cookie -> sessions.check(cookie, service.configuration(), service.now()));
    }

    private static Nav nav(Signed signed, Configuration config, WebMessages m) {
        return new Nav(m, signed.person().name(), signed.person().role().name(), CaseLinks.csrfToken(config, signed.cookieValue()));
    }

    private static WebMessages messages(HttpRequest request, io.closedloop.config.Responder person) {
        return MESSAGES.choose(person, request.header("accept-language").orElse(null));
    }

    /** A same-site, well-formed form POST's fields; empty when the request must be refused (see {@link #refusedForm}). */
    private Optional<FormBody> postedForm(HttpRequest request, boolean uploads) {
        boolean multipart = uploads && request.mediaType().equals(MultipartForm.MEDIA_TYPE);
        if (crossSite.refuses(request) || !multipart && !request.mediaType().equals(CasePage.FORM_MEDIA_TYPE)
                || request.body().length > (multipart ? MultipartForm.MAX_BYTES : FormBody.MAX_BYTES)) {
            return Optional.empty();
        }
        try {
            return Optional.of(multipart ? MultipartForm.parse(request.header("content-type").orElse(""), request.body())
                    : FormBody.parse(request.body()));
        } catch (MalformedFormException malformed) {
            return Optional.empty();
        }
    }

    private HttpResponse refusedForm(HttpRequest request, WebMessages m, boolean uploads) {
        boolean multipart = uploads && request.mediaType().equals(MultipartForm.MEDIA_TYPE);
        if (crossSite.refuses(request)) {
            return Pages.message(403, MessageView.of(m, "request.crossSite"));
        }
        if (!multipart && !request.mediaType().equals(CasePage.FORM_MEDIA_TYPE)) {
            return Pages.message(415, MessageView.of(m, "request.unsupported"));
        }
        if (request.body().length > (multipart ? MultipartForm.MAX_BYTES : FormBody.MAX_BYTES)) {
            return Pages.message(413, MessageView.of(m, "request.tooLarge"));
        }
        return Pages.message(400, MessageView.of(m, "request.malformed"));
    }

    private static HttpResponse notAllowed(HttpRequest request) {
        return Pages.message(405, MessageView.of(messages(request, null), "request.notFound"));
    }

    /** Sent only to the console's pages, never readable by script, only over HTTPS, never on a cross-site request. */
    static String sessionCookie(String value, Instant now, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return ConsoleSessions.COOKIE + "=" + value + "; Path=/console; Max-Age=" + maxAge + "; HttpOnly; Secure; SameSite=Strict";
    }

    static String clearSessionCookie() {
        return ConsoleSessions.COOKIE + "=; Path=/console; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
    }

    private static boolean plausibleId(String id) {
        return !id.isEmpty() && id.length() <= 200 && id.chars().allMatch(c -> c < 0x7f && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
