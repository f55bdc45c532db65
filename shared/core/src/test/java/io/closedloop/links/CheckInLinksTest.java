package io.closedloop.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final LinkKey KEY = new LinkKey("k1", "0123456789abcdef0123456789abcdef".getBytes(), NOW.minusSeconds(86400), false);
    private static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), List.of(KEY));

    @Test
    void token_verifies_untilItExpires_andNamesTheCaseAndTheClose() {
        String token = CheckInLinks.token(KEY, "c-1", "close-2", NOW.plus(CheckInLinks.LIFETIME));

        CheckInLinks.Verified ok = CheckInLinks.verify(CONFIG, token, NOW.plusSeconds(60));
        CheckInLinks.Verified late = CheckInLinks.verify(CONFIG, token, NOW.plus(CheckInLinks.LIFETIME));

        assertThat(ok.claims().caseId()).isEqualTo("c-1");
        assertThat(ok.claims().closing()).isEqualTo("close-2");
        assertThat(late.refusal()).isEqualTo(CheckInLinks.Refusal.EXPIRED);
    }

    @Test
    void tamperedOrResponderLink_isRefused() {
        String token = CheckInLinks.token(KEY, "c-1", "close-1", NOW.plus(CheckInLinks.LIFETIME));
        String[] parts = token.split("\\.");
        String otherCase = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("c-2~close-1~" + NOW.plus(CheckInLinks.LIFETIME).getEpochSecond()).getBytes()) + "." + parts[2];
        String responderLink = CaseLinks.linkToken(KEY, "c-1", "ana", 0, NOW.plus(CheckInLinks.LIFETIME));

        assertThat(CheckInLinks.verify(CONFIG, otherCase, NOW).refusal()).isEqualTo(CheckInLinks.Refusal.INVALID);
        assertThat(CheckInLinks.verify(CONFIG, responderLink, NOW).refusal()).isEqualTo(CheckInLinks.Refusal.INVALID);
        assertThat(CheckInLinks.verify(CONFIG, token.substring(0, token.length() - 2), NOW).refusal()).isEqualTo(CheckInLinks.Refusal.INVALID);
    }
}
