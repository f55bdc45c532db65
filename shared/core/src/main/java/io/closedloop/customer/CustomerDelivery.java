package io.closedloop.customer;

import io.closedloop.ports.Email;
import io.closedloop.ports.MailException;
import io.closedloop.ports.Mailer;
import io.closedloop.ports.Suppressions;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** One try at an email to a customer: never to a missing, opted-out, bounced or complaining address. */
public final class CustomerDelivery {

    /** @param failure null when sent; {@code permanent} when trying again cannot help */
    public record Attempt(boolean sent, String failure, boolean permanent) {}

    private CustomerDelivery() {}

    public static Attempt attempt(String address, Suppressions suppressions, Mailer mailer, Supplier<Email> email) {
        if (address == null || address.isBlank()) {
            return new Attempt(false, "no-customer-address", true);
        }
        Optional<Suppressions.Suppression> suppressed = suppressions.find(Addresses.hash(address));
        if (suppressed.isPresent()) {
            return new Attempt(false, "suppressed-" + suppressed.get().reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), true);
        }
        try {
            mailer.send(email.get());
            return new Attempt(true, null, false);
        } catch (MailException e) {
            return new Attempt(false, e.reason(), false);
        } catch (IllegalArgumentException unsendable) {
            // e.g. an address with a line break: retrying would not help
            return new Attempt(false, "invalid-address", true);
        }
    }
}
