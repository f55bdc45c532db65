package io.closedloop.functions.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.CaseService;
import io.closedloop.app.LinkKeys;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.Opening;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.links.CaseLinks;
import io.closedloop.sla.SlaEngine;
import io.closedloop.testing.LocalDynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fresh table on DynamoDB Local with the seed-000 plan, four responders, a root-cause taxonomy and a link key; the
 * web handler wired to it as the local stack wires it; a clock the tests move.
 */
final class WebFixture {

    static final Instant SUBMITTED = Instant.parse("2025-03-03T09:12:41Z");
    static final Instant OPENED = Instant.parse("2025-03-03T09:12:43Z");
    /** Two hours after the answer: the 48 h first-response target is due in 46 h. */
    static final Instant NOW = SUBMITTED.plus(Duration.ofHours(2));

    static final Responder ANA = new Responder("ana", "Ana Souza", "ana.souza@example.com", "en-GB", null, true, null);
    static final Responder BRUNO = new Responder("bruno", "Bruno Lima", "bruno.lima@example.com", "pt-BR", null, true, null);
    /** Alerted as a watcher, but the admin has not granted her the right to respond. */
    static final Responder CARLA = new Responder("carla", "Carla Mendes", "carla.mendes@example.com", "en", null, false, null);
    static final Responder CAMILLE = new Responder("camille", "Camille Martin", "camille.martin@example.fr", "fr-FR", null, true, null);

    static final Respondent JOAO = new Respondent("cust-40317", "joao.pereira@example.com", "João Pereira", "+55 11 91234-5678", "pt-BR");

    /** A clock the test sets; the handler, the service and the config cache all read it. */
    static final class TestClock implements InstantSource {
        private Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** What the function answered, read back from the API Gateway response JSON. */
    record Answer(int status, Map<String, String> headers, List<String> cookies, String body) {
        String header(String name) {
            return headers.get(name);
        }

        /** The value of the first hidden (or other) input named {@code name} on the page. */
        String input(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            assertThat(m.find()).as("input %s on the page", name).isTrue();
            return m.group(1);
        }

        /** Every form on the page, by its action path. */
        List<String> formActions() {
            List<String> actions = new ArrayList<>();
            Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"").matcher(body);
            while (m.find()) {
                actions.add(m.group(1));
            }
            return actions;
        }
    }

    final TestClock clock = new TestClock(NOW);
    final Stores stores;
    final LinkKey key;
    final WebHandler handler;
    final ActionPlan plan = SeedPlans.resolutionForDetractors();

    WebFixture() {
        LocalDynamo dynamo = LocalDynamo.shared();
        stores = Stores.of(dynamo.client(), dynamo.createTable("web"), 730, clock, Duration.ZERO);
        for (Object value : List.of(plan, ANA, BRUNO, CARLA, CAMILLE,
                new RootCause("delivery", "Delivery", null),
                new RootCause("late-delivery", "Late delivery", "delivery"),
                new RootCause("damaged-parcel", "Damaged parcel", "delivery"),
                new RootCause("store", "Store", null),
                new RootCause("staff-attitude", "Staff attitude", "store"))) {
            stores.config().put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
        }
        key = new LinkKeys(stores.configCache(), stores.config()).create(clock.instant());
        handler = new WebHandler(new CaseService(stores.cases(), stores.configCache(), clock), stores.cases(), stores.kpis(),
                new LinkKeys(stores.configCache(), stores.config()), stores.suppressions(), HttpApiEvent.ORIGIN);
    }

    /** A detractor's case as the ingest flow opens it: OPEN, version 1, one CASE_OPENED entry, assigned to Ana. */
    Case openCase(String externalId, Respondent respondent, String comment) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("country", "BR");
        attributes.put("store", "sao-paulo-paulista");
        attributes.put("segment", "gold");
        attributes.put("accountValue", "125000");
        Response response = new Response("formbricks-main", externalId, "nps-2025", SUBMITTED, respondent,
                new Score(ScoreType.NPS, 3), comment, Map.of(), attributes, 1);
        Case c = new Case.Builder(response.id().caseId())
                .version(1)
                .campaignId(response.campaignId())
                .response(response)
                .priority(Priority.HIGH)
                .assigneeId(ANA.id())
                .watcherIds(List.of(CARLA.id()))
                .opening(new Opening("detractors-br", 3, "Detractors in Brazil", List.of("score 3 ≤ 6", "country = BR"), "detractor"))
                .plan(PlanProgress.start(plan.id(), plan.version()))
                .sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, SUBMITTED, OPENED))
                .openedAt(OPENED)
                .append(OPENED, "system", ActivityType.CASE_OPENED, Map.of("ruleId", "detractors-br"))
                .build();
        assertThat(stores.cases().create(c)).isTrue();
        return c;
    }

    Case openCase() {
        return openCase("resp_8f2k3j", JOAO, "A entrega atrasou duas semanas e ninguém respondeu no chat.");
    }

    Case stored(Case c) {
        return stores.cases().find(c.id()).orElseThrow();
    }

    /** The link the alert email carries, valid for 30 days from now. */
    String link(Case c, Responder recipient) {
        return CaseLinks.linkToken(key, c.id(), recipient.id(), c.linkGeneration(), clock.instant().plus(CaseLinks.LINK_LIFETIME));
    }

    /** Opens the link as the browser does and returns the session cookie it got ("cl_session=..."). */
    String session(Case c, Responder recipient) {
        Answer opened = invoke(HttpApiEvent.openLink(link(c, recipient)));
        assertThat(opened.status()).isEqualTo(303);
        String setCookie = opened.cookies().getFirst();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    Answer page(Case c, String cookie) {
        return invoke(HttpApiEvent.casePage(c.id()).cookie(cookie));
    }

    /** Posts a form the way the page does: with the version and CSRF token the page carried. */
    Answer post(Case c, String cookie, Answer page, String command, String... fields) {
        List<String> all = new ArrayList<>(List.of("version", page.input("version"), "csrf", page.input("csrf")));
        all.addAll(List.of(fields));
        return invoke(HttpApiEvent.postForm(c.id(), command, HttpApiEvent.form(all.toArray(String[]::new))).cookie(cookie));
    }

    Answer invoke(HttpApiEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.bytes()), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode response = Json.tree(out.toByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        List<String> cookies = new ArrayList<>();
        response.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
        return new Answer(response.path("statusCode").asInt(), headers, cookies, response.path("body").asText());
    }
}
