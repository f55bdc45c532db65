package io.closedloop.app;

import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.LinkKey;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.ConflictException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The keys that sign case links. A deployment needs no setup: the first function that must sign a link and finds no
 * key creates one (256 random bits) in the configuration. Rotation adds a newer key; older ones keep verifying
 * until retired.
 */
public final class LinkKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConfigCache config;
    private final ConfigStore store;

    public LinkKeys(ConfigCache config, ConfigStore store) {
        this.config = config;
        this.store = store;
    }

    public LinkKey signingKey(Instant now) {
        return config.current().signingKey().orElseGet(() -> {
            create(now);
            config.invalidate();
            return config.current().signingKey().orElseThrow(() -> new IllegalStateException("link key not readable after creation"));
        });
    }

    /** Adds a new signing key; links signed with older keys stay valid until those are retired. */
    public LinkKey create(Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        LinkKey key = new LinkKey("k" + HexFormat.of().formatHex(id), secret, now, false);
        try {
            store.put(new ConfigEntry(ConfigKind.LINK_KEY, key.kid(), 1, Json.string(key)));
        } catch (ConflictException sameIdAlreadyThere) {
            // 48 random bits collided: practically never; the caller reads whichever key is there
        }
        config.invalidate();
        return key;
    }
}
