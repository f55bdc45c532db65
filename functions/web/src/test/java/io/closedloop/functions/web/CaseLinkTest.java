package io.closedloop.functions.web;

import static io.closedloop.functions.web.WebFixture.ANA;
import static io.closedloop.functions.web.WebFixture.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Case;
import io.closedloop.functions.web.WebFixture.Answer;
import io.closedloop.links.CaseLinks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseLinkTest {

    private WebFixture web;
    private Case c;

    @BeforeEach
    void seed() {
        web = new WebFixture();
        c = web.openCase();
    }

    @Test
    void openLink_validToken_setsScopedSessionCookieAndRedirectsToCleanAddress() {
        String token = web.link(c, ANA);

        Answer answer = web.invoke(HttpApiEvent.openLink(token));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("location")).isEqualTo("/cases/" + c.id()).doesNotContain(token);
        assertThat(answer.cookies()).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("cl_session=")
                .doesNotContain(token)
                .contains("; Path=/cases/" + c.id() + ";")
                .contains("; Max-Age=43200;")
                .contains("; HttpOnly")
                .contains("; Secure")
                .contains("; SameSite=Lax"));
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
        assertThat(answer.header("cache-control")).isEqualTo("no-store");
    }

    @Test
    void openLink_linkNearItsEnd_sessionEndsWithTheLink() {
        String token = CaseLinks.linkToken(web.key, c.id(), ANA.id(), c.linkGeneration(), web.clock.instant().plus(Duration.ofHours(2)));

        Answer answer = web.invoke(HttpApiEvent.openLink(token));

        assertThat(answer.cookies().getFirst()).contains("; Max-Age=7200;");
    }

    @Test
    void openLink_thenCasePage_showsTheCase() {
        String cookie = web.session(c, ANA);

        Answer page = web.page(c, cookie);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("João Pereira");
    }

    @Test
    void openLink_asMailScannerWould_changesNothing() {
        web.invoke(HttpApiEvent.openLink(web.link(c, ANA)));
        web.invoke(HttpApiEvent.openLink(web.link(c, ANA)));

        Case after = web.stored(c);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.activities()).hasSize(1);
    }

    @Test
    void openLink_payloadRewrittenForAnotherRecipient_refusedAsInvalidWithoutCookie() {
        String[] parts = web.link(c, ANA).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("~ana~", "~bruno~");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        Answer answer = web.invoke(HttpApiEvent.openLink(tampered));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.cookies()).isEmpty();
        assertThat(answer.header("content-type")).startsWith("text/html");
        assertThat(answer.body()).contains("This link cannot be opened").contains("ask your CX administrator for a new link")
                .doesNotContainIgnoringCase("signature").doesNotContainIgnoringCase("hmac");
    }

    @Test
    void openLink_signatureAltered_refusedAsInvalid() {
        String token = web.link(c, ANA);
        int at = token.lastIndexOf('.') + 3;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'x' ? 'y' : 'x') + token.substring(at + 1);

        Answer answer = web.invoke(HttpApiEvent.openLink(tampered));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.cookies()).isEmpty();
    }

    @Test
    void openLink_garbage_refusedAsInvalid() {
        Answer answer = web.invoke(HttpApiEvent.openLink("not-a-token"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("This link cannot be opened");
    }

    @Test
    void openLink_expired_refusedWith410() {
        String token = web.link(c, ANA);
        web.clock.advance(CaseLinks.LINK_LIFETIME.plusMinutes(1));

        Answer answer = web.invoke(HttpApiEvent.openLink(token));

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.cookies()).isEmpty();
        assertThat(answer.body()).contains("This link has expired").contains("for a new link");
    }

    @Test
    void openLink_revokedByNewLinkGeneration_refusedWith410() {
        String token = web.link(c, ANA);
        web.stores.cases().update(c.toBuilder().version(c.version() + 1).linkGeneration(c.linkGeneration() + 1).build());

        Answer answer = web.invoke(HttpApiEvent.openLink(token));

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.body()).contains("This link is no longer valid");
    }

    @Test
    void openLink_unknownCase_readsAsInvalidLink() {
        String token = CaseLinks.linkToken(web.key, "cnosuchcase00", ANA.id(), 0, web.clock.instant().plus(CaseLinks.LINK_LIFETIME));

        Answer answer = web.invoke(HttpApiEvent.openLink(token));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("This link cannot be opened");
    }

    @Test
    void openLink_refusedInFrenchBrowser_isWordedInFrench() {
        Answer answer = web.invoke(HttpApiEvent.openLink("not-a-token").header("accept-language", "fr-FR,fr;q=0.9,en;q=0.8"));

        assertThat(answer.body()).contains("<html lang=\"fr\">").contains("Ce lien ne peut pas être ouvert");
    }

    @Test
    void casePage_sessionOfAnotherCase_refusedWith401() {
        Case other = web.openCase("resp_other", WebFixture.JOAO, "Another answer");
        String cookieForOther = web.session(other, ANA);

        Answer answer = web.page(c, cookieForOther);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("Open the case from your email").doesNotContain("João Pereira");
    }

    @Test
    void casePage_withoutSession_refusedWith401() {
        Answer answer = web.invoke(HttpApiEvent.casePage(c.id()));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("Open the case from your email");
    }

    @Test
    void casePage_linkTokenInsteadOfSession_refused() {
        Answer answer = web.page(c, "cl_session=" + web.link(c, ANA));

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void casePage_sessionAfterLinksRevoked_refusedAsRevoked() {
        String cookie = web.session(c, ANA);
        web.stores.cases().update(c.toBuilder().version(c.version() + 1).linkGeneration(c.linkGeneration() + 1).build());

        Answer answer = web.page(c, cookie);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("Your access to this case was withdrawn");
    }

    @Test
    void casePage_sessionOlderThanTwelveHours_refusedAsEnded() {
        String cookie = web.session(c, CAMILLE);
        web.clock.advance(CaseLinks.SESSION_LIFETIME.plusSeconds(1));

        Answer answer = web.page(c, cookie);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("Your session has ended");
    }
}
