package io.closedloop.bench;

import io.closedloop.cases.Case;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.domain.Response;
import io.closedloop.domain.ResponseId;
import io.closedloop.ports.CasePage;
import io.closedloop.ports.CaseQuery;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.CaseSummary;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.SessionStore;
import io.closedloop.ports.StoreOutcome;
import io.closedloop.queue.CaseQueue;
import io.closedloop.queue.Lane;
import io.closedloop.queue.QueueFilter;
import io.closedloop.queue.QueuePage;
import io.closedloop.queue.QueueRow;
import io.closedloop.queue.Stretch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** In-memory ports, so the warm benchmarks measure the CPU of an invocation with the I/O taken out. */
public final class InMemory {

    private InMemory() {}

    /** The configuration partition as a map. */
    public static final class Config implements ConfigStore {
        private final Map<String, ConfigEntry> entries = new LinkedHashMap<>();

        @Override
        public List<ConfigEntry> loadAll() {
            return List.copyOf(entries.values());
        }

        @Override
        public Optional<ConfigEntry> find(ConfigKind kind, String id) {
            return Optional.ofNullable(entries.get(kind + "#" + id));
        }

        @Override
        public void put(ConfigEntry entry) {
            entries.put(entry.kind() + "#" + entry.id(), entry);
        }

        @Override
        public void delete(ConfigKind kind, String id) {
            entries.remove(kind + "#" + id);
        }
    }

    /** Accepts every response as new and keeps only the last, as a store that never says "duplicate" would. */
    public static final class Responses implements ResponseStore {
        volatile Response last;

        @Override
        public StoreOutcome store(Response response) {
            last = response;
            return StoreOutcome.STORED;
        }

        @Override
        public StoreOutcome merge(Response partial) {
            last = partial;
            return StoreOutcome.STORED;
        }

        @Override
        public void forEachInPeriod(String campaignId, LocalDate from, LocalDate to, Consumer<Response> consumer) {}

        @Override
        public Optional<Response> get(String campaignId, Instant submittedAt, ResponseId id) {
            return Optional.ofNullable(last).filter(r -> r.id().equals(id));
        }

        @Override
        public List<Response> find(String campaignId, LocalDate day, String sourceId, String externalId) {
            return List.of();
        }
    }

    /** One case, read as the case page reads it. */
    public static final class Cases implements CaseStore {
        private final Map<String, Case> cases = new LinkedHashMap<>();

        @Override
        public boolean create(Case newCase) {
            return cases.putIfAbsent(newCase.id(), newCase) == null;
        }

        @Override
        public Optional<Case> find(String caseId) {
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public void update(Case updated) {
            cases.put(updated.id(), updated);
        }

        @Override
        public List<String> dueCaseIds(Instant until, int limit) {
            return new ArrayList<>();
        }

        @Override
        public CasePage list(CaseQuery query) {
            return new CasePage(List.of(), null);
        }

        @Override
        public List<CaseSummary> byCustomer(String customerKey, int limit) {
            return List.of();
        }

        @Override
        public long openCases(String planId, int upTo) {
            return 0;
        }
    }

    /** The suppression list as a map. */
    public static final class Suppressions implements io.closedloop.ports.Suppressions {
        private final Map<String, Suppression> suppressed = new LinkedHashMap<>();

        @Override
        public Optional<Suppression> find(String addressHash) {
            return Optional.ofNullable(suppressed.get(addressHash));
        }

        @Override
        public void suppress(String addressHash, Reason reason, Instant at) {
            suppressed.putIfAbsent(addressHash, new Suppression(reason, at));
        }
    }

    /** Console sessions as a map. */
    public static final class Sessions implements SessionStore {
        private final Map<String, Session> sessions = new LinkedHashMap<>();

        @Override
        public void create(Session session) {
            sessions.put(session.personId() + "#" + session.secretHash(), session);
        }

        @Override
        public Optional<Session> find(String personId, String secretHash) {
            return Optional.ofNullable(sessions.get(personId + "#" + secretHash));
        }

        @Override
        public void touch(String personId, String secretHash, Instant seenAt) {
            sessions.computeIfPresent(personId + "#" + secretHash,
                    (key, s) -> new Session(s.personId(), s.secretHash(), s.createdAt(), seenAt, s.expiresAt()));
        }

        @Override
        public void delete(String personId, String secretHash) {
            sessions.remove(personId + "#" + secretHash);
        }

        @Override
        public int deleteAll(String personId) {
            int before = sessions.size();
            sessions.values().removeIf(s -> s.personId().equals(personId));
            return before - sessions.size();
        }
    }

    /** A work queue that answers every list with the same rows, already in order (the index's work is I/O). */
    public static final class Queue implements CaseQueue {
        private final List<QueueRow> rows;

        public Queue(List<QueueRow> rows) {
            this.rows = List.copyOf(rows);
        }

        @Override
        public QueuePage page(List<Lane> lanes, Stretch stretch, QueueFilter filter, int limit, String cursor) {
            List<QueueRow> shown = rows.subList(0, Math.min(limit, rows.size()));
            return new QueuePage(shown, rows.size() > limit ? "more" : null);
        }

        @Override
        public long count(List<Lane> lanes, Stretch stretch) {
            return rows.size();
        }
    }
}
