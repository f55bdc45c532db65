package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.ports.SessionStore.Session;
import io.closedloop.ports.SignInStore.Grant;
import io.closedloop.testing.LocalDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbConsoleStoresTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private DynamoDbSignInStore signIns;
    private DynamoDbSessionStore sessions;

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("console");
        signIns = new DynamoDbSignInStore(dynamo.client(), table);
        sessions = new DynamoDbSessionStore(dynamo.client(), table);
    }

    @Test
    void consume_concurrentClicksOnOneLink_signInExactlyOnce() throws Exception {
        signIns.store(new Grant("hash-1", "ana", NOW.plus(Duration.ofMinutes(15))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> clicks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clicks.add(pool.submit(() -> signIns.consume("hash-1").isPresent()));
        }
        int signedIn = 0;
        for (Future<Boolean> click : clicks) {
            signedIn += click.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(signedIn).isEqualTo(1);
        assertThat(signIns.consume("hash-1")).isEmpty();
    }

    @Test
    void consume_returnsWhomTheLinkSignsIn() {
        signIns.store(new Grant("hash-2", "marc", NOW.plus(Duration.ofMinutes(15))));

        assertThat(signIns.consume("hash-2")).contains(new Grant("hash-2", "marc", NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void allowAnother_countsPerAddressAndWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIns.allowAnother("addr", NOW, NOW.plus(Duration.ofMinutes(15)), 5)).isTrue();
        }

        assertThat(signIns.allowAnother("addr", NOW, NOW.plus(Duration.ofMinutes(15)), 5)).isFalse();
        assertThat(signIns.allowAnother("other", NOW, NOW.plus(Duration.ofMinutes(15)), 5)).isTrue();
        assertThat(signIns.allowAnother("addr", NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofMinutes(30)), 5)).isTrue();
    }

    @Test
    void sessions_createFindTouchDelete() {
        Session session = new Session("ana", "h1", NOW, NOW, NOW.plus(Duration.ofHours(12)));
        sessions.create(session);
        sessions.create(new Session("ana", "h2", NOW, NOW, NOW.plus(Duration.ofHours(12))));

        assertThat(sessions.find("ana", "h1")).contains(session);
        sessions.touch("ana", "h1", NOW.plus(Duration.ofMinutes(7)));
        assertThat(sessions.find("ana", "h1")).get().extracting(Session::lastSeenAt).isEqualTo(NOW.plus(Duration.ofMinutes(7)));

        sessions.delete("ana", "h1");
        sessions.touch("ana", "h1", NOW.plus(Duration.ofMinutes(8)));
        assertThat(sessions.find("ana", "h1")).isEmpty();
        assertThat(sessions.deleteAll("ana")).isEqualTo(1);
        assertThat(sessions.find("ana", "h2")).isEmpty();
    }
}
