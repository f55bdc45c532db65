package io.closedloop.ingest;

import io.closedloop.domain.Response;

/** One response carried by a webhook delivery, and whether it is a whole response or a piece to merge. */
public record Delivery(DeliveryKind kind, Response response) {

    public Delivery {
        if (kind == null || response == null) {
            throw new IllegalArgumentException("kind and response are required");
        }
    }
}
