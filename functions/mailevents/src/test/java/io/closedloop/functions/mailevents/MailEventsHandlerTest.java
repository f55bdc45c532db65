package io.closedloop.functions.mailevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.customer.Addresses;
import io.closedloop.customer.MailFeedback;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.DynamoDbCaseStore;
import io.closedloop.dynamodb.DynamoDbSuppressions;
import io.closedloop.json.Json;
import io.closedloop.ports.Suppressions;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SES's own event shapes (events/ses-*.json) through the handler, against DynamoDB Local. */
class MailEventsHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private DynamoDbSuppressions suppressions;
    private DynamoDbCaseStore cases;
    private MailEventsHandler handler;

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("mail-events");
        suppressions = new DynamoDbSuppressions(dynamo.client(), table);
        cases = new DynamoDbCaseStore(dynamo.client(), table);
        handler = new MailEventsHandler(new MailFeedback(suppressions, cases));
        Response response = new Response("src", "r-1", "nps", T0, new Respondent("cust-1", "mariana.costa@example.com", "Mariana", null, "pt-BR"),
                new Score(ScoreType.NPS, 3), "Late", Map.of(), Map.of(), 0);
        cases.create(new Case.Builder("c-bounced").version(1).campaignId("nps").response(response).status(CaseStatus.OPEN).openedAt(T0).build());
    }

    private JsonNode handle(String fixture, Map<String, String> replace) throws IOException {
        String event = Files.readString(Project.root().resolve("events").resolve(fixture));
        for (var r : replace.entrySet()) {
            event = event.replace(r.getKey(), r.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.tree(out.toByteArray());
    }

    @Test
    void permanentBounce_ofCustomerMail_suppressesTheAddress_andMarksTheCaseOnce() throws IOException {
        JsonNode first = handle("ses-email-bounced.json", Map.of("CASE_ID", "c-bounced"));
        JsonNode second = handle("ses-email-bounced.json", Map.of("CASE_ID", "c-bounced"));

        assertThat(first.path("suppressed").asInt()).isEqualTo(1);
        assertThat(first.path("caseMarked").asBoolean()).isTrue();
        assertThat(second.path("caseMarked").asBoolean()).isFalse();
        assertThat(suppressions.find(Addresses.hash("mariana.costa@example.com")))
                .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppressions.Reason.BOUNCED));
        assertThat(cases.find("c-bounced").orElseThrow().activities())
                .filteredOn(a -> a.type() == ActivityType.CUSTOMER_ADDRESS_SUPPRESSED).singleElement()
                .satisfies(a -> assertThat(a.details()).containsEntry("reason", "BOUNCED"));
    }

    @Test
    void complaint_suppressesTheAddress_evenWhenItsCaseIsGone() throws IOException {
        JsonNode outcome = handle("ses-email-complaint.json", Map.of());

        assertThat(outcome.path("suppressed").asInt()).isEqualTo(1);
        assertThat(outcome.path("caseMarked").asBoolean()).isFalse();
        assertThat(suppressions.find(Addresses.hash("joao.pereira@example.com")))
                .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppressions.Reason.COMPLAINED));
    }

    @Test
    void transientBounce_staffMail_otherEvents_andGarbage_changeNothing() throws IOException {
        assertThat(handle("ses-email-bounced.json", Map.of("\"Permanent\"", "\"Transient\"")).path("suppressed").asInt()).isZero();
        assertThat(handle("ses-email-bounced.json", Map.of("ACKNOWLEDGEMENT", "NEW_CASE")).path("suppressed").asInt())
                .as("a responder's address is never suppressed").isZero();
        assertThat(handle("ses-email-bounced.json", Map.of("\"Bounce\"", "\"Delivery\"")).path("suppressed").asInt()).isZero();
        assertThat(handle("schedule-sla-check.json", Map.of()).path("suppressed").asInt()).isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8)), out, null);
        assertThat(Json.tree(out.toByteArray()).path("suppressed").asInt()).isZero();
        assertThat(suppressions.find(Addresses.hash("mariana.costa@example.com"))).isEmpty();
        assertThat(cases.find("c-bounced").orElseThrow().activities()).noneMatch(a -> a.type() == ActivityType.CUSTOMER_ADDRESS_SUPPRESSED);
    }
}
