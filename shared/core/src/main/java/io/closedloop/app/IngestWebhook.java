package io.closedloop.app;

import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.ingest.Delivery;
import io.closedloop.ingest.DeliveryKind;
import io.closedloop.ingest.ParsedWebhook;
import io.closedloop.ingest.WebhookException;
import io.closedloop.ingest.WebhookLimits;
import io.closedloop.ingest.Webhooks;
import io.closedloop.ports.SourceCache;
import io.closedloop.ports.ResponseStore;
import io.closedloop.ports.StoreOutcome;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front door: a delivery for a source is checked (known source, JSON, size), its signature verified on the raw
 * bytes, parsed, and each response in it stored idempotently. The answer comes once the responses are durable;
 * rules, cases and alerts follow from the stored change (the processor), so a survey tool never waits for them.
 */
public final class IngestWebhook {

    /** What one delivery did. */
    public record Receipt(String event, List<Stored> responses) {

        public boolean duplicate() {
            return !responses.isEmpty() && responses.stream().allMatch(r -> r.outcome() == StoreOutcome.DUPLICATE);
        }
    }

    /** One stored response: its id (source/provider id) and whether it was new, updated or a duplicate. */
    public record Stored(String responseId, StoreOutcome outcome) {}

    private static final Set<String> DELIGHTED_MEDIA_TYPES = Set.of("application/json", "application/x-www-form-urlencoded", "text/plain");

    private final SourceCache sources;
    private final ResponseStore responses;
    private final InstantSource clock;

    public IngestWebhook(SourceCache sources, ResponseStore responses, InstantSource clock) {
        this.sources = sources;
        this.responses = responses;
        this.clock = clock;
    }

    /**
     * @param mediaType the request's content type without parameters, lower-case
     * @param headers the request headers, names lower-case
     * @throws ProblemException 404 unknown source, 413 too large, 415 not JSON, 401 bad signature, 422 bad payload
     */
    public Receipt accept(String sourceId, String mediaType, Map<String, String> headers, byte[] body) {
        Source source = sources.source(sourceId).filter(Source::enabled)
                .orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-source", "Unknown source",
                        "No webhook source is configured under this id.")));
        if (body.length > WebhookLimits.MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(413, "too-large", "Payload too large",
                    "The body exceeds " + WebhookLimits.MAX_BODY_BYTES + " bytes."));
        }
        if (!acceptsMediaType(source.format(), mediaType)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the payload as application/json."));
        }
        Instant now = clock.instant();
        ParsedWebhook parsed;
        try {
            parsed = Webhooks.read(source, headers, body, now);
        } catch (WebhookException refused) {
            throw new ProblemException(refused.problem());
        }
        List<Stored> stored = new ArrayList<>(parsed.deliveries().size());
        for (Delivery delivery : parsed.deliveries()) {
            StoreOutcome outcome = delivery.kind() == DeliveryKind.PARTIAL
                    ? responses.merge(delivery.response())
                    : responses.store(delivery.response());
            stored.add(new Stored(delivery.response().id().toString(), outcome));
        }
        return new Receipt(parsed.event(), stored);
    }

    /** Delighted has been seen posting JSON with a form content type; every other provider sends JSON. */
    static boolean acceptsMediaType(WebhookFormat format, String mediaType) {
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return true;
        }
        return format == WebhookFormat.DELIGHTED && DELIGHTED_MEDIA_TYPES.contains(mediaType);
    }
}
