package io.closedloop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.app.ApiKeys;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.Source;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigAdminTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private InMemoryConfigStore store;
    private ConfigCache cache;
    private ConfigAdmin admin;
    /** Open cases per plan, as the case index would count them. */
    private final Map<String, Long> openCases = new HashMap<>();

    @BeforeEach
    void setUp() {
        store = new InMemoryConfigStore();
        // A long time to live: what the cache shows right after a write proves the write dropped it
        cache = new ConfigCache(store, InstantSource.fixed(NOW), Duration.ofHours(1));
        admin = new ConfigAdmin(store, cache, (planId, upTo) -> Math.min(upTo, openCases.getOrDefault(planId, 0L)));
        seed(SeedPlans.resolutionForDetractors());
        admin.put(AdminKind.CAMPAIGNS, "nps-br", json("{\"name\": \"NPS Brazil\", \"actionPlanId\": \"resolution-for-detractors\"}"), null);
    }

    private void seed(Object value) {
        store.put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
    }

    private static JsonNode json(String text) {
        return Json.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem problem(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return ((ProblemException) thrown).problem();
    }

    private static List<String> fields(Problem problem) {
        return problem.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void put_createsThenReplacesWithTheVersionRead_andTheCacheSeesEachWrite() {
        cache.current();

        ConfigAdmin.Written created = admin.put(AdminKind.RESPONDERS, "ana", json("{\"name\": \"Ana\", \"email\": \"ana@example.com\", \"canRespond\": true}"), null);
        assertThat(cache.current().responder("ana")).map(r -> r.name()).contains("Ana");
        ConfigAdmin.Written replaced = admin.put(AdminKind.RESPONDERS, "ana",
                json("{\"name\": \"Ana Souza\", \"email\": \"ana@example.com\", \"canRespond\": true, \"version\": 99}"), 1L);

        assertThat(created.created()).isTrue();
        assertThat(created.entry().version()).isEqualTo(1);
        assertThat(replaced.created()).isFalse();
        assertThat(replaced.entry().version()).isEqualTo(2);
        assertThat(replaced.entry().view().path("version").asLong()).isEqualTo(2);
        assertThat(cache.current().responder("ana")).map(r -> r.name()).contains("Ana Souza");
    }

    @Test
    void put_lockingConflicts_are409_andAMissingEntryWithAVersionIs404() {
        String body = "{\"name\": \"Support\"}";
        admin.put(AdminKind.TEAMS, "support", json(body), null);
        admin.put(AdminKind.TEAMS, "support", json(body), 1L);

        Problem exists = problem(() -> admin.put(AdminKind.TEAMS, "support", json(body), null));
        Problem stale = problem(() -> admin.put(AdminKind.TEAMS, "support", json(body), 1L));
        Problem missing = problem(() -> admin.put(AdminKind.TEAMS, "night", json(body), 1L));

        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.type()).endsWith("/already-exists");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).isEqualTo("team support is at version 2, not 1: read it again and reapply your change.");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(store.puts).isEqualTo(4);
    }

    @Test
    void put_losingTheRaceInTheStore_is409_andTheCacheIsDroppedAnyway() {
        ConfigStore racing = new ConfigStore() {
            @Override
            public List<ConfigEntry> loadAll() {
                return store.loadAll();
            }

            @Override
            public Optional<ConfigEntry> find(ConfigKind kind, String id) {
                return store.find(kind, id);
            }

            @Override
            public void put(ConfigEntry entry) {
                throw new ConflictException("another writer");
            }

            @Override
            public void delete(ConfigKind kind, String id) {
                store.delete(kind, id);
            }
        };
        ConfigAdmin loser = new ConfigAdmin(racing, cache, (planId, upTo) -> 0);

        Problem lost = problem(() -> loser.put(AdminKind.TEAMS, "support", json("{\"name\": \"Support\"}"), null));

        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.type()).endsWith("/version-conflict");
    }

    @Test
    void putPlan_storesEachVersionBesideTheOld_andTheETagIsTheNewestVersion() {
        String plan = Json.string(SeedPlans.resolutionForDetractors()).replace("\"Call the customer\"", "\"Call the customer back\"");

        ConfigAdmin.Written v2 = admin.put(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, json(plan), 1L);
        Problem staleV1 = problem(() -> admin.put(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, json(plan), 1L));

        assertThat(v2.entry().version()).isEqualTo(2);
        assertThat(store.loadAll()).filteredOn(e -> e.kind() == ConfigKind.PLAN).extracting(ConfigEntry::id)
                .containsExactly("resolution-for-detractors#V00001", "resolution-for-detractors#V00002");
        assertThat(cache.current().actionPlan(SeedPlans.RESOLUTION_FOR_DETRACTORS, 1).orElseThrow().actions().get(1).name()).isEqualTo("Call the customer");
        assertThat(cache.current().currentPlan(SeedPlans.RESOLUTION_FOR_DETRACTORS).orElseThrow().actions().get(1).name()).isEqualTo("Call the customer back");
        assertThat(admin.planVersions(SeedPlans.RESOLUTION_FOR_DETRACTORS)).extracting(AdminEntry::version).containsExactly(1L, 2L);
        assertThat(admin.list(AdminKind.ACTION_PLANS)).singleElement().extracting(AdminEntry::version).isEqualTo(2L);
        assertThat(staleV1.status()).isEqualTo(409);
    }

    @Test
    void delete_refusesWhatOthersReference_namingThem() {
        admin.put(AdminKind.SOURCES, "src-web", json("{\"campaignId\": \"nps-br\", \"format\": \"GENERIC\"}"), null);

        Problem plan = problem(() -> admin.delete(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, null, "k1"));
        Problem campaign = problem(() -> admin.delete(AdminKind.CAMPAIGNS, "nps-br", null, "k1"));
        admin.delete(AdminKind.SOURCES, "src-web", 1L, "k1");
        admin.delete(AdminKind.CAMPAIGNS, "nps-br", null, "k1");
        admin.delete(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, 1L, "k1");

        assertThat(plan.status()).isEqualTo(409);
        assertThat(plan.detail()).isEqualTo("action plan resolution-for-detractors cannot be deleted: it is referenced by campaign nps-br (actionPlanId).");
        assertThat(campaign.detail()).contains("source src-web (campaignId)");
        assertThat(store.loadAll()).isEmpty();
        assertThat(cache.current().campaigns()).isEmpty();
    }

    @Test
    void delete_planFollowedByOpenCases_refusedUntilTheyClose() {
        admin.delete(AdminKind.CAMPAIGNS, "nps-br", null, "k1");
        openCases.put(SeedPlans.RESOLUTION_FOR_DETRACTORS, 3L);

        Problem three = problem(() -> admin.delete(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, 1L, "k1"));
        openCases.put(SeedPlans.RESOLUTION_FOR_DETRACTORS, 5_000L);
        Problem many = problem(() -> admin.delete(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, 1L, "k1"));
        ConfigAdmin.InUse uses = admin.uses(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS);
        openCases.remove(SeedPlans.RESOLUTION_FOR_DETRACTORS);
        admin.delete(AdminKind.ACTION_PLANS, SeedPlans.RESOLUTION_FOR_DETRACTORS, 1L, "k1");

        assertThat(three.status()).isEqualTo(409);
        assertThat(three.type()).endsWith("/in-use");
        assertThat(three.detail()).startsWith("Action plan resolution-for-detractors is followed by 3 open case(s)");
        assertThat(many.detail()).contains("followed by more than 100 open case(s)");
        assertThat(uses.openCases()).isEqualTo(ConfigAdmin.OPEN_CASES_COUNTED + 1);
        assertThat(uses.referrers()).isEmpty();
        assertThat(cache.current().actionPlans()).isEmpty();
    }

    @Test
    void secrets_generatedInTheFormatsOwnForm_neverInViews_atMostFive() {
        admin.put(AdminKind.SOURCES, "src-tf", json("{\"campaignId\": \"nps-br\", \"format\": \"TYPEFORM\", \"scoreQuestion\": \"nps\"}"), null);

        ConfigAdmin.SecretAdded added = admin.addSecret("src-tf", json("{}"), null, NOW);
        String value = added.view().path("value").asText();
        for (int i = 0; i < 4; i++) {
            admin.addSecret("src-tf", json("{}"), null, NOW);
        }
        Problem sixth = problem(() -> admin.addSecret("src-tf", json("{}"), null, NOW));

        assertThat(value).matches("[0-9a-f]{64}");
        assertThat(added.view().path("fingerprint").asText()).isEqualTo(AdminViews.fingerprint(value));
        assertThat(added.source().view().toString()).doesNotContain(value);
        assertThat(admin.get(AdminKind.SOURCES, "src-tf").view().path("secrets")).hasSize(5);
        assertThat(admin.list(AdminKind.SOURCES).toString()).doesNotContain(value);
        assertThat(sixth.status()).isEqualTo(422);
        assertThat(fields(sixth)).containsExactly("secrets");
    }

    @Test
    void replacingASource_keepsItsSecrets_andAFormatItsSecretsCannotSignIsRefused() {
        admin.put(AdminKind.SOURCES, "src-tf", json("{\"campaignId\": \"nps-br\", \"format\": \"TYPEFORM\"}"), null);
        admin.addSecret("src-tf", json("{\"id\": \"custom\", \"value\": \"typed by hand, not base64!\"}"), null, NOW);

        ConfigAdmin.Written replaced = admin.put(AdminKind.SOURCES, "src-tf",
                json("{\"campaignId\": \"nps-br\", \"format\": \"TYPEFORM\", \"enabled\": false, \"secrets\": []}"), 2L);
        Problem generic = problem(() -> admin.put(AdminKind.SOURCES, "src-tf", json("{\"campaignId\": \"nps-br\", \"format\": \"GENERIC\"}"), 3L));

        Source stored = cache.current().source("src-tf").orElseThrow();
        assertThat(replaced.entry().version()).isEqualTo(3);
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.secrets()).extracting(s -> s.id()).containsExactly("custom");
        assertThat(fields(generic)).containsExactly("format");
        assertThat(generic.errors().getFirst().message()).startsWith("secret custom is not usable for GENERIC");
    }

    @Test
    void apiKey_createdWithItsHashOnly_andAKeyCannotRevokeItself_revokingTwiceChangesNothing() {
        ConfigAdmin.NewApiKey created = admin.createApiKey(json("{\"name\": \" CRM \", \"scopes\": [\"CASES_READ\"], \"campaignIds\": [\"nps-br\"]}"));
        String id = created.entry().id();

        Problem self = problem(() -> admin.revokeApiKey(id, null, id));
        AdminEntry revoked = admin.revokeApiKey(id, 1L, "admin-key");
        AdminEntry again = admin.revokeApiKey(id, null, "admin-key");

        assertThat(ApiKeys.matches(created.key(), cache.current().apiKeys().get(id).secretHash())).isTrue();
        assertThat(created.entry().view().path("name").asText()).isEqualTo("CRM");
        assertThat(created.entry().view().toString()).doesNotContain(created.key()).doesNotContain("secretHash");
        assertThat(self.status()).isEqualTo(409);
        assertThat(revoked.version()).isEqualTo(2);
        assertThat(again.version()).isEqualTo(2);
        assertThat(cache.current().apiKeys().get(id).revoked()).isTrue();
    }

    @Test
    void apiKey_canOnlyBeCreatedByPost_andItsUpdateKeepsTheHash() {
        ConfigAdmin.NewApiKey created = admin.createApiKey(json("{\"name\": \"CRM\", \"scopes\": [\"CASES_READ\"]}"));
        String id = created.entry().id();

        Problem putNew = problem(() -> admin.put(AdminKind.API_KEYS, "newkey", json("{\"name\": \"X\", \"scopes\": [\"REPORTS\"]}"), null));
        admin.put(AdminKind.API_KEYS, id, json("{\"name\": \"CRM\", \"scopes\": [\"CASES_READ\", \"CASES_WRITE\"], \"secretHash\": \"00\"}"), 1L);

        assertThat(putNew.status()).isEqualTo(404);
        assertThat(putNew.detail()).contains("POST /admin/api-keys");
        assertThat(ApiKeys.matches(created.key(), cache.current().apiKeys().get(id).secretHash())).isTrue();
        assertThat(cache.current().apiKeys().get(id).scopes()).hasSize(2);
    }

    @Test
    void linkKeys_rotateThenRetire_theNewestActiveOneSigns() {
        AdminEntry first = admin.rotateLinkKey(NOW);
        AdminEntry second = admin.rotateLinkKey(NOW.plusSeconds(60));

        admin.retireLinkKey(second.id(), 1L);

        assertThat(cache.current().signingKey()).map(k -> k.kid()).contains(first.id());
        assertThat(admin.get(AdminKind.LINK_KEYS, first.id()).view().path("signing").asBoolean()).isTrue();
        assertThat(admin.get(AdminKind.LINK_KEYS, second.id()).view().path("retired").asBoolean()).isTrue();
        assertThat(problem(() -> admin.put(AdminKind.LINK_KEYS, first.id(), json("{}"), null)).status()).isEqualTo(405);
    }

    @Test
    void rules_versionGoesUpOnEveryChange_andErrorsNameTheField() {
        String rule = """
                {"campaignId": "nps-br", "name": "All", "priority": 1, "condition": {"type": "always"},
                 "outcome": {"openCase": false}}""";

        admin.put(AdminKind.RULES, "all", json(rule), null);
        ConfigAdmin.Written second = admin.put(AdminKind.RULES, "all", json(rule.replace("\"All\"", "\"Everything\"")), 1L);
        Problem invalid = problem(() -> admin.put(AdminKind.RULES, "other", json(rule.replace("nps-br", "nps-xx")), null));

        assertThat(second.entry().view().path("version").asInt()).isEqualTo(2);
        assertThat(cache.current().rule("all").orElseThrow().version()).isEqualTo(2);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(fields(invalid)).containsExactly("campaignId");
    }

    @Test
    void put_idThatIsNotUrlSafe_is422OnId_andNothingIsWritten() {
        int before = store.puts;

        Problem problem = problem(() -> admin.put(AdminKind.TEAMS, "night shift", json("{\"name\": \"Night\"}"), null));

        assertThat(fields(problem)).containsExactly("id");
        assertThat(store.puts).isEqualTo(before);
        assertThatThrownBy(() -> admin.get(AdminKind.TEAMS, "night shift")).isInstanceOf(ProblemException.class);
    }
}
