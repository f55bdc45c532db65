package io.closedloop.functions.mailevents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.customer.MailFeedback;
import io.closedloop.customer.MailFeedback.Kind;
import io.closedloop.customer.MailFeedback.Report;
import io.closedloop.dynamodb.DynamoDb;
import io.closedloop.dynamodb.Stores;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SES's bounce and complaint events, from the configuration set's EventBridge destination (detail-types "Email
 * Bounced" and "Email Complaint Received"): event in, {@link MailFeedback#record} once, its outcome out. An event
 * that is not one of these, or cannot be read, is logged and dropped: a retry would read it no better.
 */
public final class MailEventsHandler implements RequestStreamHandler {

    private final MailFeedback feedback;

    /** Lambda's constructor: real clients, built once at init (and captured by the SnapStart snapshot). */
    public MailEventsHandler() {
        this(stores(Stores.fromEnvironment(DynamoDb.client())));
    }

    /** For the local stack and tests. */
    public MailEventsHandler(MailFeedback feedback) {
        this.feedback = feedback;
    }

    private static MailFeedback stores(Stores stores) {
        return new MailFeedback(stores.suppressions(), stores.cases());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<Report> report;
        try {
            report = read(Json.tree(input));
        } catch (RuntimeException unreadable) {
            Log.warn("mail event not readable; dropped", Map.of());
            report = Optional.empty();
        }
        MailFeedback.Outcome outcome = report.map(feedback::record).orElse(new MailFeedback.Outcome(0, false));
        output.write(Json.bytes(outcome));
    }

    /** The report in an SES event; empty for any other event. */
    static Optional<Report> read(JsonNode event) {
        JsonNode detail = event.path("detail");
        String type = detail.path("eventType").asText("");
        Kind kind;
        JsonNode about;
        String recipientsField;
        switch (type) {
            case "Bounce" -> {
                kind = Kind.BOUNCE;
                about = detail.path("bounce");
                recipientsField = "bouncedRecipients";
            }
            case "Complaint" -> {
                kind = Kind.COMPLAINT;
                about = detail.path("complaint");
                recipientsField = "complainedRecipients";
            }
            default -> {
                return Optional.empty();
            }
        }
        List<String> recipients = new ArrayList<>();
        for (JsonNode recipient : about.path(recipientsField)) {
            String address = recipient.path("emailAddress").asText("");
            if (!address.isBlank()) {
                recipients.add(address);
            }
        }
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        boolean permanent = kind == Kind.COMPLAINT || "Permanent".equals(about.path("bounceType").asText(""));
        JsonNode tags = detail.path("mail").path("tags");
        return Optional.of(new Report(kind, permanent, recipients, firstTag(tags, "kind"), firstTag(tags, "case"), timeOf(about, event)));
    }

    private static String firstTag(JsonNode tags, String name) {
        JsonNode values = tags.path(name);
        return values.isArray() && !values.isEmpty() && !values.get(0).asText("").isBlank() ? values.get(0).asText() : null;
    }

    private static Instant timeOf(JsonNode about, JsonNode event) {
        for (String text : List.of(about.path("timestamp").asText(""), event.path("time").asText(""))) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notThisOne) {
                // try the next
            }
        }
        return Instant.now();
    }
}
