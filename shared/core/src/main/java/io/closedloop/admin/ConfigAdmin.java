package io.closedloop.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.ApiKeys;
import io.closedloop.app.LinkKeys;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Campaign;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.config.RootCause;
import io.closedloop.config.Secret;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.ingest.SignatureVerifier;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ConflictException;
import io.closedloop.ports.PlanUsage;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleJson;
import io.closedloop.rules.RuleRead;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The admin configuration use cases: list, read, create, replace and delete every kind of entry, with validation
 * that names the bad field, optimistic locking on the entry's version, and the cache dropped after every write.
 *
 * <p>Locking: a write without an expected version creates the entry and fails with 409 if it exists; a write with
 * one replaces the entry only if it is still at that version (409 otherwise). Reads and checks use the stored
 * configuration (one query), never the cached copy, so a write is checked against what is really there.
 *
 * <p>Action plans are versioned: every replacement stores a new version next to the old ones (cases keep the
 * version they started with); the ETag of a plan is its newest version.
 */
public final class ConfigAdmin {

    /** At most this many webhook secrets per source: rotation needs two. */
    public static final int MAX_SECRETS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The result of a create or replace. */
    public record Written(AdminEntry entry, boolean created) {}

    /** A secret just added; {@code view} carries the value only when the server generated it (shown this once). */
    public record SecretAdded(AdminEntry source, ObjectNode view) {}

    /** A key just created: {@code key} is the full key, shown this once and never stored. */
    public record NewApiKey(AdminEntry entry, String key) {}

    /** What an admin sends to create or change an API key. */
    public record ApiKeyInput(String name, Set<ApiScope> scopes, Set<String> campaignIds) {}

    /** What keeps an entry from being deleted: entries that refer to it, and for a plan the open cases following it. */
    public record InUse(List<References.Referrer> referrers, long openCases) {
        public InUse {
            referrers = List.copyOf(referrers);
        }

        public boolean any() {
            return !referrers.isEmpty() || openCases > 0;
        }
    }

    /** Open cases are counted up to this many; a delete message says "more than" beyond it. */
    public static final int OPEN_CASES_COUNTED = 100;

    private final ConfigStore store;
    private final ConfigCache cache;
    private final PlanUsage planUsage;

    public ConfigAdmin(ConfigStore store, ConfigCache cache, PlanUsage planUsage) {
        this.store = store;
        this.cache = cache;
        this.planUsage = planUsage;
    }

    /** Every entry of a kind, by id; action plans at their newest version. */
    public List<AdminEntry> list(AdminKind kind) {
        State state = load();
        if (kind == AdminKind.ACTION_PLANS) {
            return state.config().actionPlans().stream().map(ActionPlan::id).distinct().sorted()
                    .map(id -> planEntry(state.config().currentPlan(id).orElseThrow()))
                    .toList();
        }
        return state.entries().stream()
                .filter(e -> e.kind() == kind.configKind())
                .sorted(Comparator.comparing(ConfigEntry::id))
                .map(e -> entryOf(kind, e, state.config()))
                .toList();
    }

    public AdminEntry get(AdminKind kind, String id) {
        return find(load(), kind, id).orElseThrow(() -> AdminProblems.notFound(kind, id));
    }

    /** Every stored version of an action plan, oldest first. */
    public List<AdminEntry> planVersions(String planId) {
        List<AdminEntry> versions = load().config().actionPlans().stream()
                .filter(p -> p.id().equals(planId))
                .sorted(Comparator.comparingInt(ActionPlan::version))
                .map(ConfigAdmin::planEntry)
                .toList();
        if (versions.isEmpty()) {
            throw AdminProblems.notFound(AdminKind.ACTION_PLANS, planId);
        }
        return versions;
    }

