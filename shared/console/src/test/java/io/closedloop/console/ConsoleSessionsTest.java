package io.closedloop.console;

import static io.closedloop.console.ConsoleFixtures.ANA;
import static io.closedloop.console.ConsoleFixtures.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Configuration;
import io.closedloop.console.ConsoleFixtures.MemorySessions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final MemorySessions store = new MemorySessions();
    private final ConsoleSessions sessions = new ConsoleSessions(store);

    @Test
    void start_storesOnlyAHashOfTheCookiesSecret() {
        ConsoleSessions.Started started = sessions.start(ANA, NOW);

        assertThat(started.cookieValue()).startsWith("ana.");
        String secret = started.cookieValue().substring(4);
        assertThat(store.sessions.keySet()).singleElement().asString().doesNotContain(secret);
        assertThat(sessions.check(started.cookieValue(), CONFIG, NOW.plusSeconds(1))).get()
                .extracting(ConsoleSessions.Signed::person).isEqualTo(ANA);
    }

    @Test
    void check_idleTwoHours_endsTheSession() {
        ConsoleSessions.Started started = sessions.start(ANA, NOW);

        assertThat(sessions.check(started.cookieValue(), CONFIG, NOW.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(store.sessions).isEmpty();
    }

    @Test
    void check_activeUse_keepsTheSessionUntilTwelveHours_touchingAtMostEveryFiveMinutes() {
        ConsoleSessions.Started started = sessions.start(ANA, NOW);
        for (int minutes = 1; minutes < 12 * 60; minutes++) {
            assertThat(sessions.check(started.cookieValue(), CONFIG, NOW.plus(Duration.ofMinutes(minutes)))).as("minute " + minutes).isPresent();
        }

        assertThat(store.touches).isLessThanOrEqualTo(12 * 60 / 5);
        assertThat(sessions.check(started.cookieValue(), CONFIG, NOW.plus(Duration.ofHours(12)))).isEmpty();
    }

    @Test
    void check_tamperedOrForeignCookie_isNoSession() {
        ConsoleSessions.Started started = sessions.start(ANA, NOW);
        String secret = started.cookieValue().substring(4);

        assertThat(sessions.check("bob." + secret, CONFIG, NOW)).isEmpty();
        assertThat(sessions.check("ana." + "A".repeat(43), CONFIG, NOW)).isEmpty();
        assertThat(sessions.check("garbage", CONFIG, NOW)).isEmpty();
        assertThat(sessions.check(null, CONFIG, NOW)).isEmpty();
    }

    @Test
    void check_personNoLongerConfigured_endsTheSession() {
        ConsoleSessions.Started started = sessions.start(ANA, NOW);

        assertThat(sessions.check(started.cookieValue(), Configuration.EMPTY, NOW)).isEmpty();
        assertThat(store.sessions).isEmpty();
    }

    @Test
    void endAndEndAll_signOut() {
        ConsoleSessions.Started laptop = sessions.start(ANA, NOW);
        ConsoleSessions.Started phone = sessions.start(ANA, NOW);
        sessions.end(laptop.cookieValue());

        assertThat(sessions.check(laptop.cookieValue(), CONFIG, NOW)).isEmpty();
        assertThat(sessions.check(phone.cookieValue(), CONFIG, NOW)).isPresent();
        assertThat(sessions.endAll("ana")).isEqualTo(1);
        assertThat(sessions.check(phone.cookieValue(), CONFIG, NOW)).isEmpty();
    }
}
