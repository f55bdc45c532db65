package io.closedloop.functions.console;

import io.closedloop.admin.ConfigAdmin;
import io.closedloop.app.CaseService;
import io.closedloop.console.ConsoleSessions;
import io.closedloop.console.SignIn;
import io.closedloop.kpi.KpiStore;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.SessionStore;
import io.closedloop.ports.SignInStore;
import io.closedloop.queue.CaseQueue;
import java.time.Instant;
import java.util.Optional;

/** The console handler on in-memory ports, for the warm benchmarks (its ports constructor is package-private). */
public final class BenchConsole {

    /** Sign-in is not on the benchmarked pages' path. */
    private static final SignInStore NO_SIGN_INS = new SignInStore() {
        @Override
        public boolean allowAnother(String addressHash, Instant windowStart, Instant windowEnd, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void store(Grant grant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Grant> consume(String tokenHash) {
            throw new UnsupportedOperationException();
        }
    };

    private BenchConsole() {}

    public static ConsoleHandler handler(CaseService service, CaseStore cases, CaseQueue queue, SessionStore sessions, KpiStore kpis,
            ResponseStore responses, ConfigStore config, ConfigCache cache, String origin) {
        return new ConsoleHandler(service, cases, queue, new SignIn(NO_SIGN_INS), new ConsoleSessions(sessions),
                new ConfigAdmin(config, cache, cases), sessions, kpis, responses, config, cache, email -> {
                    throw new UnsupportedOperationException("no mail on these pages");
                }, "closedloop@example.com", origin);
    }
}
