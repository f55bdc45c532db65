package io.closedloop.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.Opening;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.Category;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.links.CaseLinks;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.rules.Assignment;
import io.closedloop.rules.AttributeOp;
import io.closedloop.rules.Condition;
import io.closedloop.rules.PriorityOverride;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleOutcome;
import io.closedloop.sla.SlaEngine;
import io.closedloop.testing.DemoConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every benchmark runs on: the demo configuration grown to 50 rules and a Typeform source, realistic 2 KB
 * payloads in the generic and Typeform formats, a detractor's case with its session, and the API Gateway events
 * that carry them.
 */
public final class BenchData {

    public static final String CAMPAIGN = DemoConfiguration.CAMPAIGN_ID;
    public static final String GENERIC_SOURCE = DemoConfiguration.SOURCE_ID;
    public static final String TYPEFORM_SOURCE = "bench-typeform";
    /** 32 hex bytes, as Typeform issues them; bench only. */
    public static final String TYPEFORM_SECRET = "62656e63682d74797065666f726d2d7365637265742d6f6e6c792d666f722d6c";
    public static final String RESPONDER = "ana";
    public static final String ORIGIN = "https://cx.example.com";
    private static final String[] COUNTRIES = {"BR", "PT", "US", "DE", "FR", "ES", "MX", "AR", "CL", "CO"};

    private BenchData() {}

    /** The demo configuration, 48 more rules (50 in the campaign) and a Typeform source. */
    public static void seed(ConfigStore store, ConfigCache cache, Instant now) {
        DemoConfiguration.seedIfEmpty(store, cache, now);
        for (Rule rule : moreRules(48)) {
            put(store, rule);
        }
        put(store, new Source(TYPEFORM_SOURCE, CAMPAIGN, WebhookFormat.TYPEFORM, List.of(new Secret("tf-1", TYPEFORM_SECRET, now)),
                "nps_score", ScoreType.NPS, "nps_reason", FieldMapping.NONE, true));
        cache.invalidate();
    }

    private static void put(ConfigStore store, Object value) {
        store.put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
    }

    /** Rules in the shapes admins write: country bands, store lists, text alerts, nested groups; none opens on a passive. */
    public static List<Rule> moreRules(int count) {
        List<Rule> rules = new ArrayList<>();
        RuleOutcome outcome = new RuleOutcome(true, Priority.HIGH,
                List.of(new PriorityOverride(new Condition.Attribute("accountValue", AttributeOp.GT, List.of("100000")), Priority.URGENT)),
                new Assignment.Fixed(RESPONDER), RESPONDER, null, true, List.of(), "detractor-recovery");
        RuleOutcome watchOnly = new RuleOutcome(false, null, null, null, null, null, false, List.of("carla"), null);
        for (int i = 0; i < count; i++) {
            String country = COUNTRIES[i % COUNTRIES.length];
            Condition condition = switch (i % 5) {
                case 0 -> new Condition.All(List.of(new Condition.ScoreBetween(ScoreType.NPS, 0, 6),
                        new Condition.Attribute("country", AttributeOp.EQ, List.of(country))));
                case 1 -> new Condition.All(List.of(new Condition.CategoryIn(ScoreType.NPS, Set.of(Category.DETRACTOR)),
                        new Condition.Attribute("store", AttributeOp.IN, List.of("0" + i, "1" + i, "2" + i))));
                case 2 -> new Condition.All(List.of(new Condition.CommentPresent(true),
                        new Condition.TextContains("comment", "keyword" + i)));
                case 3 -> new Condition.Any(List.of(
                        new Condition.All(List.of(new Condition.Attribute("segment", AttributeOp.CONTAINS, List.of("tier" + i)),
                                new Condition.Attribute("accountValue", AttributeOp.GTE, List.of(String.valueOf(1_000_000 + i))))),
                        new Condition.Not(new Condition.Attribute("language", AttributeOp.EXISTS, List.of()))));
                default -> new Condition.All(List.of(new Condition.CategoryIn(null, Set.of(Category.PROMOTER)),
                        new Condition.TextContains("answer:q" + i, "recommend")));
            };
            rules.add(new Rule("bench-rule-" + i, 1, CAMPAIGN, "Bench rule " + i, 50 + i, true, condition, i % 7 == 6 ? watchOnly : outcome));
        }
        return rules;
    }

    /** A 1.2 KB comment: most of a 2 KB payload is what the customer wrote. */
    public static String comment() {
        StringBuilder comment = new StringBuilder();
        while (comment.length() < 1200) {
            comment.append("A entrega chegou com três dias de atraso e ninguém do suporte respondeu aos meus e-mails. ");
        }
        return comment.toString();
    }