    public AdminEntry planVersion(String planId, int version) {
        return load().config().actionPlan(planId, version).map(ConfigAdmin::planEntry)
                .orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "Not found",
                        "There is no version " + version + " of action plan " + FieldChecks.shown(planId) + ".")));
    }

    /**
     * Creates ({@code expectedVersion} null) or replaces ({@code expectedVersion} = the version read) one entry from
     * its JSON. Read-only fields in the body ({@code version}; a source's {@code secrets}) are ignored.
     */
    public Written put(AdminKind kind, String id, JsonNode body, Long expectedVersion) {
        if (!kind.writableByPut()) {
            throw new ProblemException(Problem.of(405, "method-not-allowed", "Method not allowed",
                    "Link keys are created with POST /admin/link-keys/rotate and retired with POST /admin/link-keys/{id}/retire."));
        }
        requireId(id);
        State state = load();
        Optional<AdminEntry> existing = find(state, kind, id);
        if (kind == AdminKind.API_KEYS && existing.isEmpty()) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "There is no API key " + FieldChecks.shown(id) + ": create API keys with POST /admin/api-keys."));
        }
        checkVersion(kind, id, existing, expectedVersion);
        ObjectNode json = input(body, id);
        long nextVersion = existing.map(e -> e.version() + 1).orElse(1L);
        Configuration config = state.config();
        Object value = bind(kind, json, id, nextVersion, config, config);
        // A plan's new version is a new entry beside the old ones; other kinds replace their one entry
        long entryVersion = kind == AdminKind.ACTION_PLANS ? 1 : nextVersion;
        write(kind, id, value, entryVersion);
        return new Written(entryOf(kind, value, nextVersion, config), existing.isEmpty());
    }

    /** What keeps the entry from being deleted now (nothing when it does not exist). */
    public InUse uses(AdminKind kind, String id) {
        return uses(load(), kind, id);
    }

    private InUse uses(State state, AdminKind kind, String id) {
        long openCases = kind == AdminKind.ACTION_PLANS ? planUsage.openCases(id, OPEN_CASES_COUNTED + 1) : 0;
        return new InUse(References.to(kind, id, state.config()), openCases);
    }

    /**
     * Deletes an entry (every version of an action plan), refused with 409 while another entry refers to it or, for an
     * action plan, while open cases follow it.
     *
     * @param callerKeyId the API key making the request: it may not delete itself
     */
    public void delete(AdminKind kind, String id, Long expectedVersion, String callerKeyId) {
        State state = load();
        AdminEntry existing = find(state, kind, id).orElseThrow(() -> AdminProblems.notFound(kind, id));
        checkVersion(kind, id, existing.version(), expectedVersion);
        if (kind == AdminKind.API_KEYS && id.equals(callerKeyId)) {
            throw selfLockout();
        }
        if (kind == AdminKind.LINK_KEYS && !existing.view().path("retired").asBoolean()) {
            throw AdminProblems.refused("link-key-active", "Link key still active",
                    "Link key " + id + " still verifies links: retire it first (POST /admin/link-keys/" + id + "/retire).");
        }
        InUse uses = uses(state, kind, id);
        if (!uses.referrers().isEmpty()) {
            throw AdminProblems.referenced(kind, id, uses.referrers().stream().map(References.Referrer::toString).toList());
        }
        if (uses.openCases() > 0) {
            throw AdminProblems.refused("in-use", "Used by open cases", "Action plan " + id + " is followed by "
                    + (uses.openCases() > OPEN_CASES_COUNTED ? "more than " + OPEN_CASES_COUNTED : String.valueOf(uses.openCases()))
                    + " open case(s): it can be deleted once they are closed. A new version of the plan leaves them on theirs.");
        }
        if (kind == AdminKind.ACTION_PLANS) {
            state.config().actionPlans().stream().filter(p -> p.id().equals(id))
                    .forEach(p -> store.delete(ConfigKind.PLAN, ConfigurationAssembler.storageId(p)));
        } else {
            store.delete(kind.configKind(), id);
        }
        cache.invalidate();
    }

    /**
     * Adds a webhook secret to a source, for rotation without downtime: add the new secret, switch the sender, then
     * remove the old one. Without a {@code value} in the body a secret in the format's own form is generated and
     * returned this once.
     */
    public SecretAdded addSecret(String sourceId, JsonNode body, Long expectedVersion, Instant now) {
        State state = load();
        ConfigEntry entry = state.entry(ConfigKind.SOURCE, sourceId).orElseThrow(() -> AdminProblems.notFound(AdminKind.SOURCES, sourceId));
        checkVersion(AdminKind.SOURCES, sourceId, entry.version(), expectedVersion);
        Source source = state.config().sources().get(sourceId);
        ObjectNode json = body instanceof ObjectNode object ? object : Json.object();
        FieldChecks check = new FieldChecks();
        String requestedId = text(json, "id", check);
        String value = text(json, "value", check);
        String secretId = requestedId == null ? "s" + HexFormat.of().formatHex(randomBytes(4)) : requestedId;
        if (requestedId != null && check.id("id", requestedId) && source.secrets().stream().anyMatch(s -> s.id().equals(requestedId))) {
            check.error("id", "source " + sourceId + " already has a secret " + requestedId);
        }
        boolean generated = value == null;
        if (generated) {
            value = WebhookSigner.newSecret(source.format(), RANDOM);
        } else if (!SignatureVerifier.acceptsSecret(source.format(), value)) {
            check.error("value", "is not usable for " + source.format() + secretHint(source));
        }
        if (source.secrets().size() >= MAX_SECRETS) {
            check.error("secrets", "source " + sourceId + " already holds " + MAX_SECRETS + " secrets: remove an old one first");
        }
        if (!check.ok()) {
            throw new ProblemException(Problem.invalid("The secret is not valid.", check.errors()));
        }
        Secret secret = new Secret(secretId, value, now);
        List<Secret> secrets = new ArrayList<>(source.secrets());
        secrets.add(secret);
        Source updated = withSecrets(source, secrets);
        write(AdminKind.SOURCES, sourceId, updated, entry.version() + 1);
        ObjectNode view = AdminViews.secret(secret);
        if (generated) {
            view.put("value", value);
        }
        long version = entry.version() + 1;
        return new SecretAdded(new AdminEntry(AdminKind.SOURCES, sourceId, version, AdminViews.view(updated, version)), view);
    }

    /** Removes a webhook secret; the last one is kept, since a source without a secret refuses every delivery. */
    public AdminEntry removeSecret(String sourceId, String secretId, Long expectedVersion) {
        State state = load();
        ConfigEntry entry = state.entry(ConfigKind.SOURCE, sourceId).orElseThrow(() -> AdminProblems.notFound(AdminKind.SOURCES, sourceId));
        checkVersion(AdminKind.SOURCES, sourceId, entry.version(), expectedVersion);
        Source source = state.config().sources().get(sourceId);
        List<Secret> kept = source.secrets().stream().filter(s -> !s.id().equals(secretId)).toList();
        if (kept.size() == source.secrets().size()) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "Source " + sourceId + " has no secret " + FieldChecks.shown(secretId) + "."));
        }
        if (kept.isEmpty()) {
            throw AdminProblems.refused("last-secret", "Last secret",
                    "Secret " + secretId + " is the last secret of source " + sourceId
                            + ": a source without a secret refuses every delivery. Add the new secret first.");
        }
        Source updated = withSecrets(source, kept);
        write(AdminKind.SOURCES, sourceId, updated, entry.version() + 1);
        return new AdminEntry(AdminKind.SOURCES, sourceId, entry.version() + 1, AdminViews.view(updated, entry.version() + 1));
    }

    /** Creates an API key; the full key is in the result and nowhere else (only its hash is stored). */
    public NewApiKey createApiKey(JsonNode body) {
        ObjectNode json = body instanceof ObjectNode object ? object.deepCopy() : Json.object();
        json.remove(List.of("id", "version", "revoked", "key", "secretHash"));
        AdminJson.Bound<ApiKeyInput> bound = AdminJson.bind(json, ApiKeyInput.class);
        if (!bound.ok()) {
            throw AdminProblems.invalid(AdminKind.API_KEYS, bound.errors());
        }
        ApiKeyInput input = bound.value();
        List<FieldError> errors = ConfigValidator.apiKey(input.name(), input.scopes(), input.campaignIds(), load().config());
        if (!errors.isEmpty()) {
            throw AdminProblems.invalid(AdminKind.API_KEYS, errors);
        }
        ApiKeys.NewKey generated = ApiKeys.generate();
        ApiKey key = new ApiKey(generated.keyId(), input.name().strip(), generated.hash(), input.scopes(), input.campaignIds(), false);
        write(AdminKind.API_KEYS, key.id(), key, 1);
        return new NewApiKey(new AdminEntry(AdminKind.API_KEYS, key.id(), 1, AdminViews.view(key, 1)), generated.key());
    }

    /** Revokes an API key: it stops authenticating (everywhere within the configuration cache's time to live). */
    public AdminEntry revokeApiKey(String id, Long expectedVersion, String callerKeyId) {
        State state = load();
        ConfigEntry entry = state.entry(ConfigKind.API_KEY, id).orElseThrow(() -> AdminProblems.notFound(AdminKind.API_KEYS, id));
        checkVersion(AdminKind.API_KEYS, id, entry.version(), expectedVersion);
        if (id.equals(callerKeyId)) {
            throw selfLockout();
        }
        ApiKey key = state.config().apiKeys().get(id);
        if (key.revoked()) {
            return new AdminEntry(AdminKind.API_KEYS, id, entry.version(), AdminViews.view(key, entry.version()));
        }
        ApiKey revoked = new ApiKey(key.id(), key.name(), key.secretHash(), key.scopes(), key.campaignIds(), true);
        write(AdminKind.API_KEYS, id, revoked, entry.version() + 1);
        return new AdminEntry(AdminKind.API_KEYS, id, entry.version() + 1, AdminViews.view(revoked, entry.version() + 1));
    }

    /** Adds a new link-signing key: it signs new links at once; older keys keep verifying until retired. */
    public AdminEntry rotateLinkKey(Instant now) {
        LinkKey key = new LinkKeys(cache, store).create(now);
        return new AdminEntry(AdminKind.LINK_KEYS, key.kid(), 1, AdminViews.linkKey(key, true, 1));
    }

    /** Retires a link key: links and sessions it signed stop working. Retiring a retired key changes nothing. */
    public AdminEntry retireLinkKey(String kid, Long expectedVersion) {
        State state = load();
        ConfigEntry entry = state.entry(ConfigKind.LINK_KEY, kid).orElseThrow(() -> AdminProblems.notFound(AdminKind.LINK_KEYS, kid));
        checkVersion(AdminKind.LINK_KEYS, kid, entry.version(), expectedVersion);
        LinkKey key = state.config().linkKeys().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
        if (key.retired()) {
            return entryOf(AdminKind.LINK_KEYS, entry, state.config());
        }
        LinkKey retired = new LinkKey(key.kid(), key.secret(), key.createdAt(), true);
        write(AdminKind.LINK_KEYS, kid, retired, entry.version() + 1);
        return new AdminEntry(AdminKind.LINK_KEYS, kid, entry.version() + 1, AdminViews.linkKey(retired, false, entry.version() + 1));
    }

    // --- reading and writing ---------------------------------------------------------------------------------

    private record State(List<ConfigEntry> entries, Configuration config) {

        Optional<ConfigEntry> entry(ConfigKind kind, String storageId) {
            return entries.stream().filter(e -> e.kind() == kind && e.id().equals(storageId)).findFirst();
        }
    }

    private State load() {
        List<ConfigEntry> entries = store.loadAll();
        return new State(entries, ConfigurationAssembler.assemble(entries));
    }

    private static Optional<AdminEntry> find(State state, AdminKind kind, String id) {
        if (kind == AdminKind.ACTION_PLANS) {
            return state.config().currentPlan(id).map(ConfigAdmin::planEntry);
        }
        return state.entry(kind.configKind(), id).map(e -> entryOf(kind, e, state.config()));
    }

    private static AdminEntry planEntry(ActionPlan plan) {
        return new AdminEntry(AdminKind.ACTION_PLANS, plan.id(), plan.version(), AdminViews.view(plan, plan.version()));
    }

    private static AdminEntry entryOf(AdminKind kind, ConfigEntry entry, Configuration config) {
        return entryOf(kind, Json.read(entry.json(), kind.configKind().type()), entry.version(), config);
    }

    private static AdminEntry entryOf(AdminKind kind, Object value, long version, Configuration config) {
        if (value instanceof LinkKey key) {
            boolean signing = config.signingKey().map(k -> k.kid().equals(key.kid())).orElse(false);
            return new AdminEntry(kind, key.kid(), version, AdminViews.linkKey(key, signing, version));
        }
        if (value instanceof ActionPlan plan) {
            return planEntry(plan);
        }
        return new AdminEntry(kind, ConfigurationAssembler.storageId(value), version, AdminViews.view(value, version));
    }

    private void write(AdminKind kind, String id, Object value, long entryVersion) {
        try {
            store.put(new ConfigEntry(kind.configKind(), ConfigurationAssembler.storageId(value), entryVersion, Json.string(value)));
        } catch (ConflictException lost) {
            throw AdminProblems.lostRace(kind, id);
        } finally {
            cache.invalidate();
        }
    }

    private static void checkVersion(AdminKind kind, String id, Optional<AdminEntry> existing, Long expectedVersion) {
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                throw AdminProblems.notFound(kind, id);
            }
            return;
        }
        long current = existing.get().version();
        if (expectedVersion == null) {
            throw AdminProblems.exists(kind, id, current);
        }
        checkVersion(kind, id, current, expectedVersion);
    }

    /** For changes to an existing entry, where an expected version is optional. */
    private static void checkVersion(AdminKind kind, String id, long current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current) {
            throw AdminProblems.stale(kind, id, current, expectedVersion);
        }
    }

    private static void requireId(String id) {
        if (!FieldChecks.isId(id)) {
            throw new ProblemException(Problem.field(422, "id",
                    "must be 1–" + FieldChecks.MAX_ID_LENGTH + " characters of letters, digits, '.', '_' or '-'"));
        }
    }

    /** The body as the entry to bind: the id from the path, read-only fields dropped. */
    static ObjectNode input(JsonNode body, String id) {
        if (!(body instanceof ObjectNode object)) {
            throw new ProblemException(Problem.field(422, "", "must be a JSON object"));
        }
        JsonNode bodyId = object.get("id");
        if (bodyId != null && !bodyId.isNull() && !bodyId.asText().equals(id)) {
            throw new ProblemException(Problem.field(422, "id", "must match the id in the path (" + id + ")"));
        }
        ObjectNode json = object.deepCopy();
        json.put("id", id);
        json.remove("version");
        return json;
    }

    /** @param validator null to bind without checking references (see {@link #bind}) */
    private static <T> T checked(AdminKind kind, ObjectNode json, Class<T> type, Function<T, List<FieldError>> validator) {
        AdminJson.Bound<T> bound = AdminJson.bind(json, type);
        if (!bound.ok()) {
            throw AdminProblems.invalid(kind, bound.errors());
        }
        List<FieldError> errors = validator == null ? List.of() : validator.apply(bound.value());
        if (!errors.isEmpty()) {
            throw AdminProblems.invalid(kind, errors);
        }
        return bound.value();
    }

    private static Source source(ObjectNode json, String id, Configuration current, Configuration checkedAgainst) {
        json.remove("secrets");
        if (!json.has("enabled")) {
            json.put("enabled", true);
        }
        Source bound = checked(AdminKind.SOURCES, json, Source.class, s -> List.of());
        Source existing = current.sources().get(id);
        Source source = withSecrets(bound, existing == null ? List.of() : existing.secrets());
        List<FieldError> errors = checkedAgainst == null ? List.of() : ConfigValidator.source(source, checkedAgainst);
        if (!errors.isEmpty()) {
            throw AdminProblems.invalid(AdminKind.SOURCES, errors);
        }
        return source;
    }

    /**
     * The entry a body binds to, checked as a PUT checks it.
     *
     * @param json the body with its id (see {@link #input}); changed in place
     * @param current the configuration as stored: a source keeps its secrets, a rule counts its version from it
     * @param checkedAgainst the configuration references must resolve in; null to bind without checking them (an
     *     import's first pass, before the configuration it makes exists)
     * @throws ProblemException the entry's problem, each field named
     */
    static Object bind(AdminKind kind, ObjectNode json, String id, long nextVersion, Configuration current, Configuration checkedAgainst) {
        Configuration c = checkedAgainst;
        return switch (kind) {
            case SOURCES -> source(json, id, current, c);
            case CAMPAIGNS -> checked(kind, json, Campaign.class, c == null ? null : campaign -> ConfigValidator.campaign(campaign, c));
            case RULES -> rule(json, id, current, c);
            case RESPONDERS -> checked(kind, json, Responder.class, c == null ? null : r -> ConfigValidator.responder(r, c));
            case TEAMS -> checked(kind, json, Team.class, c == null ? null : t -> ConfigValidator.team(t, c));
            case ACTION_PLANS -> {
                json.put("version", nextVersion);
                yield checked(kind, json, ActionPlan.class, ConfigValidator::actionPlan);
            }
            case SLA_POLICIES -> checked(kind, json, SlaPolicy.class, c == null ? null : p -> ConfigValidator.slaPolicy(p, c));
            case CALENDARS -> checked(kind, json, BusinessCalendar.class, ConfigValidator::calendar);
            case ROOT_CAUSES -> checked(kind, json, RootCause.class, c == null ? null : r -> ConfigValidator.rootCause(r, c));
            case API_KEYS -> apiKeyUpdate(json, current.apiKeys().get(id), current);
            case LINK_KEYS -> throw new IllegalStateException("link keys are not written by PUT");
        };
    }

    private static Rule rule(ObjectNode json, String id, Configuration current, Configuration checkedAgainst) {
        int version = current.rule(id).map(r -> r.version() + 1).orElse(1);
        json.put("version", version);
        RuleRead read = RuleJson.readRule(json, checkedAgainst == null ? current : checkedAgainst);
        if (checkedAgainst == null && read.rule() != null) {
            return read.rule();
        }
        List<FieldError> errors = new ArrayList<>(read.errors());
        if (!errors.isEmpty() || read.rule() == null) {
            throw AdminProblems.invalid(AdminKind.RULES, errors.isEmpty() ? List.of(new FieldError("", "is not a valid rule")) : errors);
        }
        return read.rule();
    }

    private static ApiKey apiKeyUpdate(ObjectNode json, ApiKey existing, Configuration config) {
        json.remove(List.of("id", "revoked", "key", "secretHash"));
        AdminJson.Bound<ApiKeyInput> bound = AdminJson.bind(json, ApiKeyInput.class);
        if (!bound.ok()) {
            throw AdminProblems.invalid(AdminKind.API_KEYS, bound.errors());
        }
        ApiKeyInput input = bound.value();
        List<FieldError> errors = ConfigValidator.apiKey(input.name(), input.scopes(), input.campaignIds(), config);
        if (!errors.isEmpty()) {
            throw AdminProblems.invalid(AdminKind.API_KEYS, errors);
        }
        return new ApiKey(existing.id(), input.name().strip(), existing.secretHash(), input.scopes(), input.campaignIds(), existing.revoked());
    }

    private static Source withSecrets(Source s, List<Secret> secrets) {
        return new Source(s.id(), s.campaignId(), s.format(), secrets, s.scoreQuestion(), s.scoreType(), s.commentQuestion(), s.mapping(),
                s.enabled());
    }

    private static String secretHint(Source source) {
        return switch (source.format()) {
            case GENERIC, FORMBRICKS -> ": use whsec_ followed by base64 (e.g. as generated when value is left out)";
            case TYPEFORM, DELIGHTED, SURVICATE -> ": use the secret the provider shows";
        };
    }

    private static String text(ObjectNode json, String field, FieldChecks check) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            check.error(field, "must be a non-blank string");
            return null;
        }
        return node.asText();
    }

    private static ProblemException selfLockout() {
        return AdminProblems.refused("own-key", "Cannot revoke the key in use",
                "This request is authenticated with that key: revoke or delete it with another admin key, so nobody is locked out.");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
