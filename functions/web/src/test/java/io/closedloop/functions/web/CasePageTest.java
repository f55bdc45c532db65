package io.closedloop.functions.web;

import static io.closedloop.functions.web.WebFixture.ANA;
import static io.closedloop.functions.web.WebFixture.BRUNO;
import static io.closedloop.functions.web.WebFixture.CAMILLE;
import static io.closedloop.functions.web.WebFixture.CARLA;
import static io.closedloop.functions.web.WebFixture.JOAO;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Case;
import io.closedloop.domain.Respondent;
import io.closedloop.functions.web.WebFixture.Answer;
import io.closedloop.links.CaseLinks;
import io.closedloop.webui.WebStyle;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CasePageTest {

    private WebFixture web;

    @BeforeEach
    void seed() {
        web = new WebFixture();
    }

    @Test
    void casePage_scriptInCustomerText_showsAsTextNeverAsTag() {
        Respondent mallory = new Respondent("cust-666", "m\"onfocus=\"alert(3)@example.com", "<img src=x onerror=alert(2)>", "+33 1 23", "fr");
        Case c = web.openCase("resp_xss", mallory, "<script>alert(1)</script> & \"quotes\"");

        Answer page = web.page(c, web.session(c, ANA));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<blockquote class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"</blockquote>")
                .contains("<h1 id=\"case-title\">&lt;img src=x onerror=alert(2)&gt;</h1>")
                .contains("href=\"mailto:m&#34;onfocus=&#34;alert(3)@example.com\"")
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("mailto:m\"");
    }

    @Test
    void casePage_everyAnswer_carriesStrictSecurityHeaders() {
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, ANA));

        assertThat(page.header("content-security-policy")).isEqualTo("default-src 'none'; style-src " + WebStyle.CSP_HASH
                + "; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(page.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(page.header("x-frame-options")).isEqualTo("DENY");
        assertThat(page.header("cache-control")).isEqualTo("no-store");
        assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void casePage_inlineStylesheet_isExactlyTheOneThePolicyHashes() {
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, ANA));

        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
        assertThat(style.find()).isTrue();
        assertThat("'sha256-" + WebStyle.sha256(style.group(1)) + "'").isEqualTo(WebStyle.CSP_HASH);
        assertThat(style.find()).as("a second stylesheet").isFalse();
        assertThat(page.body()).doesNotContain(" style=\"").doesNotContain("<script").doesNotContain("http://")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    }

    @Test
    void casePage_showsFeedbackCustomerDeadlinesAndTimeline() {
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, ANA));

        assertThat(page.body())
                .contains("<h1 id=\"case-title\">João Pereira</h1>")
                .contains("<b>3</b> <span>/ 10 · NPS</span>")
                .contains("Detractor")
                .contains("A entrega atrasou duas semanas e ninguém respondeu no chat.")
                .contains("<a href=\"mailto:joao.pereira@example.com\">joao.pereira@example.com</a>")
                .contains("<a href=\"tel:+5511912345678\">+55 11 91234-5678</a>")
                .contains("<dt>Segment</dt><dd>gold</dd>")
                .contains("<dt>Store</dt><dd>sao-paulo-paulista</dd>")
                .contains("<dt>Country</dt><dd>BR</dd>")
                .contains("<dt>Account value</dt><dd>125000</dd>")
                .contains("Assigned to</dt><dd>Ana Souza")
                .contains("First response</strong>: <span class=\"sla-due\">Due in 46 h</span>")
                .contains("Resolution</strong>: <span class=\"sla-none\">No target</span>")
                .contains("Times are shown in UTC.")
                .contains("Case opened")
                .contains("Rule: Detractors in Brazil")
                .contains("No other case for this customer.");
    }

    @Test
    void casePage_customerWithEarlierCase_listsItButNotThisOne() {
        Case earlier = web.openCase("resp_earlier", JOAO, "First complaint");
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, ANA));

        assertThat(page.body()).contains("Other cases of this customer").contains("Score 3 · Open")
                .doesNotContain("No other case for this customer.");
        assertThat(page.body().split("Score 3 · ", -1)).as("one earlier case listed").hasSize(2);
        assertThat(earlier.id()).isNotEqualTo(c.id());
    }

    @Test
    void casePage_overdue_saysByHowMuch() {
        Case c = web.openCase();
        web.clock.advance(Duration.ofHours(49));

        Answer page = web.page(c, web.session(c, ANA));

        assertThat(page.body()).contains("<span class=\"sla-overdue\">Overdue by 3 h</span>");
    }

    @Test
    void casePage_responderWhoMayRespond_getsTheSeedActionFormsWithVersionAndCsrf() {
        Case c = web.openCase();
        String cookie = web.session(c, ANA);

        Answer page = web.page(c, cookie);

        assertThat(page.formActions()).containsExactly(
                "/cases/" + c.id() + "/action", "/cases/" + c.id() + "/action", "/cases/" + c.id() + "/close",
                "/cases/" + c.id() + "/note", "/cases/" + c.id() + "/email", "/cases/" + c.id() + "/reassign",
                "/cases/" + c.id() + "/priority", "/cases/" + c.id() + "/root-cause");
        assertThat(page.input("version")).isEqualTo("1");
        String session = cookie.substring("cl_session=".length());
        assertThat(CaseLinks.verifyCsrf(web.stores.configCache().current(), session, page.input("csrf"))).isTrue();
        assertThat(page.body())
                .contains("<legend>Send an email</legend>")
                .contains("<legend>Call the customer</legend>")
                .contains("Response – solution found (completes the action)")
                .contains("<legend>Close the action plan?</legend>")
                .contains("<option value=\"\" selected>Choose an exit state…</option>")
                .contains("<optgroup label=\"Delivery\">")
                .contains("<option value=\"late-delivery\">Late delivery</option>")
                .contains("<option value=\"HIGH\" selected>High</option>")
                .contains("<option value=\"bruno\">Bruno Lima</option>")
                .doesNotContain("<option value=\"carla\"")
                .doesNotContain("<option value=\"ana\"");
    }

    @Test
    void casePage_sendAnEmail_asksNoCloseQuestion() {
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, ANA));

        String sendAnEmail = page.body().substring(page.body().indexOf("id=\"action-send-an-email\""),
                page.body().indexOf("id=\"action-call-the-customer\""));
        assertThat(sendAnEmail).doesNotContain("closePlan").doesNotContain("exitStateId").contains("name=\"comment\"");
    }

    @Test
    void casePage_responderWithoutRightToRespond_readsWithoutAnyForm() {
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, CARLA));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.formActions()).isEmpty();
        assertThat(page.body()).doesNotContain("<form").doesNotContain("name=\"csrf\"")
                .contains("you do not have the right to respond to cases")
                .contains("João Pereira").contains("Case opened");
    }

    @Test
    void casePage_frenchResponder_isInFrench() {
        Case c = web.openCase();

        Answer page = web.page(c, web.session(c, CAMILLE));

        assertThat(page.body())
                .contains("<html lang=\"fr\">")
                .contains("Détracteur")
                .contains("Échéances")
                .contains("<span class=\"sla-due\">À faire dans 46 h</span>")
                .contains("Dossier ouvert")
                .contains("Enregistrer cette action")
                .contains("Response – solution found (termine l'action)");
    }

    @Test
    void casePage_responderLanguageUnsupported_followsTheBrowser() {
        Case c = web.openCase();
        String cookie = web.session(c, BRUNO);

        Answer page = web.invoke(HttpApiEvent.casePage(c.id()).cookie(cookie).header("accept-language", "pt-BR,fr;q=0.8,en;q=0.5"));

        assertThat(page.body()).contains("<html lang=\"fr\">");
    }

    @Test
    void casePage_englishResponderWithFrenchBrowser_staysInTheResponderLanguage() {
        Case c = web.openCase();
        String cookie = web.session(c, ANA);

        Answer page = web.invoke(HttpApiEvent.casePage(c.id()).cookie(cookie).header("accept-language", "fr-FR"));

        assertThat(page.body()).contains("<html lang=\"en\">");
    }
}
