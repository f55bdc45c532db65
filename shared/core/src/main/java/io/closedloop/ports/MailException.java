package io.closedloop.ports;

/**
 * The mail service did not accept a message. {@code reason} is a short code safe to put in an activity log
 * (e.g. "throttled", "unavailable", "rejected"), never the provider's error text.
 */
public final class MailException extends RuntimeException {

    private final String reason;

    public MailException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
