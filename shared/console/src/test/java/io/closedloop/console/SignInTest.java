package io.closedloop.console;

import static io.closedloop.console.ConsoleFixtures.ANA;
import static io.closedloop.console.ConsoleFixtures.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.console.ConsoleFixtures.MemorySignIns;
import io.closedloop.console.SignIn.Requested;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final MemorySignIns store = new MemorySignIns();
    private final SignIn signIn = new SignIn(store);

    @Test
    void request_knownAddressInAnyCase_sendsALinkWhoseTokenIsNotStored() {
        Requested outcome = signIn.request("  ana@EXAMPLE.com ", CONFIG, NOW);

        assertThat(outcome).isInstanceOfSatisfying(Requested.Sent.class, sent -> {
            assertThat(sent.person()).isEqualTo(ANA);
            assertThat(sent.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
            assertThat(store.grants).hasSize(1).doesNotContainKey(sent.token());
        });
    }

    @Test
    void request_unknownAddress_storesNothing() {
        assertThat(signIn.request("nobody@example.com", CONFIG, NOW)).isInstanceOf(Requested.Unknown.class);
        assertThat(signIn.request("not an address", CONFIG, NOW)).isInstanceOf(Requested.Unknown.class);
        assertThat(store.grants).isEmpty();
        assertThat(store.counts).isEmpty();
    }

    @Test
    void request_sixthLinkInFifteenMinutes_isThrottled_untilTheNextWindow() {
        for (int i = 0; i < SignIn.MAX_LINKS_PER_WINDOW; i++) {
            assertThat(signIn.request("ana@example.com", CONFIG, NOW.plusSeconds(i))).isInstanceOf(Requested.Sent.class);
        }

        assertThat(signIn.request("ana@example.com", CONFIG, NOW.plusSeconds(60))).isInstanceOf(Requested.Throttled.class);
        assertThat(signIn.request("ana@example.com", CONFIG, NOW.plus(Duration.ofMinutes(15)))).isInstanceOf(Requested.Sent.class);
    }

    @Test
    void redeem_worksOnce() {
        Requested.Sent sent = (Requested.Sent) signIn.request("ana@example.com", CONFIG, NOW);

        assertThat(signIn.redeem(sent.token(), CONFIG, NOW.plusSeconds(30))).contains(ANA);
        assertThat(signIn.redeem(sent.token(), CONFIG, NOW.plusSeconds(31))).isEmpty();
    }

    @Test
    void redeem_afterFifteenMinutes_orForgedToken_signsNobodyIn() {
        Requested.Sent sent = (Requested.Sent) signIn.request("ana@example.com", CONFIG, NOW);

        assertThat(signIn.redeem(sent.token(), CONFIG, NOW.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(signIn.redeem("x".repeat(43), CONFIG, NOW)).isEmpty();
        assertThat(signIn.redeem("../../etc", CONFIG, NOW)).isEmpty();
    }

    @Test
    void redeem_personRemovedSinceTheLinkWasSent_signsNobodyIn() {
        Requested.Sent sent = (Requested.Sent) signIn.request("ana@example.com", CONFIG, NOW);

        assertThat(signIn.redeem(sent.token(), io.closedloop.config.Configuration.EMPTY, NOW)).isEmpty();
    }
}
