package io.closedloop.functions.api;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.config.CheckInPolicy;
import io.closedloop.customer.CheckIns;
import io.closedloop.customer.ResponseAcknowledgement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.CaseOpening;
import io.closedloop.app.Change;
import io.closedloop.app.DomainEvents;
import io.closedloop.app.SlaEffects;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseCommands;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.Priority;
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
import io.closedloop.json.Json;
import io.closedloop.ports.DomainEvent;
import io.closedloop.rules.Decision;
import io.closedloop.rules.RuleEngine;
import io.closedloop.rules.RuleJson;
import io.closedloop.sla.SlaEngine;
import io.closedloop.sla.SlaUpdate;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DomainEventSchemasTest {

    private static final Path EVENTS = Project.root().resolve("docs/events");
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "pt-BR", "support", true, null);
    private static final Responder LOUIS = new Responder("louis", "Louis Martin", "louis@example.com", "fr", "support", true, null);
    private static final SlaPolicy FAST = new SlaPolicy("fast", "One hour", TimeBasis.CALENDAR, null,
            new SlaTargets(Duration.ofHours(1), Duration.ofHours(8)), Map.of(), 0.5,
            List.of(new EscalationStep(EscalationTarget.TEAM_LEAD, null, Duration.ZERO)), true);

    private static Configuration configuration() {
        Configuration base = new Configuration(Map.of(), Map.of("nps-br", new Campaign("nps-br", "NPS Brazil", SeedPlans.RESOLUTION_FOR_DETRACTORS, "fast", null,
                CheckInPolicy.ALWAYS, new io.closedloop.config.Acknowledgement(30, null, null, "Loja Azul", "en", List.of()))),
                List.of(), Map.of("ana", ANA, "louis", LOUIS), Map.of("support", new Team("support", "Support", List.of("ana", "louis"), "louis", null, null)),
                List.of(SeedPlans.resolutionForDetractors()), Map.of("fast", FAST), Map.of(),
                Map.of("delivery", new RootCause("delivery", "Delivery", null), "late-delivery", new RootCause("late-delivery", "Late delivery", "delivery")),
                Map.of(), List.of());
        JsonNode rule = Json.tree("""
                {"id": "detractors", "version": 3, "campaignId": "nps-br", "name": "Detractors", "priority": 10,
                 "condition": {"type": "category", "scale": "NPS", "categories": ["DETRACTOR"]},
                 "outcome": {"assignment": {"type": "fixed", "responderId": "ana"}, "slaPolicyId": "fast"}}""".getBytes());
        return new Configuration(base.sources(), base.campaigns(), List.of(RuleJson.readRule(rule, base).rule()), base.responders(), base.teams(),
                base.actionPlans(), base.slaPolicies(), base.calendars(), base.rootCauses(), base.apiKeys(), base.linkKeys());
    }

    private static Response response(long revision) {
        return new Response("src-web", "order-20261120-0042", "nps-br", T0.minusSeconds(60),
                new Respondent("cust-4711", "ana.souza@example.com", "Ana Souza", null, "pt-BR"), new Score(ScoreType.NPS, 3),
                "Delivery was two weeks late", Map.of(), Map.of("country", "BR"), revision);
    }

    /** A case walked through every event type by the real domain code: opening, SLA check, every command. */
    private static Case walkedCase() {
        Configuration config = configuration();
        Decision decision = RuleEngine.decide(config, response(0), team -> 0);
        Case c = CaseOpening.open(response(0), decision, config, T0);
        Alert ack = c.alerts().get(io.closedloop.customer.Acknowledgements.KEY);
        c = c.toBuilder().version(c.version() + 1).alert(ack.sent(T0.plus(Duration.ofMinutes(30))))
                .append(T0.plus(Duration.ofMinutes(30)), "system", ActivityType.CUSTOMER_ACKNOWLEDGED,
                        Map.of("alert", "ACKNOWLEDGEMENT", "recipientId", CheckIns.CUSTOMER, "reason", "response"))
                .build();
        c = slaCheck(c, config, T0.plus(Duration.ofMinutes(35)));
        c = slaCheck(c, config, T0.plus(Duration.ofHours(2)));
        Actor ana = Actor.of(ANA);
        Instant at = T0.plus(Duration.ofHours(3));
        for (CaseCommand command : List.of(
                new CaseCommand.AddNote("Called, no answer"),
                new CaseCommand.EmailCustomer("Your order", "We are sorry. A replacement is on its way."),
                new CaseCommand.SetRootCause("late-delivery"),
                new CaseCommand.SetPriority(Priority.HIGH),
                new CaseCommand.Reassign("louis"),
                new CaseCommand.TakeAction(SeedPlans.CALL_THE_CUSTOMER, SeedPlans.RESPONSE_SOLUTION_FOUND, "Replacement shipped", true, SeedPlans.CLOSED))) {
            at = at.plus(Duration.ofMinutes(5));
            Case applied = CaseCommands.apply(c, command, ana, config, at).applied().orElseThrow();
            c = CheckIns.afterCommand(c, SlaEffects.afterCommand(c, applied, config, at), config, at);
        }
        // The check-in goes out as AlertDispatcher records it, then the customer answers "no": the case reopens
        Alert checkIn = c.alerts().get(Alert.keyOf(AlertKind.CHECK_IN, "close-1", CheckIns.CUSTOMER));
        at = at.plus(Duration.ofMinutes(1));
        c = c.toBuilder().version(c.version() + 1).alert(checkIn.sent(at))
                .append(at, "system", ActivityType.CHECK_IN_SENT, Map.of("alert", "CHECK_IN", "recipientId", CheckIns.CUSTOMER, "reason", "close-1"))
                .build();
        at = at.plus(Duration.ofDays(1));
        Case answered = CaseCommands.apply(c, new CaseCommand.AnswerCheckIn("close-1", false, 4, "Still no refund"), Actor.customer(), config, at)
                .applied().orElseThrow();
        return SlaEffects.afterCommand(c, answered, config, at);
    }

    private static Case slaCheck(Case c, Configuration config, Instant now) {
        SlaUpdate update = SlaEngine.due(c.sla(), FAST, now);
        Case.Builder builder = c.toBuilder().version(c.version() + 1).sla(update.clock());
        SlaEffects.record(builder, c, update.events(), config, FAST, now);
        return builder.build();
    }

    private static List<DomainEvent> sampleEvents() {
        List<DomainEvent> events = new ArrayList<>();
        events.addAll(DomainEvents.of(new Change.ResponseChange("1", null, response(0))));
        events.addAll(DomainEvents.of(new Change.ResponseChange("2", response(0), response(1))));
        events.addAll(DomainEvents.of(new Change.CaseChange("3", null, walkedCase())));
        ResponseAcknowledgement claimed = ResponseAcknowledgement.pending(response(0), T0).claimed(T0.plusSeconds(180));
        events.addAll(DomainEvents.of(new Change.AcknowledgementChange("4", claimed, claimed.sent(T0.plusSeconds(2)))));
        return events;
    }

    @Test
    void oneSchemaPerEventType_andNoOther() throws IOException {
        Set<String> types = new TreeSet<>(Set.of("ResponseReceived", "ResponseUpdated", DomainEvents.RESPONSE_ACKNOWLEDGED));
        Arrays.stream(ActivityType.values()).map(ActivityType::eventType).filter(Objects::nonNull).forEach(types::add);
        Set<String> schemas;
        try (Stream<Path> files = Files.list(EVENTS)) {
            schemas = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(schemas).isEqualTo(types).hasSize(18);
    }

    @Test
    void sampleCase_producesEveryEventType() {
        Set<String> produced = sampleEvents().stream().map(DomainEvent::type).collect(Collectors.toCollection(TreeSet::new));

        assertThat(produced).containsExactlyInAnyOrder("ResponseReceived", "ResponseUpdated", "CaseOpened", "CaseAssigned", "ActionTaken",
                "NoteAdded", "RootCauseSet", "PriorityChanged", "CaseClosed", "CaseReopened", "SlaReminder", "SlaBreached", "SlaEscalated",
                "CheckInSent", "CheckInAnswered", "CustomerAcknowledged", "CustomerContacted", "ResponseAcknowledged");
    }

    @Test
    void everyEventDetail_matchesItsSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (DomainEvent event : sampleEvents()) {
            JsonNode schema = Json.tree(Files.readAllBytes(EVENTS.resolve(event.type() + ".schema.json")));
            check(Json.tree(event.detailJson().getBytes()), schema, event.type() + " " + event.id(), problems);
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void schemas_areDraft2020_12_withIdTitleAndDetailType() throws IOException {
        for (String type : List.of("CaseOpened", "SlaEscalated", "ResponseReceived")) {
            JsonNode schema = Json.tree(Files.readAllBytes(EVENTS.resolve(type + ".schema.json")));

            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).endsWith("/" + type + ".schema.json");
            assertThat(schema.path("title").asText()).isEqualTo(type);
            assertThat(schema.path("description").asText()).contains("detail-type \"" + type + "\"");
        }
    }

    /** The subset of JSON Schema the event schemas use: type, required, properties, enum, pattern, date-time. */
    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        String type = schema.path("type").asText();
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> true;
        };
        if (!typed) {
            problems.add(path + ": expected " + type + ", was " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.path("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value.asText())) {
                problems.add(path + ": " + value.asText() + " is not one of " + allowed);
            }
        }
        if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(value.asText()).find()) {
            problems.add(path + ": " + value.asText() + " does not match " + schema.path("pattern").asText());
        }
        if ("date-time".equals(schema.path("format").asText())) {
            try {
                Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                problems.add(path + ": " + value.asText() + " is not a date-time");
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    problems.add(path + ": missing required " + r.asText());
                }
            });
            value.properties().forEach(p -> {
                JsonNode property = schema.path("properties").get(p.getKey());
                if (property == null) {
                    problems.add(path + "." + p.getKey() + ": not declared in the schema");
                } else {
                    check(p.getValue(), property, path + "." + p.getKey(), problems);
                }
            });
        }
    }
}
