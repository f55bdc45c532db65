package io.closedloop.functions.processor;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.dynamodb.StreamEvents;
import io.closedloop.json.Json;
import io.closedloop.testing.Faults;
import io.closedloop.testing.SamTemplate;
import io.closedloop.testing.TableStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The event source mapping of the table's stream, step by step: reads the real records of DynamoDB Local's stream,
 * applies the template's key filter, invokes the processor with a batch, and retries from the first record the
 * answer names ({@code batchItemFailures}), or the whole batch when the invocation died.
 */
final class StreamDriver {

    /** What one invocation did. */
    enum Outcome { IDLE, DONE, PARTIAL_FAILURE, CRASHED }

    private final TableStream stream;
    private final ProcessorHandler processor;
    private final int batchSize;
    private final List<String> keyPrefixes;
    private final List<Record> pending = new ArrayList<>();
    private final List<String> reportedFailures = new ArrayList<>();
    private int crashes;

    StreamDriver(TableStream stream, ProcessorHandler processor) {
        this.stream = stream;
        this.processor = processor;
        SamTemplate.StreamSubscription subscription = SamTemplate.load().streamSubscriptions().getFirst();
        this.batchSize = subscription.batchSize();
        this.keyPrefixes = subscription.keyPrefixes();
    }

    /** One invocation with the records pending (after reading what the stream has new). */
    Outcome deliver() {
        for (Record record : stream.next()) {
            AttributeValue pk = record.dynamodb().keys().get("pk");
            if (pk != null && keyPrefixes.stream().anyMatch(pk.s()::startsWith)) {
                pending.add(record);
            }
        }
        if (pending.isEmpty()) {
            return Outcome.IDLE;
        }
        List<Record> batch = List.copyOf(pending.subList(0, Math.min(batchSize, pending.size())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            processor.handleRequest(new ByteArrayInputStream(StreamEvents.lambdaEvent(batch, stream.arn(), "us-east-1")), out, null);
        } catch (Faults.Crash died) {
            crashes++;
            return Outcome.CRASHED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode failures = Json.tree(out.toByteArray()).path("batchItemFailures");
        String failedFrom = failures.isEmpty() ? null : failures.get(0).path("itemIdentifier").asText();
        int done = 0;
        while (done < batch.size() && !batch.get(done).dynamodb().sequenceNumber().equals(failedFrom)) {
            done++;
        }
        pending.subList(0, done).clear();
        if (failedFrom != null) {
            reportedFailures.add(failedFrom);
            return Outcome.PARTIAL_FAILURE;
        }
        return Outcome.DONE;
    }

    /** Invokes until nothing is pending; fails when it takes more than {@code maxInvocations}. */
    void drain(int maxInvocations) {
        for (int i = 0; i < maxInvocations; i++) {
            if (deliver() == Outcome.IDLE) {
                return;
            }
        }
        throw new AssertionError("the stream did not drain in " + maxInvocations + " invocations; pending " + pending.size());
    }

    /** The sequence numbers the processor named in {@code batchItemFailures}, in order. */
    List<String> reportedFailures() {
        return List.copyOf(reportedFailures);
    }

    int crashes() {
        return crashes;
    }

    /** Sequence numbers of the records waiting, oldest first. */
    List<String> pendingSequences() {
        return pending.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
    }
}
