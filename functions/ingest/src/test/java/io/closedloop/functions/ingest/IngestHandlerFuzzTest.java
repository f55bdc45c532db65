package io.closedloop.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.closedloop.app.IngestWebhook;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.domain.ScoreType;
import io.closedloop.dynamodb.CapacityMeter;
import io.closedloop.dynamodb.Stores;
import io.closedloop.ingest.WebhookSigner;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.testing.FuzzedHttpRequest;
import io.closedloop.testing.HandlerAnswer;
import io.closedloop.testing.LocalDynamo;
import io.closedloop.testing.MutableClock;
import io.closedloop.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The ingest function on any request: any method, path, headers and body, through a real API Gateway event, answers
 * below 500 with a problem+json refusal, and a refused delivery writes nothing. A request carrying the header
 * {@code x-fuzz-sign} is signed by the harness with its source's secret (replacing its signature headers), so the
 * fuzzer also reaches the parsers and the store. Corpus: {@code IngestHandlerFuzzTestInputs/anyRequest/}, one
 * request per file in the text form of {@link FuzzedHttpRequest}.
 */
class IngestHandlerFuzzTest {

    private static final Instant ARRIVAL = Instant.parse("2025-07-24T08:00:00Z");
    private static final List<Source> SOURCES = List.of(
            source("generic", WebhookFormat.GENERIC, null, null, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            source("formbricks", WebhookFormat.FORMBRICKS, "npsQuestionId", "openTextQuestionId", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            source("typeform", WebhookFormat.TYPEFORM, "nps_score", "nps_reason", "my-webook-secret"),
            source("delighted", WebhookFormat.DELIGHTED, null, null, "test_delighted_api_key"),
            source("survicate", WebhookFormat.SURVICATE, null, null, "test_survicate_signing_secret"));

    private static final Path CORPUS = Project.root()
            .resolve("functions/ingest/src/test/resources/io/closedloop/functions/ingest/IngestHandlerFuzzTestInputs/anyRequest");
    private static final CapacityMeter METER = new CapacityMeter();
    private static IngestHandler handler;

    private static Source source(String id, WebhookFormat format, String scoreQuestion, String commentQuestion, String secret) {
        return new Source(id, "campaign-" + id, format, List.of(new Secret("s1", secret, ARRIVAL)), scoreQuestion, ScoreType.NPS,
                commentQuestion, FieldMapping.NONE, true);
    }

    private static synchronized IngestHandler handler() {
        if (handler == null) {
            LocalDynamo dynamo = LocalDynamo.shared();
            MutableClock clock = new MutableClock(ARRIVAL);
            Stores stores = Stores.of(dynamo.client(METER), dynamo.createTable("ingest-fuzz"), 730, clock, Duration.ofHours(1));
            SOURCES.forEach(s -> stores.config().put(new ConfigEntry(ConfigKind.SOURCE, s.id(), 1, Json.string(s))));
            handler = new IngestHandler(new IngestWebhook(stores.sources(), stores.responses(), clock));
        }
        return handler;
    }

    /** The harness itself: the signed seeds of the corpus get through to the store, so fuzzing starts past the signature. */
    @Test
    void corpus_signedProviderSeeds_areAccepted() throws IOException {
        for (Source source : SOURCES) {
            byte[] seed = Files.readAllBytes(CORPUS.resolve("signed-" + source.id()));

            assertThat(answer(FuzzedHttpRequest.parse(seed)).status()).as(source.id()).isIn(200, 202);
        }
    }

    /** The answer, or null when API Gateway would not call the function (no route matches). */
    private static HandlerAnswer answer(FuzzedHttpRequest request) throws IOException {
        FuzzedHttpRequest signed = request;
        Optional<Source> signer = SOURCES.stream().filter(s -> request.rawPath().endsWith("/" + s.id())).findFirst();
        if (request.hasHeader("x-fuzz-sign") && signer.isPresent()) {
            Source source = signer.get();
            for (var header : WebhookSigner.headers(source.format(), source.secrets().getFirst().value(), request.body(), ARRIVAL).entrySet()) {
                if (!header.getKey().equals("content-type")) {
                    signed = signed.withHeader(header.getKey(), header.getValue());
                }
            }
        }
        Optional<byte[]> event = signed.event("IngestFunction");
        if (event.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler().handleRequest(new ByteArrayInputStream(event.get()), out, null);
        return HandlerAnswer.read(out.toByteArray());
    }

    @FuzzTest(maxDuration = "60s")
    void anyRequest(byte[] input) throws IOException {
        handler();
        FuzzedHttpRequest request = FuzzedHttpRequest.parse(input);
        StringBuilder logged = new StringBuilder();
        Consumer<String> previous = Log.sink(line -> logged.append(line).append('\n'));
        METER.reset();
        HandlerAnswer answer;
        try {
            answer = answer(request);
        } finally {
            Log.sink(previous);
        }
        if (answer == null) {
            return;
        }
        String sent = new String(input, StandardCharsets.UTF_8);
        answer.requireSane(sent);

        if (answer.status() >= 400) {
            assertThat(answer.contentType()).as("refusal of %s", sent).startsWith("application/problem+json");
            assertThat(METER.writeUnits()).as("units written for a refused delivery: %s", sent).isZero();
        } else {
            assertThat(answer.contentType()).startsWith("application/json");
            // The fuzzer cannot compute an HMAC: only what the harness signed may ever be accepted
            assertThat(request.hasHeader("x-fuzz-sign")).as("accepted without the harness's signature: %s", sent).isTrue();
        }
        for (Source source : SOURCES) {
            assertThat(logged).as("log lines").doesNotContain(source.secrets().getFirst().value());
        }
    }
}
