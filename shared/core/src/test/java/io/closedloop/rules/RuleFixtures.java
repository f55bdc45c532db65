package io.closedloop.rules;

import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Team;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small company's configuration (a Brazilian CX team, key accounts, store managers, an advocacy lead, finance) and
 * the example rules of docs/rules.md, read from the JSON fixtures beside this class.
 */
final class RuleFixtures {

    static final String NPS_CAMPAIGN = "nps-2025";
    static final String STORES_CAMPAIGN = "csat-stores";
    static final Instant SUBMITTED = Instant.parse("2025-03-14T09:26:53Z");

    static final Map<String, Responder> RESPONDERS = Configuration.byId(List.of(
            responder("ana", "Ana Souza", "br-cx", true),
            responder("bruno", "Bruno Lima", "br-cx", true),
            responder("carla", "Carla Dias", "br-cx", false),
            responder("dan", "Dan Miller", "us-cx", true),
            responder("erin", "Erin Walsh", "key-accounts", true),
            responder("fiona", "Fiona Grant", "cx-leads", true),
            responder("gabriel", "Gabriel Rocha", "stores", true),
            responder("hana", "Hana Costa", "stores", true),
            responder("iris", "Iris Novak", "advocacy", true),
            responder("jules", "Jules Martin", "finance", false),
            responder("kim", "Kim Park", "key-accounts", true)), Responder::id);

    static final Map<String, Team> TEAMS = Configuration.byId(List.of(
            new Team("br-cx", "Brazil CX", List.of("ana", "carla", "bruno"), "ana", "fiona", null),
            new Team("us-cx", "US CX", List.of("dan"), "dan", "fiona", null),
            new Team("key-accounts", "Key accounts", List.of("erin", "kim"), "kim", "fiona", null),
            new Team("stores", "Store managers", List.of("gabriel", "hana"), "gabriel", "fiona", null),
            new Team("finance", "Finance", List.of("jules"), null, null, null)), Team::id);

    static final Map<String, SlaPolicy> SLA_POLICIES = Configuration.byId(List.of(
            sla("sla-48h", Duration.ofHours(48)),
            sla("sla-24h", Duration.ofHours(24))), SlaPolicy::id);

    static final Map<String, Campaign> CAMPAIGNS = Configuration.byId(List.of(
            new Campaign(NPS_CAMPAIGN, "Relationship NPS 2025", "plan-default", "sla-48h", null),
            new Campaign(STORES_CAMPAIGN, "Store visit CSAT", "plan-default", "sla-24h", null)), Campaign::id);

    static final List<String> FIXTURE_FILES = List.of("detractor-brazil.json", "high-value-triage.json",
            "promoter-review.json", "passive-round-robin.json", "store-lookup.json", "refund-watch.json");
    static final Rule DETRACTOR_BRAZIL = rule("detractor-brazil.json");
    static final Rule HIGH_VALUE_TRIAGE = rule("high-value-triage.json");
    static final Rule PROMOTER_REVIEW = rule("promoter-review.json");
    static final Rule PASSIVE_ROUND_ROBIN = rule("passive-round-robin.json");
    static final Rule STORE_LOOKUP = rule("store-lookup.json");
    static final Rule REFUND_WATCH = rule("refund-watch.json");
    static final List<Rule> ALL_RULES =
            List.of(DETRACTOR_BRAZIL, HIGH_VALUE_TRIAGE, PROMOTER_REVIEW, PASSIVE_ROUND_ROBIN, STORE_LOOKUP, REFUND_WATCH);

    private RuleFixtures() {}

    static Configuration configuration(List<Rule> rules) {
        return new Configuration(Map.of(), CAMPAIGNS, rules, RESPONDERS, TEAMS, List.of(), SLA_POLICIES, Map.of(), Map.of(),
                Map.of(), List.of());
    }

    static Configuration configuration() {
        return configuration(ALL_RULES);
    }

    static String resource(String name) {
        try (InputStream in = RuleFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rule rule(String name) {
        return Json.read(resource(name), Rule.class);
    }

    /** An NPS response of the NPS campaign from a customer in {@code country}. */
    static Response nps(String id, int score, String country, String comment) {
        return response(NPS_CAMPAIGN, id, new Score(ScoreType.NPS, score), comment,
                country == null ? Map.of() : Map.of("country", country));
    }

    static Response response(String campaignId, String id, Score score, String comment, Map<String, String> attributes) {
        return new Response("typeform-main", id, campaignId, SUBMITTED,
                new Respondent("cust-" + id, id + "@example.com", "Customer " + id, null, "pt-BR"),
                score, comment, Map.of(), attributes, 1);
    }

    static Response withAttributes(Response response, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(response.attributes());
        attributes.putAll(extra);
        return new Response(response.sourceId(), response.externalId(), response.campaignId(), response.submittedAt(),
                response.respondent(), response.score(), response.comment(), response.answers(), attributes,
                response.revision());
    }

    static Response withAnswers(Response response, Map<String, String> answers) {
        return new Response(response.sourceId(), response.externalId(), response.campaignId(), response.submittedAt(),
                response.respondent(), response.score(), response.comment(), answers, response.attributes(),
                response.revision());
    }

    static Rule withPriority(Rule rule, String id, int priority) {
        return new Rule(id, rule.version(), rule.campaignId(), rule.name(), priority, rule.enabled(), rule.condition(),
                rule.outcome());
    }

    static Rule withCondition(Rule rule, Condition condition) {
        return new Rule(rule.id(), rule.version(), rule.campaignId(), rule.name(), rule.priority(), rule.enabled(), condition,
                rule.outcome());
    }

    static Rule withOutcome(Rule rule, RuleOutcome outcome) {
        return new Rule(rule.id(), rule.version(), rule.campaignId(), rule.name(), rule.priority(), rule.enabled(),
                rule.condition(), outcome);
    }

    static RuleOutcome withAssignment(RuleOutcome o, Assignment assignment, String fallbackResponderId) {
        return new RuleOutcome(o.openCase(), o.priority(), o.triage(), assignment, fallbackResponderId, o.slaPolicyId(),
                o.alertAssignee(), o.watcherIds(), o.loop());
    }

    private static Responder responder(String id, String name, String teamId, boolean canRespond) {
        return new Responder(id, name, id + "@acme.example", "pt-BR", teamId, canRespond, null);
    }

    private static SlaPolicy sla(String id, Duration firstResponse) {
        return new SlaPolicy(id, id, null, null, new SlaTargets(firstResponse, Duration.ofDays(5)), null, 0.75, null, false);
    }
}
