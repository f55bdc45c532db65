package io.closedloop.customer;

import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.domain.Category;
import io.closedloop.domain.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The acknowledgement (docs/customer-loop.md): when the campaign asks for one for the response's NPS category, the
 * case opens with one pending {@link AlertKind#ACKNOWLEDGEMENT} alert to the customer, due after the campaign's delay,
 * so the due index and the scheduled check send it then (the case id derives from the response: a duplicate delivery
 * finds the same case and adds nothing). A responder who writes to the customer first replaces it.
 */
public final class Acknowledgements {

    /** The reason of the one acknowledgement a case can have. */
    public static final String REASON = "response";
    public static final String KEY = Alert.keyOf(AlertKind.ACKNOWLEDGEMENT, REASON, CheckIns.CUSTOMER);

    private Acknowledgements() {}

    /** The case being opened, with its acknowledgement queued when the campaign asks for one. */
    public static Case atOpening(Case opening, Configuration config, Instant now) {
        Optional<Duration> delay = delay(opening.response(), config);
        if (delay.isEmpty() || opening.alerts().containsKey(KEY)) {
            return opening;
        }
        return opening.toBuilder().alert(Alert.pending(AlertKind.ACKNOWLEDGEMENT, REASON, CheckIns.CUSTOMER, now.plus(delay.get()))).build();
    }

    /** After how long this response is acknowledged; empty when its campaign does not, or it has no address or score. */
    public static Optional<Duration> delay(Response response, Configuration config) {
        if (response.score() == null || response.respondent().email() == null || response.respondent().email().isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(config.campaigns().get(response.campaignId())).map(Campaign::acknowledgement)
                .flatMap(ack -> ack.delay(Category.of(response.score())));
    }

    /** Whether the acknowledgement is still waiting (not sent, not being sent), so that a message can replace it. */
    public static boolean waiting(Case c) {
        Alert alert = c.alerts().get(KEY);
        return alert != null && alert.state() == io.closedloop.cases.AlertState.PENDING;
    }
}
