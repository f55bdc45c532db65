package io.closedloop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Campaign;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Goal;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.Secret;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.config.TimeBasis;
import io.closedloop.config.WebhookFormat;
import io.closedloop.config.WorkingHours;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Any admin write, on a small real configuration: it succeeds, or is refused with a 4xx problem that names what is
 * wrong; nothing else is thrown. A write that succeeds leaves a configuration that still assembles and reads back
 * (an accepted entry that broke the assembly would turn every later request into a 500).
 *
 * <p>Input, as text: one command line, an empty line, the JSON body. Commands: {@code PUT <kind> <id> [<version>]}
 * ({@code <kind>} as in the URL, e.g. {@code responders}), {@code DELETE <kind> <id> [<version>]},
 * {@code SECRET <sourceId> [<version>]} (add a webhook secret), {@code KEY} (create an API key). Corpus:
 * {@code ConfigAdminFuzzTestInputs/anyWrite/}.
 */
class ConfigAdminFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** A store holding the seed plan, a campaign, a source, responders, a team, a calendar, a policy and root causes. */
    private static InMemoryConfigStore seeded() {
        InMemoryConfigStore store = new InMemoryConfigStore();
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of(new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        for (Object value : List.of(
                SeedPlans.resolutionForDetractors(),
                new BusinessCalendar("paris", "Paris office", ZoneId.of("Europe/Paris"), week, Set.of(LocalDate.of(2026, 12, 25))),
                new Responder("ana", "Ana Souza", "ana@example.com", "pt-BR", "support", true, null),
                new Responder("louis", "Louis Martin", "louis@example.com", "fr", "support", true, "paris"),
                new Team("support", "Support", List.of("ana", "louis"), "ana", "louis", null),
                new SlaPolicy("detractor-48h", "48 h", TimeBasis.CALENDAR, null, new SlaTargets(Duration.ofHours(48), Duration.ofDays(5)),
                        Map.of(), 0.75, List.of(new EscalationStep(EscalationTarget.TEAM_LEAD, null, Duration.ZERO)), false),
                new Campaign("nps-br", "NPS Brazil", SeedPlans.resolutionForDetractors().id(), "detractor-48h", new Goal(0.85, Duration.ofHours(24))),
                new Source("src-web", "nps-br", WebhookFormat.GENERIC, List.of(new Secret("s1", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", NOW)),
                        null, ScoreType.NPS, null, FieldMapping.NONE, true),
                new RootCause("delivery", "Delivery", null),
                new RootCause("delivery-late", "Late delivery", "delivery"))) {
            store.put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
        }
        return store;
    }

    private static final InMemoryConfigStore SEED = seeded();

    /** The harness itself: the seed assembles into a configuration with every entry. */
    @Test
    void seed_assemblesWithEveryEntry() {
        Configuration config = new ConfigCache(fresh(), InstantSource.fixed(NOW), Duration.ZERO).current();

        assertThat(config.responders()).containsOnlyKeys("ana", "louis");
        assertThat(config.campaigns()).containsOnlyKeys("nps-br");
        assertThat(config.rootCauses()).hasSize(2);
        assertThat(config.source("src-web")).isPresent();
    }

    private static InMemoryConfigStore fresh() {
        InMemoryConfigStore store = new InMemoryConfigStore();
        SEED.loadAll().forEach(store::put);
        return store;
    }

    @FuzzTest(maxDuration = "60s")
    void anyWrite(byte[] input) {
        int split = indexOfBlankLine(input);
        String[] command = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8).strip().split("\\s+");
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
        InMemoryConfigStore store = fresh();
        ConfigCache cache = new ConfigCache(store, InstantSource.fixed(NOW), Duration.ZERO);
        ConfigAdmin admin = new ConfigAdmin(store, cache, (planId, upTo) -> 0);

        try {
            apply(admin, command, body);
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            assertThat(problem.status()).as("refusal of %s", String.join(" ", command)).isBetween(400, 499);
            assertThat(problem.title()).isNotBlank();
            problem.errors().forEach(e -> assertThat(e.message()).isNotBlank());
            return;
        }
        Configuration after = cache.current();
        assertThat(after).isNotNull();
        for (AdminKind kind : AdminKind.values()) {
            for (AdminEntry entry : admin.list(kind)) {
                assertThat(admin.get(kind, entry.id()).view()).isNotNull();
            }
        }
    }

    private static void apply(ConfigAdmin admin, String[] command, byte[] body) {
        String verb = command[0];
        Optional<AdminKind> kind = command.length > 1 ? AdminKind.ofPath(command[1]) : Optional.empty();
        switch (verb) {
            case "PUT" -> {
                if (kind.isPresent() && command.length > 2) {
                    ObjectNode json = AdminJson.object(body);
                    admin.put(kind.get(), command[2], json, version(command, 3));
                }
            }
            case "DELETE" -> {
                if (kind.isPresent() && command.length > 2) {
                    admin.delete(kind.get(), command[2], version(command, 3), "fuzz-caller");
                }
            }
            case "SECRET" -> {
                if (command.length > 1) {
                    admin.addSecret(command[1], AdminJson.object(body), version(command, 2), NOW);
                }
            }
            case "KEY" -> admin.createApiKey(AdminJson.object(body));
            default -> {
                // Not a command: nothing to do, as the API would answer 404 before reaching the admin
            }
        }
    }

    private static Long version(String[] command, int at) {
        if (command.length <= at) {
            return null;
        }
        try {
            return Long.parseLong(command[at]);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static int indexOfBlankLine(byte[] input) {
        for (int i = 0; i + 1 < input.length; i++) {
            if (input[i] == '\n' && input[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