    /** A generic-format delivery of about 2 KB; NPS 8 (a passive: no rule opens a case). */
    public static byte[] genericPayload(String id, Instant submittedAt, int score) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("submittedAt", submittedAt.toString());
        ObjectNode respondent = root.putObject("respondent");
        respondent.put("id", "cust-" + id);
        respondent.put("email", "maria.silva@example.com");
        respondent.put("name", "Maria Silva");
        respondent.put("phone", "+55 11 91234-5678");
        respondent.put("locale", "pt-BR");
        root.putObject("score").put("type", "NPS").put("value", score);
        root.put("comment", comment());
        ObjectNode answers = root.putObject("answers");
        for (int q = 0; q < 6; q++) {
            answers.put("q" + q, "Answer number " + q + " about delivery, support and billing.");
        }
        ObjectNode attributes = root.putObject("attributes");
        attributes.put("country", "BR");
        attributes.put("store", "042");
        attributes.put("segment", "Enterprise EMEA");
        attributes.put("accountValue", "25000");
        attributes.put("language", "pt-BR");
        attributes.put("plan", "premium");
        attributes.put("channel", "email");
        attributes.put("region", "LATAM");
        return Json.bytes(root);
    }

    /** A Typeform form_response of about 2 KB: an opinion scale (NPS 8), a long text reason, a choice, an email. */
    public static byte[] typeformPayload(String token, Instant submittedAt, int score) {
        ObjectNode root = Json.object();
        root.put("event_id", "ev-" + token);
        root.put("event_type", "form_response");
        ObjectNode form = root.putObject("form_response");
        form.put("form_id", "lT4Z3j");
        form.put("token", token);
        form.put("landed_at", submittedAt.minusSeconds(95).toString());
        form.put("submitted_at", submittedAt.toString());
        form.putObject("hidden").put("user_id", "cust-" + token).put("email", "maria.silva@example.com");
        ObjectNode definition = form.putObject("definition");
        definition.put("id", "lT4Z3j");
        definition.put("title", "Customer satisfaction");
        ArrayNode fields = definition.putArray("fields");
        fields.addObject().put("id", "nPsQx0YzAbCd").put("title", "How likely are you to recommend us?").put("type", "opinion_scale").put("ref", "nps_score");
        fields.addObject().put("id", "cMmTx0YzAbCd").put("title", "What is the main reason for your score?").put("type", "long_text").put("ref", "nps_reason");
        fields.addObject().put("id", "tOpX0YzAbCd").put("title", "What was it about?").put("type", "multiple_choice").put("ref", "topic");
        ArrayNode answers = form.putArray("answers");
        ObjectNode nps = answers.addObject();
        nps.put("type", "number").put("number", score);
        nps.putObject("field").put("id", "nPsQx0YzAbCd").put("type", "opinion_scale").put("ref", "nps_score");
        ObjectNode reason = answers.addObject();
        reason.put("type", "text").put("text", comment().substring(0, 1000));
        reason.putObject("field").put("id", "cMmTx0YzAbCd").put("type", "long_text").put("ref", "nps_reason");
        ObjectNode topic = answers.addObject();
        topic.put("type", "choice").putObject("choice").put("label", "Delivery");
        topic.putObject("field").put("id", "tOpX0YzAbCd").put("type", "multiple_choice").put("ref", "topic");
        ObjectNode email = answers.addObject();
        email.put("type", "email").put("email", "maria.silva@example.com");
        email.putObject("field").put("id", "eMaIl0YzAbCd").put("type", "email").put("ref", "email");
        return Json.bytes(root);
    }

    /** The API Gateway HTTP API event of a signed delivery to {@code POST /webhooks/{sourceId}}. */
    public static String webhookEvent(String sourceId, WebhookFormat format, String secret, byte[] body, Instant sentAt, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "*/*");
        headers.put("content-length", Integer.toString(body.length));
        headers.put("host", "abc123.execute-api.us-east-1.amazonaws.com");
        headers.put("user-agent", "Standard-Webhooks/1.0");
        headers.put("x-amzn-trace-id", "Root=1-6922d7f0-1a2b3c4d5e6f708192a3b4c5");
        headers.put("x-forwarded-for", "203.0.113.10");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        headers.putAll(WebhookSigner.headers(format, secret, body, sentAt));
        return event("POST", "POST /webhooks/{sourceId}", "/webhooks/" + sourceId, Map.of("sourceId", sourceId), headers, List.of(),
                new String(body, StandardCharsets.UTF_8), sentAt, requestId);
    }

    /** {@code GET /cases/{caseId}} from a phone, with the responder's session cookie. */
    public static String casePageEvent(String caseId, String sessionToken, Instant at, String requestId) {
        Map<String, String> headers = navigation("en-GB,en;q=0.9", "none",
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        return event("GET", "GET /cases/{caseId}", "/cases/" + caseId, Map.of("caseId", caseId), headers,
                List.of("cl_session=" + sessionToken), null, at, requestId);
    }

    /** {@code GET /console/cases} (the person's default list) from a desktop browser, with a console session cookie. */
    public static String queuePageEvent(String consoleCookie, Instant at, String requestId) {
        return consolePageEvent(consoleCookie, "/console/cases", at, requestId);
    }

    /** {@code GET <path>} under {@code /console/} from a desktop browser, with a console session cookie. */
    public static String consolePageEvent(String consoleCookie, String path, Instant at, String requestId) {
        Map<String, String> headers = navigation("fr-FR,fr;q=0.9,en;q=0.8", "same-origin",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        return event("GET", "ANY /console/{proxy+}", path, Map.of("proxy", path.substring("/console/".length())), headers,
                List.of("cl_console=" + consoleCookie), null, at, requestId);
    }

    /** The headers a browser sends when it navigates to a page. */
    private static Map<String, String> navigation(String acceptLanguage, String fetchSite, String userAgent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("accept-language", acceptLanguage);
        headers.put("host", "cx.example.com");
        headers.put("sec-fetch-dest", "document");
        headers.put("sec-fetch-mode", "navigate");
        headers.put("sec-fetch-site", fetchSite);
        headers.put("user-agent", userAgent);
        return headers;
    }

    /** The scheduled check's event, as the template's schedule sends it. */
    public static String scheduleEvent() {
        return "{\"source\":\"schedule\"}";
    }

    private static String event(String method, String routeKey, String path, Map<String, String> pathParameters, Map<String, String> headers,
            List<String> cookies, String body, Instant at, String requestId) {
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        e.put("rawPath", path);
        e.put("rawQueryString", "");
        if (!cookies.isEmpty()) {
            ArrayNode c = e.putArray("cookies");
            cookies.forEach(c::add);
        }
        ObjectNode h = e.putObject("headers");
        headers.forEach(h::put);
        ObjectNode context = e.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "abc123");
        context.put("domainName", "abc123.execute-api.us-east-1.amazonaws.com");
        context.put("domainPrefix", "abc123");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.10");
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("timeEpoch", at.toEpochMilli());
        ObjectNode p = e.putObject("pathParameters");
        pathParameters.forEach(p::put);
        if (body != null) {
            e.put("body", body);
        }
        e.put("isBase64Encoded", false);
        return Json.string(e);
    }

    /** A detractor's case as the processor opens it: OPEN, version 1, assigned to Ana, with its SLA clock. */
    public static Case detractorCase(String externalId, Instant submitted) {
        Instant opened = submitted.plusSeconds(2);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("country", "BR");
        attributes.put("store", "sao-paulo-paulista");
        attributes.put("segment", "gold");
        attributes.put("accountValue", "125000");
        Response response = new Response(GENERIC_SOURCE, externalId, CAMPAIGN, submitted,
                new Respondent("cust-40317", "joao.pereira@example.com", "João Pereira", "+55 11 91234-5678", "pt-BR"),
                new Score(ScoreType.NPS, 3), comment().substring(0, 600), Map.of("q1", "Delivery"), attributes, 1);
        var plan = SeedPlans.resolutionForDetractors();
        return new Case.Builder(response.id().caseId())
                .version(1)
                .campaignId(CAMPAIGN)
                .response(response)
                .priority(Priority.HIGH)
                .assigneeId(RESPONDER)
                .watcherIds(List.of("carla"))
                .opening(new Opening("detractors", 1, "Detractors (NPS 0–6) open a case", List.of("score 3 ≤ 6"), "detractor-recovery"))
                .plan(PlanProgress.start(plan.id(), plan.version()))
                .sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, submitted, opened))
                .openedAt(opened)
                .append(opened, "system", ActivityType.CASE_OPENED, Map.of("ruleId", "detractors"))
                .build();
    }

    /** The responder's session for a case, as opening the emailed link issues it. */
    public static String session(LinkKey key, Case c, Instant now) {
        return CaseLinks.sessionToken(key, new CaseLinks.Claims(c.id(), RESPONDER, c.linkGeneration(), now.plus(Duration.ofDays(30))), now);
    }
}
