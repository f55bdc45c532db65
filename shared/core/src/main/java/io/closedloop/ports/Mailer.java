package io.closedloop.ports;

/** Sends one email; throws {@link MailException} when it was not accepted (the caller keeps it pending). */
public interface Mailer {

    /** @return the provider's message id */
    String send(Email email);
}
