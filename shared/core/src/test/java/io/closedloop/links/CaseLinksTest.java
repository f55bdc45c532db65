package io.closedloop.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final LinkKey OLD = new LinkKey("old", "0123456789abcdef0123456789abcdef".getBytes(), NOW.minusSeconds(86400), false);
    private static final LinkKey NEW = new LinkKey("new", "fedcba9876543210fedcba9876543210".getBytes(), NOW, false);

    private static Configuration keys(LinkKey... keys) {
        return new Configuration(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                List.of(keys));
    }

    private static String link(LinkKey key) {
        return CaseLinks.linkToken(key, "c123", "ana", 0, NOW.plus(CaseLinks.LINK_LIFETIME));
    }

    @Test
    void verifyLink_freshLink_givesItsCaseAndRecipient() {
        CaseLinks.Verified verified = CaseLinks.verifyLink(keys(NEW), link(NEW), NOW, 0);

        assertThat(verified.valid()).isTrue();
        assertThat(verified.claims().caseId()).isEqualTo("c123");
        assertThat(verified.claims().recipientId()).isEqualTo("ana");
    }

    @Test
    void verifyLink_afterRotation_olderKeysStillVerify_untilRetired() {
        String signedWithOld = link(OLD);

        assertThat(CaseLinks.verifyLink(keys(OLD, NEW), signedWithOld, NOW, 0).valid()).isTrue();
        LinkKey retired = new LinkKey(OLD.kid(), OLD.secret(), OLD.createdAt(), true);
        assertThat(CaseLinks.verifyLink(keys(retired, NEW), signedWithOld, NOW, 0).refusal()).isEqualTo(CaseLinks.Refusal.INVALID);
    }

    @Test
    void verifyLink_refusesTamperedTruncatedExpiredAndRevoked() {
        String token = link(NEW);
        String[] parts = token.split("\\.");
        String otherCase = NEW.kid() + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("c999~ana~0~9999999999".getBytes()) + "." + parts[2];

        assertThat(CaseLinks.verifyLink(keys(NEW), otherCase, NOW, 0).refusal()).isEqualTo(CaseLinks.Refusal.INVALID);
        assertThat(CaseLinks.verifyLink(keys(NEW), token.substring(0, token.length() - 3), NOW, 0).refusal()).isEqualTo(CaseLinks.Refusal.INVALID);
        assertThat(CaseLinks.verifyLink(keys(NEW), token, NOW.plus(Duration.ofDays(31)), 0).refusal()).isEqualTo(CaseLinks.Refusal.EXPIRED);
        assertThat(CaseLinks.verifyLink(keys(NEW), token, NOW, 1).refusal()).isEqualTo(CaseLinks.Refusal.REVOKED);
    }

    @Test
    void linkAndSession_areNotInterchangeable() {
        CaseLinks.Claims claims = CaseLinks.verifyLink(keys(NEW), link(NEW), NOW, 0).claims();
        String session = CaseLinks.sessionToken(NEW, claims, NOW);

        assertThat(CaseLinks.verifySession(keys(NEW), session, NOW, 0).valid()).isTrue();
        assertThat(CaseLinks.verifyLink(keys(NEW), session, NOW, 0).valid()).isFalse();
        assertThat(CaseLinks.verifySession(keys(NEW), link(NEW), NOW, 0).valid()).isFalse();
        assertThat(CaseLinks.verifySession(keys(NEW), session, NOW.plus(CaseLinks.SESSION_LIFETIME), 0).refusal())
                .isEqualTo(CaseLinks.Refusal.EXPIRED);
    }

    @Test
    void csrf_isBoundToTheSession() {
        String session = CaseLinks.sessionToken(NEW, CaseLinks.verifyLink(keys(NEW), link(NEW), NOW, 0).claims(), NOW);
        String csrf = CaseLinks.csrfToken(keys(NEW), session);

        assertThat(CaseLinks.verifyCsrf(keys(NEW), session, csrf)).isTrue();
        assertThat(CaseLinks.verifyCsrf(keys(NEW), session + "x", csrf)).isFalse();
        assertThat(CaseLinks.verifyCsrf(keys(NEW), session, csrf.substring(0, csrf.length() - 2))).isFalse();
        assertThat(CaseLinks.verifyCsrf(keys(NEW), session, null)).isFalse();
    }

    @Test
    void dashboardSession_namesTheKey_andExpires() {
        String token = CaseLinks.dashboardToken(NEW, "key1", NOW);

        assertThat(CaseLinks.verifyDashboard(keys(NEW), token, NOW)).contains("key1");
        assertThat(CaseLinks.verifyDashboard(keys(NEW), token, NOW.plus(CaseLinks.DASHBOARD_LIFETIME))).isEmpty();
        assertThat(CaseLinks.verifyDashboard(keys(NEW), link(NEW), NOW)).isEmpty();
    }
}
