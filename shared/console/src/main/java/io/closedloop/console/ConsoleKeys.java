package io.closedloop.console;

import io.closedloop.admin.AdminEntry;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.config.ApiScope;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * API keys and link-signing keys as the console's keys page manages them, through {@link ConfigAdmin}: a new API key is
 * shown once (only its hash is stored) and can be revoked; a link key is rotated in (it signs new links, older ones
 * keep verifying) and retired once it no longer signs. Only an admin reaches any of it.
 */
public final class ConsoleKeys {

    /** An API key as listed: never its secret. */
    public record ApiKeyRow(String id, String name, Set<ApiScope> scopes, Set<String> campaignIds, boolean revoked, long version) {}

    /** A link key as listed: never its secret; {@code signing} whether new links and sessions use it. */
    public record LinkKeyRow(String id, Instant createdAt, boolean signing, boolean retired, long version) {}

    /** What became of a request for a new API key. */
    public sealed interface Created {
        /** @param key the whole key, to show this once */
        record Done(ApiKeyRow row, String key) implements Created {}

        record Refused(List<FieldError> errors) implements Created {}
    }

    /** What became of a revocation or a retirement. */
    public enum Changed {
        DONE,
        /** The key changed or went away since the page was shown. */
        CONFLICT,
        /** A link key that still signs new links and sessions: rotate first. */
        STILL_SIGNING
    }

    private final ConfigAdmin admin;

    public ConsoleKeys(ConfigAdmin admin) {
        this.admin = admin;
    }

    public List<ApiKeyRow> apiKeys(Access access) {
        ConfigEntries.requireAdmin(access);
        return admin.list(AdminKind.API_KEYS).stream().map(ConsoleKeys::apiKeyRow).sorted(Comparator.comparing(ApiKeyRow::name)).toList();
    }

    /** Newest first. */
    public List<LinkKeyRow> linkKeys(Access access) {
        ConfigEntries.requireAdmin(access);
        return admin.list(AdminKind.LINK_KEYS).stream().map(ConsoleKeys::linkKeyRow)
                .sorted(Comparator.comparing(LinkKeyRow::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }

    public Created createApiKey(Access access, String name, Set<ApiScope> scopes, Set<String> campaignIds) {
        ConfigEntries.requireAdmin(access);
        var body = Json.object();
        body.put("name", name);
        var scopeNames = body.putArray("scopes");
        scopes.stream().sorted().forEach(s -> scopeNames.add(s.name()));
        var campaigns = body.putArray("campaignIds");
        campaignIds.stream().sorted().forEach(campaigns::add);
        try {
            ConfigAdmin.NewApiKey created = admin.createApiKey(body);
            return new Created.Done(apiKeyRow(created.entry()), created.key());
        } catch (ProblemException refused) {
            return new Created.Refused(refused.problem().errors().isEmpty() ? List.of(new FieldError("", refused.problem().detail()))
                    : refused.problem().errors());
        }
    }

    public Changed revokeApiKey(Access access, String id, long expectedVersion) {
        ConfigEntries.requireAdmin(access);
        try {
            admin.revokeApiKey(id, expectedVersion, null);
            return Changed.DONE;
        } catch (ProblemException conflict) {
            return Changed.CONFLICT;
        }
    }

    public LinkKeyRow rotateLinkKey(Access access, Instant now) {
        ConfigEntries.requireAdmin(access);
        return linkKeyRow(admin.rotateLinkKey(now));
    }

    /** Refused while the key signs: the admin's own session and every link sent since it signs would stop at once. */
    public Changed retireLinkKey(Access access, String kid, long expectedVersion) {
        ConfigEntries.requireAdmin(access);
        try {
            if (linkKeyRow(admin.get(AdminKind.LINK_KEYS, kid)).signing()) {
                return Changed.STILL_SIGNING;
            }
            admin.retireLinkKey(kid, expectedVersion);
            return Changed.DONE;
        } catch (ProblemException conflict) {
            return Changed.CONFLICT;
        }
    }

    private static ApiKeyRow apiKeyRow(AdminEntry entry) {
        var view = entry.view();
        Set<ApiScope> scopes = new java.util.TreeSet<>();
        view.path("scopes").forEach(s -> scopes.add(ApiScope.valueOf(s.asText())));
        Set<String> campaigns = new java.util.TreeSet<>();
        view.path("campaignIds").forEach(c -> campaigns.add(c.asText()));
        return new ApiKeyRow(entry.id(), view.path("name").asText(), scopes, campaigns, view.path("revoked").asBoolean(), entry.version());
    }

    private static LinkKeyRow linkKeyRow(AdminEntry entry) {
        var view = entry.view();
        Instant created = view.hasNonNull("createdAt") ? Instant.parse(view.get("createdAt").asText()) : null;
        return new LinkKeyRow(entry.id(), created, view.path("signing").asBoolean(), view.path("retired").asBoolean(), entry.version());
    }
}
