package io.closedloop.config;

/** The payload and signature scheme a source speaks. */
public enum WebhookFormat {
    GENERIC(false),
    FORMBRICKS(true),
    TYPEFORM(false),
    DELIGHTED(true),
    SURVICATE(true);

    private final boolean secretIssuedByProvider;

    WebhookFormat(boolean secretIssuedByProvider) {
        this.secretIssuedByProvider = secretIssuedByProvider;
    }

    /**
     * Whether the survey tool issues the signing secret (Formbricks' webhook secret, Delighted's API key, Survicate's
     * signing secret), so it is pasted into the source; otherwise the source makes one and the sender is given it.
     */
    public boolean secretIssuedByProvider() {
        return secretIssuedByProvider;
    }
}
