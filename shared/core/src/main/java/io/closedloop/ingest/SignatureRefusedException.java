package io.closedloop.ingest;

import io.closedloop.http.Problem;

/**
 * The delivery's signature could not be verified. {@link #reason()} is a short code safe to log and to return:
 * {@code no-secret}, {@code missing-id}, {@code malformed-id}, {@code missing-timestamp}, {@code malformed-timestamp},
 * {@code stale-timestamp}, {@code future-timestamp}, {@code missing-signature}, {@code malformed-signature},
 * {@code bad-signature}.
 */
public final class SignatureRefusedException extends WebhookException {

    private final String reason;

    public SignatureRefusedException(String reason) {
        super("webhook signature refused: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public Problem problem() {
        return Problem.of(401, "invalid-signature", "The webhook signature is not valid",
                "The delivery was refused (" + reason + "); see docs/webhook-formats.md for the signature scheme.");
    }
}
