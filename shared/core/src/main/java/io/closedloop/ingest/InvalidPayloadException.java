package io.closedloop.ingest;

import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import java.util.List;

/** The delivery is signed correctly but its body cannot be read as a response; each error names a JSON path. */
public final class InvalidPayloadException extends WebhookException {

    private final transient List<FieldError> errors;

    public InvalidPayloadException(List<FieldError> errors) {
        super(errors.isEmpty()
                ? "webhook payload invalid"
                : "webhook payload invalid: " + errors.size() + " error(s), first at " + errors.getFirst().field());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        return Problem.invalid("The webhook payload is not valid.", errors);
    }
}
