package io.closedloop.customer;

import io.closedloop.app.AlertDispatcher;
import io.closedloop.app.LinkKeys;
import io.closedloop.config.Configuration;
import io.closedloop.domain.Response;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import io.closedloop.ports.AcknowledgementStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConflictException;
import io.closedloop.ports.Mailer;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.Suppressions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Acknowledges the responses that open no case (a promoter, a passive, a detractor no rule picks up) when the campaign
 * asks for it for their category: the processor queues one per response, ever (a conditional create keyed by the
 * response), and the scheduled check sends it once due, with the case alerts' claim, lease and retries. A response
 * that opens a case is acknowledged by its case ({@link Acknowledgements}) instead.
 */
public final class ResponseAcknowledgements {

    private final AcknowledgementStore store;
    private final ResponseStore responses;
    private final Suppressions suppressions;
    private final Mailer mailer;
    private final CustomerMail mail;
    private final ConfigCache config;
    private final LinkKeys keys;

    public ResponseAcknowledgements(AcknowledgementStore store, ResponseStore responses, Suppressions suppressions, Mailer mailer,
            CustomerMail mail, ConfigCache config, LinkKeys keys) {
        this.store = store;
        this.responses = responses;
        this.suppressions = suppressions;
        this.mailer = mailer;
        this.mail = mail;
        this.config = config;
        this.keys = keys;
    }

    /** Queues the acknowledgement of a response that opened no case, and sends it at once when its delay is zero. */
    public void queue(Response response, Configuration configuration, Instant now) {
        Optional<Duration> delay = Acknowledgements.delay(response, configuration);
        if (delay.isEmpty()) {
            return;
        }
        ResponseAcknowledgement pending = ResponseAcknowledgement.pending(response, now.plus(delay.get()));
        if (store.create(pending) && pending.alert().claimable(now)) {
            send(pending, now);
        }
    }

    /** Sends those due at {@code now}; returns how many were sent or given up on in this run. */
    public int sendDue(Instant now, int limit) {
        List<String> due = store.dueIds(now, limit);
        int done = 0;
        for (String id : due) {
            try {
                Optional<ResponseAcknowledgement> found = store.find(id);
                if (found.isPresent() && send(found.get(), now)) {
                    done++;
                }
            } catch (RuntimeException e) {
                Log.error("acknowledgement not sent; it will be retried", Map.of("acknowledgementId", id, "error", Failures.describe(e)));
            }
        }
        return done;
    }

    /** Claims, sends and records one; false when it was not due, or another sender holds it. */
    private boolean send(ResponseAcknowledgement acknowledgement, Instant now) {
        if (!acknowledgement.alert().claimable(now)) {
            return false;
        }
        ResponseAcknowledgement claimed = acknowledgement.claimed(now.plus(AlertDispatcher.LEASE));
        try {
            store.update(claimed);
        } catch (ConflictException lost) {
            return false;
        }
        Configuration configuration = config.current();
        Optional<Response> response = responses.get(claimed.campaignId(), claimed.submittedAt(), claimed.responseId());
        ResponseAcknowledgement outcome;
        String failure;
        if (response.isEmpty()) {
            failure = "response-gone";
            outcome = claimed.abandoned(failure, now);
        } else if (Acknowledgements.delay(response.get(), configuration).isEmpty()) {
            // the response changed category, or the campaign stopped acknowledging it, while this waited
            failure = "not-asked-any-more";
            outcome = claimed.abandoned(failure, now);
        } else {
            CustomerDelivery.Attempt attempt = CustomerDelivery.attempt(response.get().respondent().email(), suppressions, mailer,
                    () -> mail.acknowledgement(response.get(), claimed.id(), configuration, keys.signingKey(now), now));
            failure = attempt.failure();
            outcome = attempt.sent() ? claimed.sent(now)
                    : attempt.permanent() ? claimed.abandoned(attempt.failure(), now)
                    : claimed.retriedAt(now.plus(AlertDispatcher.backoff(claimed.alert().attempts())));
        }
        try {
            store.update(outcome);
        } catch (ConflictException lost) {
            // only a sender whose lease ran out loses here; the next one sends again, as for case alerts
            Log.warn("acknowledgement outcome not recorded", Map.of("acknowledgementId", claimed.id()));
            return false;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("acknowledgementId", claimed.id());
        fields.put("campaignId", claimed.campaignId());
        fields.put("reason", failure == null ? "" : failure);
        Log.info(outcome.delivered() ? "acknowledgement sent" : "acknowledgement not sent", fields);
        return outcome.alert().dueAt() == null;
    }
}
