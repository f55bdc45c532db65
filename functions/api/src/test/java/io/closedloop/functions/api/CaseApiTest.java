package io.closedloop.functions.api;

import static io.closedloop.functions.api.ApiFixture.ifMatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.CaseService;
import io.closedloop.cases.Activity;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ApiScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseApiTest {

    private static final String CALL_SOLVED_AND_CLOSE = """
            {"actionId": "call-the-customer", "statusId": "response-solution-found",
             "comment": "Replacement shipped", "closePlan": true, "exitStateId": "closed"}""";
    private static final String CALL_SOLVED_KEEP_OPEN = """
            {"actionId": "call-the-customer", "statusId": "response-solution-found", "closePlan": false}""";

    private ApiFixture api;
    private String crm;

    @BeforeEach
    void setUp() {
        api = new ApiFixture();
        crm = api.key("CRM", Set.of(ApiScope.CASES_READ, ApiScope.CASES_WRITE), Set.of());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    void get_returnsTheCaseWithLogSlaPlanAndAvailableActions_etagIsVersion() {
        Case opened = api.openCase(ApiFixture.NPS, 2);

        ApiFixture.Reply reply = api.get("/api/cases/" + opened.id(), crm);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.etag()).isEqualTo("\"1\"");
        JsonNode c = reply.json();
        assertThat(c.path("status").asText()).isEqualTo("OPEN");
        assertThat(c.path("assigneeId").asText()).isEqualTo("ana");
        assertThat(c.path("assigneeName").asText()).isEqualTo("Ana Souza");
        assertThat(c.path("response").path("score").path("value").asInt()).isEqualTo(2);
        assertThat(c.path("response").path("category").asText()).isEqualTo("DETRACTOR");
        assertThat(c.path("sla").path("firstResponse").path("dueAt").asText())
                .isEqualTo(opened.response().submittedAt().plusSeconds(48 * 3600).toString());
        assertThat(c.path("plan").path("id").asText()).isEqualTo(SeedPlans.RESOLUTION_FOR_DETRACTORS);
        assertThat(c.path("available").path("commands")).extracting(JsonNode::asText)
                .containsExactly("action", "close", "note", "reassign", "root-cause", "priority", "email");
        assertThat(c.path("available").path("actions")).extracting(a -> a.path("id").asText())
                .containsExactly(SeedPlans.SEND_AN_EMAIL, SeedPlans.CALL_THE_CUSTOMER);
        assertThat(c.path("available").path("actions").get(1).path("closeQuestion").asText()).isEqualTo("CHOICE_AND_EXIT_STATE");
        assertThat(c.path("activities")).extracting(a -> a.path("type").asText()).containsExactly("CASE_OPENED", "CASE_ASSIGNED");
        assertThat(c.path("activities").get(0).path("eventType").asText()).isEqualTo("CaseOpened");
        assertThat(c.has("alerts")).isFalse();
    }

    @Test
    void get_withReadOnlyKey_offersNoCommands() {
        String reader = api.key("Reader", Set.of(ApiScope.CASES_READ), Set.of());
        Case opened = api.openCase(ApiFixture.NPS, 2);

        JsonNode c = api.get("/api/cases/" + opened.id(), reader).json();

        assertThat(c.path("available").path("commands")).isEmpty();
        assertThat(c.path("available").path("actions")).isEmpty();
    }

    @Test
    void list_filtersByStatusAndAssignee_andPagesWithItsCursor() {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(api.openCase(ApiFixture.NPS, i).id());
        }
        api.openCase(ApiFixture.OTHER, 1);
        api.post("/api/cases/" + opened.get(1) + "/note", crm, "{\"text\": \"Called, left a message\"}", Map.of());

        JsonNode first = api.get("/api/cases?campaignId=nps-br&limit=2", crm).json();
        JsonNode second = api.get("/api/cases?campaignId=nps-br&limit=2&cursor=" + first.path("nextCursor").asText(), crm).json();
        JsonNode third = api.get("/api/cases?campaignId=nps-br&limit=2&cursor=" + second.path("nextCursor").asText(), crm).json();
        JsonNode inProgress = api.get("/api/cases?campaignId=nps-br&status=IN_PROGRESS", crm).json();
        JsonNode louis = api.get("/api/cases?campaignId=nps-br&assigneeId=louis", crm).json();
        JsonNode notBreached = api.get("/api/cases?campaignId=nps-br&breached=false&from=2026-11-20&to=2026-11-20", crm).json();

        List<String> paged = new ArrayList<>();
        paged.addAll(ids(first));
        paged.addAll(ids(second));
        paged.addAll(ids(third));
        assertThat(paged).containsExactlyElementsOf(opened.reversed());
        assertThat(third.has("nextCursor")).isFalse();
        assertThat(ids(inProgress)).containsExactly(opened.get(1));
        assertThat(inProgress.path("items").get(0).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ids(louis)).isEmpty();
        assertThat(ids(notBreached)).hasSize(5);
    }

    @Test
    void list_badFilters_are422NamingEachParameter() {
        ApiFixture.Reply reply = api.get("/api/cases?campaignId=nps-br&status=DONE&breached=yes&limit=500&from=yesterday", crm);
        ApiFixture.Reply noCampaign = api.get("/api/cases", crm);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("status", "breached", "limit", "from");
        assertThat(noCampaign.status()).isEqualTo(422);
        assertThat(noCampaign.json().path("errors").get(0).path("field").asText()).isEqualTo("campaignId");
    }

    @Test
    void campaignScopedKey_neverSeesAnotherCampaignsCasesOrKpis() {
        String brOnly = api.key("BR CRM", Set.of(ApiScope.CASES_READ, ApiScope.CASES_WRITE, ApiScope.REPORTS), Set.of(ApiFixture.NPS));
        Case brazil = api.openCase(ApiFixture.NPS, 2);
        Case france = api.openCase(ApiFixture.OTHER, 2);
        api.openCase(ApiFixture.OTHER, 3);

        ApiFixture.Reply ownList = api.get("/api/cases", brOnly);
        ApiFixture.Reply otherList = api.get("/api/cases?campaignId=" + ApiFixture.OTHER, brOnly);
        ApiFixture.Reply otherCase = api.get("/api/cases/" + france.id(), brOnly);
        ApiFixture.Reply otherCommand = api.post("/api/cases/" + france.id() + "/note", brOnly, "{\"text\": \"hello\"}", Map.of());
        ApiFixture.Reply otherKpis = api.get("/api/kpis?campaignId=" + ApiFixture.OTHER, brOnly);
        ApiFixture.Reply otherCsv = api.get("/api/kpis.csv?campaignId=" + ApiFixture.OTHER, brOnly);
        String cursorOfOtherCampaign = api.get("/api/cases?campaignId=nps-fr&limit=1", crm).json().path("nextCursor").asText();
        ApiFixture.Reply replayedCursor = api.get("/api/cases?limit=1&cursor=" + cursorOfOtherCampaign, brOnly);

        assertThat(ids(ownList.json())).containsExactly(brazil.id());
        assertThat(otherList.status()).isEqualTo(403);
        assertThat(otherCase.status()).isEqualTo(404);
        assertThat(otherCase.text()).doesNotContain(ApiFixture.OTHER);
        assertThat(otherCommand.status()).isEqualTo(404);
        assertThat(api.stores.cases().find(france.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(otherKpis.status()).isEqualTo(403);
        assertThat(otherCsv.status()).isEqualTo(403);
        assertThat(replayedCursor.status()).isEqualTo(422);
        assertThat(api.get("/api/cases/" + brazil.id(), brOnly).status()).isEqualTo(200);
    }

    @Test
    void command_appliesAsTheApiKey_andReturnsTheNewVersion() {
        Case opened = api.openCase(ApiFixture.NPS, 2);

        ApiFixture.Reply reply = api.post("/api/cases/" + opened.id() + "/action", crm, CALL_SOLVED_AND_CLOSE, ifMatch("\"1\""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.etag()).isEqualTo("\"2\"");
        JsonNode c = reply.json();
        assertThat(c.path("status").asText()).isEqualTo("CLOSED");
        assertThat(c.path("plan").path("exitStateName").asText()).isEqualTo("Closed");
        assertThat(c.path("available").path("commands")).extracting(JsonNode::asText).containsExactly("note", "root-cause", "reopen", "email");
        JsonNode log = c.path("activities");
        assertThat(log).extracting(a -> a.path("type").asText()).endsWith("ACTION_TAKEN", "CASE_CLOSED");
        assertThat(log.get(log.size() - 2).path("actor").asText()).isEqualTo("api:" + ApiFixture.keyId(crm));
        assertThat(log.get(log.size() - 2).path("details").path("comment").asText()).isEqualTo("Replacement shipped");
        assertThat(api.stores.cases().find(opened.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void command_completedActionAgain_isRefusedWithTheCaseRule409_andNothingChanges() {
        Case opened = api.openCase(ApiFixture.NPS, 2);
        api.post("/api/cases/" + opened.id() + "/action", crm, CALL_SOLVED_KEEP_OPEN, Map.of());

        ApiFixture.Reply again = api.post("/api/cases/" + opened.id() + "/action", crm, CALL_SOLVED_KEEP_OPEN, Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo("https://closedloop.dev/problems/action-completed");
        assertThat(again.json().path("errors").get(0).path("field").asText()).isEqualTo("actionId");
        assertThat(api.stores.cases().find(opened.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void command_badInput_is422WithTheCaseErrorOrTheField_unknownCommandIs404() {
        Case opened = api.openCase(ApiFixture.NPS, 2);

        ApiFixture.Reply emptyNote = api.post("/api/cases/" + opened.id() + "/note", crm, "{\"text\": \"   \"}", Map.of());
        ApiFixture.Reply wrongType = api.post("/api/cases/" + opened.id() + "/action", crm, "{\"actionId\": 3, \"closePlan\": \"yes\"}", Map.of());
        ApiFixture.Reply badPriority = api.post("/api/cases/" + opened.id() + "/priority", crm, "{\"priority\": \"CRITICAL\"}", Map.of());
        ApiFixture.Reply unknown = api.post("/api/cases/" + opened.id() + "/escalate", crm, "{}", Map.of());
        ApiFixture.Reply missing = api.post("/api/cases/cnotthere/note", crm, "{\"text\": \"hi\"}", Map.of());

        assertThat(emptyNote.status()).isEqualTo(422);
        assertThat(emptyNote.json().path("type").asText()).endsWith("/note-empty");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("actionId", "closePlan");
        assertThat(badPriority.json().path("errors").get(0).path("field").asText()).isEqualTo("priority");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void command_withStaleIfMatch_is409WithTheFreshCase_andNothingIsApplied() {
        Case opened = api.openCase(ApiFixture.NPS, 2);
        api.post("/api/cases/" + opened.id() + "/note", crm, "{\"text\": \"First call\"}", ifMatch("\"1\""));

        ApiFixture.Reply stale = api.post("/api/cases/" + opened.id() + "/priority", crm, "{\"priority\": \"URGENT\"}", ifMatch("\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("content-type")).isEqualTo("application/problem+json");
        assertThat(stale.etag()).isEqualTo("\"2\"");
        assertThat(stale.json().path("type").asText()).endsWith("/version-conflict");
        assertThat(stale.json().path("case").path("version").asInt()).isEqualTo(2);
        assertThat(stale.json().path("case").path("priority").asText()).isEqualTo("NORMAL");
        assertThat(api.stores.cases().find(opened.id()).orElseThrow().priority().name()).isEqualTo("NORMAL");
    }

    @Test
    void sameCommands_throughTheApiAndThroughTheCaseService_giveTheSameCaseAndLog() {
        Case viaApi = api.openCase(ApiFixture.NPS, 2);
        Case viaPage = api.openCase(ApiFixture.NPS, 2);
        CaseService page = api.caseService();
        Actor pageActor = Actor.api(ApiFixture.keyId(crm));

        api.post("/api/cases/" + viaApi.id() + "/note", crm, "{\"text\": \"Left a voicemail\"}", Map.of());
        api.post("/api/cases/" + viaApi.id() + "/root-cause", crm, "{\"rootCauseId\": \"late-delivery\"}", Map.of());
        api.post("/api/cases/" + viaApi.id() + "/action", crm, CALL_SOLVED_AND_CLOSE, Map.of());
        api.post("/api/cases/" + viaApi.id() + "/reopen", crm, "{\"reason\": \"Customer wrote back\"}", Map.of());
        page.execute(viaPage.id(), null, new CaseCommand.AddNote("Left a voicemail"), pageActor);
        page.execute(viaPage.id(), null, new CaseCommand.SetRootCause("late-delivery"), pageActor);
        page.execute(viaPage.id(), null, new CaseCommand.TakeAction(SeedPlans.CALL_THE_CUSTOMER, SeedPlans.RESPONSE_SOLUTION_FOUND,
                "Replacement shipped", true, SeedPlans.CLOSED), pageActor);
        page.execute(viaPage.id(), null, new CaseCommand.Reopen("Customer wrote back"), pageActor);

        Case a = api.stores.cases().find(viaApi.id()).orElseThrow();
        Case b = api.stores.cases().find(viaPage.id()).orElseThrow();
        assertThat(a.version()).isEqualTo(b.version()).isEqualTo(5);
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(a.plan()).isEqualTo(b.plan());
        assertThat(a.rootCauseId()).isEqualTo(b.rootCauseId()).isEqualTo("late-delivery");
        assertThat(a.reopenCount()).isEqualTo(b.reopenCount()).isEqualTo(1);
        assertThat(a.activities().stream().map(CaseApiTest::withoutTime).toList())
                .isEqualTo(b.activities().stream().map(CaseApiTest::withoutTime).toList());
    }

    private static String withoutTime(Activity activity) {
        return activity.seq() + " " + activity.actor() + " " + activity.type() + " " + activity.details();
    }
}
