package io.closedloop.admin;

import io.closedloop.app.ApiKeys;
import io.closedloop.config.ApiKey;
import io.closedloop.config.Configuration;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer cl_<keyId>_<secret>}: the key id finds the stored key in the
 * configuration, the whole key is compared with its stored hash in constant time, and revoked keys are refused. The
 * outcome never says which of these failed, and the presented key is never logged or echoed.
 */
public final class ApiKeyAuthenticator {

    /** Compared against when the key id is unknown, so an unknown id costs the same as a wrong secret. */
    private static final String NO_KEY_HASH = ApiKeys.hash("cl_000000000000_no-such-key");

    /** Why a request was not authenticated. */
    public enum Refusal {
        /** No Authorization header, or not a Bearer one. */
        MISSING,
        /** A Bearer token that is not a valid, active key. */
        INVALID
    }

    /** Either the caller or the refusal. */
    public record Authentication(ApiCaller caller, Refusal refusal) {

        public Optional<ApiCaller> authenticated() {
            return Optional.ofNullable(caller);
        }
    }

    private ApiKeyAuthenticator() {}

    public static Authentication authenticate(String authorization, Configuration config) {
        if (authorization == null || authorization.length() < 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return new Authentication(null, Refusal.MISSING);
        }
        String presented = authorization.substring(7).strip();
        Optional<String> keyId = ApiKeys.keyId(presented);
        ApiKey key = keyId.map(id -> config.apiKeys().get(id)).orElse(null);
        boolean matches = ApiKeys.matches(presented, key == null || key.secretHash() == null ? NO_KEY_HASH : key.secretHash());
        if (key == null || !matches || key.revoked()) {
            return new Authentication(null, Refusal.INVALID);
        }
        return new Authentication(new ApiCaller(key), null);
    }
}
