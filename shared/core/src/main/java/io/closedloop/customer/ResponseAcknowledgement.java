package io.closedloop.customer;

import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.domain.Category;
import io.closedloop.domain.Response;
import io.closedloop.domain.ResponseId;
import java.time.Instant;
import java.util.Objects;

/**
 * The acknowledgement of a response that opened no case (docs/customer-loop.md): its own item, keyed by the response,
 * holding one customer {@link Alert} with the same states, lease and retries as a case's alerts. It names the response
 * (to read the address when sending) and copies nothing personal.
 *
 * @param submittedAt when the response was submitted: with the campaign and the response id, where it is stored
 * @param failure why it was not sent, for good (opted out, bounced, no address…); null while pending or once sent
 */
public record ResponseAcknowledgement(
        ResponseId responseId,
        String campaignId,
        Instant submittedAt,
        Category category,
        Alert alert,
        long version,
        String failure) {

    public ResponseAcknowledgement {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(alert, "alert");
    }

    /** The first version, due at {@code notBefore}. */
    public static ResponseAcknowledgement pending(Response response, Instant notBefore) {
        return new ResponseAcknowledgement(response.id(), response.campaignId(), response.submittedAt(), Category.of(response.score()),
                Alert.pending(AlertKind.ACKNOWLEDGEMENT, Acknowledgements.REASON, CheckIns.CUSTOMER, notBefore), 1, null);
    }

    /** The item's id: derived from the response, like its case id, so a duplicate delivery finds the same one. */
    public static String idOf(ResponseId responseId) {
        return responseId.caseId();
    }

    public String id() {
        return idOf(responseId);
    }

    public ResponseAcknowledgement claimed(Instant leaseUntil) {
        return new ResponseAcknowledgement(responseId, campaignId, submittedAt, category, alert.claimed(leaseUntil), version + 1, null);
    }

    public ResponseAcknowledgement sent(Instant at) {
        return new ResponseAcknowledgement(responseId, campaignId, submittedAt, category, alert.sent(at), version + 1, null);
    }

    /** Not sent, and never will be. */
    public ResponseAcknowledgement abandoned(String reason, Instant at) {
        return new ResponseAcknowledgement(responseId, campaignId, submittedAt, category, alert.sent(at), version + 1, reason);
    }

    public ResponseAcknowledgement retriedAt(Instant retryAt) {
        return new ResponseAcknowledgement(responseId, campaignId, submittedAt, category, alert.failed(retryAt), version + 1, null);
    }

    /** Whether it went out to the customer (the alert is done and nothing failed). */
    public boolean delivered() {
        return alert.state() == AlertState.SENT && failure == null;
    }
}
