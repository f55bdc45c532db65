package io.closedloop.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.WebhookFormat;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.testing.DemoConfiguration;
import io.closedloop.testing.Project;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Survey tools' deliveries to the local stack, signed as each tool signs them; each returns the HTTP status. */
final class SignedWebhooks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedWebhooks() {}

    /** The Typeform sample (events/) as a new response from {@code name}, with this NPS score and comment. */
    static int typeform(LocalStack stack, String sourceId, String secret, String name, int score, String comment) throws IOException, InterruptedException {
        ObjectNode sample = (ObjectNode) Json.tree(Files.readAllBytes(Project.root().resolve("events/webhook-typeform-detractor.json")));
        ObjectNode response = (ObjectNode) sample.get("form_response");
        response.put("token", UUID.randomUUID().toString().replace("-", ""));
        response.put("submitted_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ((ObjectNode) response.get("answers").get(0)).put("number", score);
        ((ObjectNode) response.get("answers").get(1)).put("text", comment);
        ((ObjectNode) response.get("answers").get(2)).put("text", name);
        return post(stack, sourceId, WebhookFormat.TYPEFORM, secret, Json.string(sample).getBytes(StandardCharsets.UTF_8));
    }

    /** A response in Closedloop's own format to the demo source. */
    static int demo(LocalStack stack, String id, Instant submittedAt, int score, String country, String comment) throws IOException, InterruptedException {
        ObjectNode response = Json.object().put("id", id).put("submittedAt", submittedAt.toString());
        response.putObject("respondent").put("name", "Customer " + id).put("email", id + "@example.com");
        response.putObject("score").put("type", "NPS").put("value", score);
        if (comment != null) {
            response.put("comment", comment);
        }
        response.putObject("attributes").put("country", country);
        return post(stack, DemoConfiguration.SOURCE_ID, WebhookFormat.GENERIC, DemoConfiguration.SOURCE_SECRET,
                Json.string(response).getBytes(StandardCharsets.UTF_8));
    }

    private static int post(LocalStack stack, String sourceId, WebhookFormat format, String secret, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/webhooks/" + sourceId))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> headers = WebhookSigner.headers(format, secret, body, Instant.now(), "msg_" + UUID.randomUUID().toString().replace("-", ""));
        headers.forEach((header, value) -> {
            if (!header.equals("content-type")) {
                post.header(header, value);
            }
        });
        return HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
