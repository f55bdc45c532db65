package io.closedloop.console;

import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.config.Team;
import io.closedloop.ports.SessionStore;
import io.closedloop.ports.SignInStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** People of every role in two teams, and in-memory stores for the pure use-case tests. */
final class ConsoleFixtures {

    static final Responder ADMIN = new Responder("alex", "Alex Admin", "alex@example.com", "en", null, true, null, Role.ADMIN, null);
    static final Responder MANAGER = new Responder("marc", "Marc Manager", "marc@example.com", "fr", null, true, null, Role.MANAGER, "Europe/Paris");
    static final Responder ANA = new Responder("ana", "Ana Souza", "Ana@Example.com", "en", "support", true, null);
    static final Responder NO_RIGHT = new Responder("nora", "Nora", "nora@example.com", "en", "support", false, null);
    static final Responder VIEWER = new Responder("vera", "Vera Viewer", "vera@example.com", "en", "support", false, null, Role.VIEWER, null);
    static final Responder LONE_VIEWER = new Responder("victor", "Victor", "victor@example.com", "en", null, false, null, Role.VIEWER, null);
    static final Responder BOB = new Responder("bob", "Bob Sales", "bob@example.com", "en", "sales", true, null);

    static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(),
            Configuration.byId(List.of(ADMIN, MANAGER, ANA, NO_RIGHT, VIEWER, LONE_VIEWER, BOB), Responder::id),
            Configuration.byId(List.of(new Team("support", "Support", List.of("ana", "nora"), null, "marc", null),
                    new Team("sales", "Sales", List.of("bob"), null, null, null)), Team::id),
            List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(new LinkKey("k1", "key-for-tests-only-32-bytes-long".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Instant.parse("2026-01-01T00:00:00Z"), false)));

    private ConsoleFixtures() {}

    static Case caseOf(String team, String assignee) {
        return new Case.Builder("c-" + team + "-" + assignee).version(1).campaignId("nps").teamId(team).assigneeId(assignee)
                .openedAt(Instant.parse("2026-12-01T09:00:00Z")).build();
    }

    static final class MemorySignIns implements SignInStore {
        final Map<String, Grant> grants = new HashMap<>();
        final Map<String, Integer> counts = new HashMap<>();

        @Override
        public boolean allowAnother(String addressHash, Instant windowStart, Instant windowEnd, int max) {
            String key = addressHash + "@" + windowStart;
            int now = counts.getOrDefault(key, 0);
            if (now >= max) {
                return false;
            }
            counts.put(key, now + 1);
            return true;
        }

        @Override
        public void store(Grant grant) {
            grants.put(grant.tokenHash(), grant);
        }

        @Override
        public Optional<Grant> consume(String tokenHash) {
            return Optional.ofNullable(grants.remove(tokenHash));
        }
    }

    static final class MemorySessions implements SessionStore {
        final Map<String, Session> sessions = new HashMap<>();
        int touches;

        @Override
        public void create(Session session) {
            sessions.put(session.personId() + "/" + session.secretHash(), session);
        }

        @Override
        public Optional<Session> find(String personId, String secretHash) {
            return Optional.ofNullable(sessions.get(personId + "/" + secretHash));
        }

        @Override
        public void touch(String personId, String secretHash, Instant seenAt) {
            touches++;
            sessions.computeIfPresent(personId + "/" + secretHash,
                    (k, s) -> new Session(s.personId(), s.secretHash(), s.createdAt(), seenAt, s.expiresAt()));
        }

        @Override
        public void delete(String personId, String secretHash) {
            sessions.remove(personId + "/" + secretHash);
        }

        @Override
        public int deleteAll(String personId) {
            int before = sessions.size();
            sessions.keySet().removeIf(k -> k.startsWith(personId + "/"));
            return before - sessions.size();
        }
    }
}
