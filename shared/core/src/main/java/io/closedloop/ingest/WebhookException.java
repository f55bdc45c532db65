package io.closedloop.ingest;

import io.closedloop.http.Problem;

/**
 * Why a webhook delivery was not accepted. Carries no cause and no stack trace: it is expected on the hot path, and
 * nothing internal (secrets, computed MACs, parser messages) may travel with it.
 */
public abstract sealed class WebhookException extends RuntimeException
        permits SignatureRefusedException, InvalidPayloadException {

    WebhookException(String message) {
        super(message, null, false, false);
    }

    /** The RFC 9457 answer to send to the provider. */
    public abstract Problem problem();
}
