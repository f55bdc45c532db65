package io.closedloop.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Source;
import java.time.Instant;
import java.util.Map;

/**
 * The ingest entry point: turns a raw webhook delivery into verified, parsed responses, in the format the source
 * speaks (GENERIC, FORMBRICKS, TYPEFORM, DELIGHTED, SURVICATE). Pure: the caller passes the time.
 */
public final class Webhooks {

    private Webhooks() {}

    /**
     * Verifies the signature on the raw bytes, then parses them.
     *
     * @param headers request headers, names lower-case
     * @param body the raw body (the caller has checked it is at most {@link WebhookLimits#MAX_BODY_BYTES})
     * @param now when the delivery arrived
     * @throws SignatureRefusedException when no secret of the source signed the body (nothing was parsed)
     * @throws InvalidPayloadException when the body is not a readable delivery; its errors name JSON paths
     */
    public static ParsedWebhook read(Source source, Map<String, String> headers, byte[] body, Instant now) {
        SignatureVerifier.verify(source.format(), source.secrets(), headers, body, now);
        return parse(source, body, now);
    }

    /**
     * Parses a body whose signature the caller has already verified.
     *
     * @throws InvalidPayloadException when the body is not a readable delivery
     */
    public static ParsedWebhook parse(Source source, byte[] body, Instant now) {
        ObjectNode root = PayloadReader.root(body);
        PayloadReader in = new PayloadReader(now);
        return switch (source.format()) {
            case GENERIC -> GenericPayload.parse(source, root, in);
            case FORMBRICKS -> FormbricksPayload.parse(source, root, in);
            case TYPEFORM -> TypeformPayload.parse(source, root, in);
            case DELIGHTED -> DelightedPayload.parse(source, root, in);
            case SURVICATE -> SurvicatePayload.parse(source, root, in);
        };
    }
}
