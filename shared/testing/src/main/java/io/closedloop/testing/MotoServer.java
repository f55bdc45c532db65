package io.closedloop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A moto server (a real HTTP emulator of SES v2 and EventBridge) started from the project's virtualenv, one per
 * test JVM. Tests talk to it through the real SDK clients; sent mail is read back from {@code /moto-api/data.json}.
 */
public final class MotoServer implements AutoCloseable {

    private static MotoServer shared;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    /** One email as moto recorded it. */
    public record SentEmail(String source, List<String> to, String subject, String body, String raw) {}

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static MotoServer start() {
        Path executable = Project.root().resolve(".venv/bin/moto_server");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("moto is not installed: run ./run-tests (it creates .venv from requirements-dev.txt)");
        }
        int port = LocalDynamo.freePort();
        try {
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("moto-" + port + "-", ".log").toFile())
                    .start();
            MotoServer server = new MotoServer(process, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("moto did not become ready");
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Forgets every resource and message, so each test starts from nothing. */
    public void reset() {
        post("/moto-api/reset");
    }

    /** Every email SES accepted since the last reset. */
    public List<SentEmail> sentEmails() {
        List<SentEmail> emails = new ArrayList<>();
        JsonNode ses = get("/moto-api/data.json").path("ses");
        ses.path("Message").forEach(m -> emails.add(email(m)));
        ses.path("RawMessage").forEach(m -> emails.add(email(m)));
        return emails;
    }

    /** The raw moto state, for assertions on other services (e.g. EventBridge). */
    public JsonNode data() {
        return get("/moto-api/data.json");
    }

    /**
     * Creates an SQS queue in moto and returns its ARN and URL, so an EventBridge rule can target it and a test can
     * read what the bus delivered ({@link #receive}). Plain JSON-protocol calls: moto does not check signatures.
     */
    public String[] createQueue(String name) {
        JsonNode created = sqs("CreateQueue", "{\"QueueName\":\"" + name + "\"}");
        String url = created.path("QueueUrl").asText();
        return new String[] {"arn:aws:sqs:us-east-1:123456789012:" + name, url};
    }

    /** Up to ten messages from a queue, their bodies as JSON. */
    public List<JsonNode> receive(String queueUrl) {
        List<JsonNode> bodies = new ArrayList<>();
        JsonNode answer = sqs("ReceiveMessage", "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":10}");
        for (JsonNode message : answer.path("Messages")) {
            try {
                bodies.add(JSON.readTree(message.path("Body").asText()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bodies;
    }

    private JsonNode sqs(String action, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/"))
                    .header("X-Amz-Target", "AmazonSQS." + action)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SentEmail email(JsonNode m) {
        List<String> to = new ArrayList<>();
        m.path("destinations").path("ToAddresses").forEach(a -> to.add(a.asText()));
        m.path("destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
        return new SentEmail(m.path("source").asText(null), to, m.path("subject").asText(null), m.path("body").asText(null),
                m.path("raw_data").asText(null));
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint().resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void post(String path) {
        try {
            HTTP.send(HttpRequest.newBuilder(endpoint().resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
