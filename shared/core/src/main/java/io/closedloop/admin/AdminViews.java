package io.closedloop.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.json.Json;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the admin API shows configuration entries. Write-only material never appears: a source's secrets are shown
 * as id, creation time and fingerprint; an API key without its hash; a link key without its bytes. Every view
 * carries {@code version}, the value of its ETag.
 */
public final class AdminViews {

    private AdminViews() {}

    public static ObjectNode view(Object value, long version) {
        return switch (value) {
            case Source source -> source(source, version);
            case Rule rule -> rule(rule);
            case ActionPlan plan -> Json.MAPPER.valueToTree(plan);
            case ApiKey key -> apiKey(key, version);
            case LinkKey key -> linkKey(key, false, version);
            default -> {
                ObjectNode view = Json.MAPPER.valueToTree(value);
                view.put("version", version);
                yield view;
            }
        };
    }

    private static ObjectNode source(Source source, long version) {
        ObjectNode view = Json.MAPPER.valueToTree(source);
        ArrayNode secrets = view.putArray("secrets");
        for (Secret secret : source.secrets()) {
            secrets.add(secret(secret));
        }
        view.put("version", version);
        return view;
    }

    /** A secret as the API shows it: never its value. */
    public static ObjectNode secret(Secret secret) {
        ObjectNode view = Json.object();
        view.put("id", secret.id());
        if (secret.createdAt() != null) {
            view.put("createdAt", secret.createdAt().toString());
        }
        view.put("fingerprint", fingerprint(secret.value()));
        return view;
    }

    /**
     * The first 8 hex digits of the secret's SHA-256: enough to tell two secrets apart when comparing with the
     * sender's configuration, far too little to recover a secret.
     */
    public static String fingerprint(String secretValue) {
        if (secretValue == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secretValue.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode rule(Rule rule) {
        return RuleJson.toJson(rule);
    }

    private static ObjectNode apiKey(ApiKey key, long version) {
        ObjectNode view = Json.object();
        view.put("id", key.id());
        view.put("name", key.name());
        ArrayNode scopes = view.putArray("scopes");
        key.scopes().stream().sorted().map(ApiScope::name).forEach(scopes::add);
        ArrayNode campaigns = view.putArray("campaignIds");
        key.campaignIds().stream().sorted().forEach(campaigns::add);
        view.put("revoked", key.revoked());
        view.put("version", version);
        return view;
    }

    /** A link key without its secret bytes; {@code signing} says whether it signs new links now. */
    public static ObjectNode linkKey(LinkKey key, boolean signing, long version) {
        ObjectNode view = Json.object();
        view.put("id", key.kid());
        if (key.createdAt() != null) {
            view.put("createdAt", key.createdAt().toString());
        }
        view.put("retired", key.retired());
        view.put("signing", signing);
        view.put("version", version);
        return view;
    }
}
