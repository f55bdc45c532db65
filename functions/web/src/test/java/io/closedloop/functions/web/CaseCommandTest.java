package io.closedloop.functions.web;

import static io.closedloop.cases.SeedPlans.CALL_THE_CUSTOMER;
import static io.closedloop.cases.SeedPlans.CLOSED;
import static io.closedloop.cases.SeedPlans.EMAIL_SENT_RETURN_TO_STORE;
import static io.closedloop.cases.SeedPlans.RESPONSE_SOLUTION_FOUND;
import static io.closedloop.cases.SeedPlans.SEND_AN_EMAIL;
import static io.closedloop.functions.web.WebFixture.ANA;
import static io.closedloop.functions.web.WebFixture.BRUNO;
import static io.closedloop.functions.web.WebFixture.CAMILLE;
import static io.closedloop.functions.web.WebFixture.CARLA;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.Priority;
import io.closedloop.functions.web.WebFixture.Answer;
import io.closedloop.links.CaseLinks;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.SecurityHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseCommandTest {

    private WebFixture web;
    private Case c;
    private String cookie;
    private Answer page;

    @BeforeEach
    void openTheCaseAsAna() {
        web = new WebFixture();
        c = web.openCase();
        cookie = web.session(c, ANA);
        page = web.page(c, cookie);
    }

    @Test
    void seedPlan_emailThenCallClosingThePlan_closesTheCaseAndLogsEveryStep() {
        Answer email = web.post(c, cookie, page, "action", "actionId", SEND_AN_EMAIL, "statusId", EMAIL_SENT_RETURN_TO_STORE,
                "comment", "Sent the address and opening hours of the Paulista store.");
        assertThat(email.status()).isEqualTo(303);
        assertThat(email.header("location")).isEqualTo("/cases/" + c.id() + "?done=action");

        Answer afterEmail = web.invoke(HttpApiEvent.casePage(c.id()).cookie(cookie).query("done", "action"));
        assertThat(afterEmail.body()).contains("Saved: the action is in the timeline.").contains("id=\"action-send-an-email\"");
        Answer call = web.post(c, cookie, afterEmail, "action", "actionId", CALL_THE_CUSTOMER, "statusId", RESPONSE_SOLUTION_FOUND,
                "comment", "Store will replace the order;\r\ncustomer is happy with that.", "closePlan", "yes", "exitStateId", CLOSED);
        assertThat(call.status()).isEqualTo(303);

        Case closed = web.stored(c);
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.version()).isEqualTo(3);
        assertThat(closed.plan().closed()).isTrue();
        assertThat(closed.plan().exitStateId()).isEqualTo(CLOSED);
        assertThat(closed.plan().completedActionIds()).containsExactly(CALL_THE_CUSTOMER);
        assertThat(closed.activities()).extracting(a -> a.type()).containsExactly(
                ActivityType.CASE_OPENED, ActivityType.ACTION_TAKEN, ActivityType.ACTION_TAKEN, ActivityType.CASE_CLOSED);
        assertThat(closed.activities().get(2).actor()).isEqualTo("responder:ana");

        Answer closedPage = web.page(c, cookie);
        assertThat(closedPage.body())
                .doesNotContain("id=\"action-call-the-customer\"")
                .doesNotContain("id=\"action-send-an-email\"")
                .doesNotContain("/close\"")
                .contains("The action plan is closed: no new action can be taken.")
                .contains("Status: Closed")
                .contains("<dt>Exit state</dt><dd>Closed</dd>")
                .contains("/cases/" + c.id() + "/reopen");
        String timeline = closedPage.body().substring(closedPage.body().indexOf("id=\"timeline-title\""));
        assertThat(timeline).containsSubsequence(
                "Case closed", "Exit state: Closed", "Status: In progress → Closed",
                "Call the customer: Response – solution found", "Store will replace the order;\ncustomer is happy with that.", "Action completed",
                "Send an email: email sent – request to return to the store", "Sent the address and opening hours of the Paulista store.",
                "Status: Open → In progress",
                "Case opened");
    }

    @Test
    void seedPlan_callWithoutClosingThePlan_noLongerOffersTheCallButKeepsTheEmail() {
        Answer call = web.post(c, cookie, page, "action", "actionId", CALL_THE_CUSTOMER, "statusId", RESPONSE_SOLUTION_FOUND,
                "comment", "Customer will come back to the store.", "closePlan", "no", "exitStateId", "");

        assertThat(call.status()).isEqualTo(303);
        Answer after = web.page(c, cookie);
        assertThat(after.body()).doesNotContain("id=\"action-call-the-customer\"").contains("id=\"action-send-an-email\"")
                .contains("/cases/" + c.id() + "/close\"");
        assertThat(web.stored(c).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void standaloneClose_thenReopen_opensTheCaseAgain() {
        Answer close = web.post(c, cookie, page, "close", "exitStateId", "not-started");
        assertThat(close.status()).isEqualTo(303);
        Answer closedPage = web.page(c, cookie);

        Answer reopen = web.post(c, cookie, closedPage, "reopen", "reason", "Customer wrote back: the order never arrived.");

        assertThat(reopen.status()).isEqualTo(303);
        assertThat(web.stored(c).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(web.page(c, cookie).body()).contains("Case reopened").contains("Customer wrote back: the order never arrived.");
    }

    @Test
    void noteReassignRootCauseAndPriority_areAppliedAndLogged() {
        assertThat(web.post(c, cookie, page, "note", "text", "Called, no answer.").status()).isEqualTo(303);
        assertThat(web.post(c, cookie, web.page(c, cookie), "root-cause", "rootCauseId", "late-delivery").status()).isEqualTo(303);
        assertThat(web.post(c, cookie, web.page(c, cookie), "priority", "priority", "URGENT").status()).isEqualTo(303);
        assertThat(web.post(c, cookie, web.page(c, cookie), "reassign", "responderId", BRUNO.id()).status()).isEqualTo(303);

        Case after = web.stored(c);
        assertThat(after.rootCauseId()).isEqualTo("late-delivery");
        assertThat(after.priority()).isEqualTo(Priority.URGENT);
        assertThat(after.assigneeId()).isEqualTo(BRUNO.id());
        assertThat(web.page(c, cookie).body()).containsSubsequence(
                "Reassigned from Ana Souza to Bruno Lima",
                "Priority changed from High to Urgent",
                "Root cause: Delivery › Late delivery",
                "Note", "Called, no answer.");
    }

    @Test
    void crossSitePost_refusedWith403AndNothingChanged() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                        "version", page.input("version"), "csrf", page.input("csrf"), "text", "Forged note"))
                .cookie(cookie).header("sec-fetch-site", "cross-site").header("origin", "https://evil.example"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("This form was sent from another website");
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void postFromForeignOriginWithoutFetchMetadata_refused() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                        "version", page.input("version"), "csrf", page.input("csrf"), "text", "Forged note"))
                .cookie(cookie).withoutHeader("sec-fetch-site").header("origin", "https://cx.example.com.evil.example"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void postWithoutOriginOrFetchMetadata_stillNeedsAndPassesTheCsrfToken() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                        "version", page.input("version"), "csrf", page.input("csrf"), "text", "From an old browser"))
                .cookie(cookie).withoutHeader("sec-fetch-site").withoutHeader("origin"));

        assertThat(answer.status()).isEqualTo(303);
    }

    @Test
    void postWithoutCsrfToken_refusedWith403() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form("version", "1", "text", "No token"))
                .cookie(cookie));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("This form has expired");
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void postWithAnotherSessionsCsrfToken_refusedWith403() {
        String camilleSession = web.session(c, CAMILLE).substring("cl_session=".length());
        String foreignToken = CaseLinks.csrfToken(web.stores.configCache().current(), camilleSession);

        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form("version", "1", "csrf", foreignToken, "text", "x"))
                .cookie(cookie));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void postWithoutSession_refusedWith401() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                "version", "1", "csrf", page.input("csrf"), "text", "Who am I?")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void staleVersion_answers409WithTheFreshStateAndKeepsWhatWasTyped() {
        String brunoCookie = web.session(c, BRUNO);
        Answer brunoPage = web.page(c, brunoCookie);
        assertThat(web.post(c, brunoCookie, brunoPage, "note", "text", "Bruno called the store first.").status()).isEqualTo(303);

        Answer answer = web.post(c, cookie, page, "note", "text", "Ana's note, typed on the old page.");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body())
                .contains("someone else changed this case while you were looking at it")
                .contains("Bruno called the store first.")
                .contains("Ana's note, typed on the old page.</textarea>");
        assertThat(answer.input("version")).isEqualTo("2");
        assertThat(web.stored(c).activities()).hasSize(2);
    }

    @Test
    void refusedCommand_rerendersThePageWithTheMessageNextToTheForm() {
        Answer answer = web.post(c, cookie, page, "action", "actionId", CALL_THE_CUSTOMER, "statusId", RESPONSE_SOLUTION_FOUND,
                "comment", "Solved on the phone.");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body())
                .contains("Not saved: say whether the action plan should close.")
                .contains("<p class=\"error\" role=\"alert\">Say whether the action plan should close.</p>")
                .contains("<option value=\"response-solution-found\" selected>")
                .contains("Solved on the phone.</textarea>");
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void refusedCommand_forFrenchResponder_isWordedInFrench() {
        String camille = web.session(c, CAMILLE);

        Answer answer = web.post(c, camille, web.page(c, camille), "note", "text", "   ");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("Non enregistré : écrivez la note.");
    }

    @Test
    void readOnlyResponder_postIsRefusedAndNothingChanges() {
        String carla = web.session(c, CARLA);
        String csrf = CaseLinks.csrfToken(web.stores.configCache().current(), carla.substring("cl_session=".length()));

        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form("version", "1", "csrf", csrf, "text", "Not mine to write"))
                .cookie(carla));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("you do not have the right to respond to cases").doesNotContain("<form");
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void malformedForms_answer400AndChangeNothing() {
        String csrf = page.input("csrf");

        assertThat(web.invoke(HttpApiEvent.postForm(c.id(), "action", HttpApiEvent.form("version", "1", "csrf", csrf,
                "actionId", CALL_THE_CUSTOMER, "statusId", RESPONSE_SOLUTION_FOUND, "closePlan", "maybe")).cookie(cookie)).status())
                .isEqualTo(400);
        assertThat(web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form("csrf", csrf, "text", "No version")).cookie(cookie))
                .status()).isEqualTo(400);
        assertThat(web.invoke(HttpApiEvent.postForm(c.id(), "priority", HttpApiEvent.form("version", "1", "csrf", csrf, "priority", "ASAP"))
                .cookie(cookie)).status()).isEqualTo(400);
        Answer badEscape = web.invoke(HttpApiEvent.postForm(c.id(), "note", "version=1&csrf=" + csrf + "&text=%E2%82").cookie(cookie));
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(badEscape.body()).contains("The form could not be read");
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void bodyOverSixteenKilobytes_refusedWith413() {
        String text = "x".repeat(FormBody.MAX_BYTES);

        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                "version", "1", "csrf", page.input("csrf"), "text", text)).cookie(cookie));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void jsonBody_refusedWith415() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", "")
                .body("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)).header("content-type", "application/json").cookie(cookie));

        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void unknownCommand_answers404Page() {
        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "delete", HttpApiEvent.form("version", "1", "csrf", page.input("csrf")))
                .cookie(cookie));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
}
