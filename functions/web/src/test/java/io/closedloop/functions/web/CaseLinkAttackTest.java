package io.closedloop.functions.web;

import static io.closedloop.functions.web.WebFixture.ANA;
import static io.closedloop.functions.web.WebFixture.BRUNO;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.admin.ConfigAdmin;
import io.closedloop.cases.Case;
import io.closedloop.config.ConfigKind;
import io.closedloop.functions.web.WebFixture.Answer;
import io.closedloop.links.CaseLinks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Case links and sessions against what an attacker (or a mangled email) does with them: truncate, tamper, point them
 * at another case, use them after they expire or are revoked, swap link, session and CSRF tokens, post from another
 * site. Every refusal is a clear HTML page with the security headers, no cookie, no token echoed, and nothing changed.
 * (CaseLinkTest covers the link's normal life and the basic refusals.)
 */
class CaseLinkAttackTest {

    private WebFixture web;
    private Case c;

    @BeforeEach
    void seed() {
        web = new WebFixture();
        c = web.openCase();
    }

    /** A refusal a person can act on: an HTML page saying what happened, no cookie, no token, nothing cached. */
    private static void assertClearRefusal(Answer answer, int status, String title, String token) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.cookies()).isEmpty();
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.header("cache-control")).isEqualTo("no-store");
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(answer.header("content-security-policy")).contains("default-src 'none'");
        assertThat(answer.body()).contains(title);
        if (token != null && !token.isEmpty()) {
            assertThat(answer.body()).doesNotContain(token);
        }
    }

    private static String rewritePayload(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(from, to);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @Test
    void openLink_truncatedAnywhere_refusedAsNotComplete() {
        String token = web.link(c, ANA);
        List<String> truncated = new ArrayList<>();
        for (int length = 1; length < token.length(); length += 7) {
            truncated.add(token.substring(0, length));
        }
        truncated.add(token.substring(0, token.length() - 1));
        truncated.add(token.substring(0, token.lastIndexOf('.')));
        truncated.add(token.substring(0, token.lastIndexOf('.') + 1));

        for (String cut : truncated) {
            assertClearRefusal(web.invoke(HttpApiEvent.openLink(cut)), 403, "This link cannot be opened", cut.length() > 8 ? cut : null);
        }
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void openLink_payloadRewrittenToAnotherCase_refused() {
        Case other = web.openCase("resp_other", WebFixture.JOAO, "Another answer");
        String tampered = rewritePayload(web.link(c, ANA), c.id(), other.id());

        assertClearRefusal(web.invoke(HttpApiEvent.openLink(tampered)), 403, "This link cannot be opened", tampered);
    }

    @Test
    void openLink_expiryPushedIntoTheFuture_refused() {
        String token = CaseLinks.linkToken(web.key, c.id(), ANA.id(), c.linkGeneration(), web.clock.instant().plusSeconds(60));
        long expiry = web.clock.instant().plusSeconds(60).getEpochSecond();
        String tampered = rewritePayload(token, "~" + expiry, "~" + (expiry + 86_400 * 365));
        web.clock.advance(Duration.ofMinutes(2));

        assertClearRefusal(web.invoke(HttpApiEvent.openLink(tampered)), 403, "This link cannot be opened", tampered);
    }

    @Test
    void openLink_atTheVeryMomentItExpires_refusedAsExpired() {
        String token = CaseLinks.linkToken(web.key, c.id(), ANA.id(), c.linkGeneration(), web.clock.instant().plusSeconds(60));
        web.clock.advance(Duration.ofSeconds(60));

        assertClearRefusal(web.invoke(HttpApiEvent.openLink(token)), 410, "This link has expired", token);
    }

    @Test
    void openLink_reusedAfterRevocation_refused_andTheSessionItGaveNoLongerReadsOrWrites() {
        String token = web.link(c, ANA);
        String cookie = web.session(c, ANA);
        Answer page = web.page(c, cookie);
        web.stores.cases().update(c.toBuilder().version(c.version() + 1).linkGeneration(c.linkGeneration() + 1).build());

        Answer reopened = web.invoke(HttpApiEvent.openLink(token));
        Answer read = web.page(c, cookie);
        Answer written = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                "version", "2", "csrf", page.input("csrf"), "text", "After revocation")).cookie(cookie));

        assertClearRefusal(reopened, 410, "This link is no longer valid", token);
        assertClearRefusal(read, 401, "Your access to this case was withdrawn", null);
        assertClearRefusal(written, 401, "Your access to this case was withdrawn", null);
        assertThat(web.stored(c).version()).isEqualTo(2);
        assertThat(web.stored(c).activities()).hasSize(1);
    }

    @Test
    void openLink_ofAResponderWhoWasRemoved_refusedAsRevoked_andTheirSessionToo() {
        String token = web.link(c, BRUNO);
        String cookie = web.session(c, BRUNO);
        web.stores.config().delete(ConfigKind.RESPONDER, BRUNO.id());
        web.stores.configCache().invalidate();

        assertClearRefusal(web.invoke(HttpApiEvent.openLink(token)), 410, "This link is no longer valid", token);
        assertClearRefusal(web.page(c, cookie), 401, "Your access to this case was withdrawn", null);
    }

    @Test
    void openLink_signedWithARetiredKey_refused_andItsSessionToo() {
        String token = web.link(c, ANA);
        String cookie = web.session(c, ANA);
        ConfigAdmin admin = new ConfigAdmin(web.stores.config(), web.stores.configCache(), web.stores.cases());
        admin.rotateLinkKey(web.clock.instant());
        admin.retireLinkKey(web.key.kid(), null);

        assertClearRefusal(web.invoke(HttpApiEvent.openLink(token)), 403, "This link cannot be opened", token);
        assertClearRefusal(web.page(c, cookie), 401, "Open the case from your email", null);
    }

    @Test
    void tokensOfOneKindNeverPassAsAnother() {
        String cookie = web.session(c, ANA);
        String session = cookie.substring(cookie.indexOf('=') + 1);
        Answer page = web.page(c, cookie);
        String csrf = page.input("csrf");

        assertClearRefusal(web.invoke(HttpApiEvent.openLink(session)), 403, "This link cannot be opened", session);
        assertClearRefusal(web.invoke(HttpApiEvent.openLink(csrf)), 403, "This link cannot be opened", csrf);
        assertClearRefusal(web.page(c, "cl_session=" + csrf), 401, "Open the case from your email", csrf);
        Answer csrfIsTheSession = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                "version", "1", "csrf", session, "text", "Session as CSRF token")).cookie(cookie));
        assertClearRefusal(csrfIsTheSession, 403, "This form has expired", session);
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void post_withTheSessionAndCsrfTokenOfAnotherCase_refused() {
        Case other = web.openCase("resp_other", WebFixture.JOAO, "Another answer");
        String otherCookie = web.session(other, ANA);
        Answer otherPage = web.page(other, otherCookie);

        Answer answer = web.invoke(HttpApiEvent.postForm(c.id(), "note", HttpApiEvent.form(
                "version", "1", "csrf", otherPage.input("csrf"), "text", "Across cases")).cookie(otherCookie));

        assertClearRefusal(answer, 401, "Open the case from your email", otherPage.input("csrf"));
        assertThat(web.stored(c).version()).isEqualTo(1);
    }

    @Test
    void post_crossSiteInEveryBrowserShape_refusedAndNothingChanged() {
        String cookie = web.session(c, ANA);
        Answer page = web.page(c, cookie);
        String form = HttpApiEvent.form("version", "1", "csrf", page.input("csrf"), "text", "Forged from another site");
        List<HttpApiEvent> forged = List.of(
                HttpApiEvent.postForm(c.id(), "note", form).cookie(cookie).header("sec-fetch-site", "cross-site"),
                HttpApiEvent.postForm(c.id(), "note", form).cookie(cookie).header("sec-fetch-site", "same-site")
                        .header("origin", "https://other.example.com"),
                HttpApiEvent.postForm(c.id(), "note", form).cookie(cookie).header("sec-fetch-site", "cross-site").header("origin", "null"),
                HttpApiEvent.postForm(c.id(), "note", form).cookie(cookie).withoutHeader("sec-fetch-site").header("origin", "https://evil.example"),
                HttpApiEvent.postForm(c.id(), "note", form).cookie(cookie).withoutHeader("sec-fetch-site")
                        .header("origin", "http://cx.example.com"),
                HttpApiEvent.postForm(c.id(), "note", form).cookie(cookie).withoutHeader("sec-fetch-site").header("origin", "not a url"));

        for (HttpApiEvent post : forged) {
            assertClearRefusal(web.invoke(post), 403, "This form was sent from another website", null);
        }
        assertThat(web.stored(c).version()).isEqualTo(1);
    }
}
