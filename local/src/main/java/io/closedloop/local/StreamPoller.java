package io.closedloop.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.dynamodb.StreamEvents;
import io.closedloop.json.Json;
import io.closedloop.log.Failures;
import io.closedloop.log.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Emulates a Lambda event source mapping on the table's stream: polls every shard, applies the template's key-prefix
 * filter, invokes the function with the same event JSON Lambda sends, honours partial batch failures
 * ({@code batchItemFailures}) by retrying from the first failed record, and gives up on a record after as many
 * retries as the template allows, writing it to a failed-records file (the on-failure destination).
 * Checkpoints are kept on disk, so a restart resumes where it stopped.
 */
final class StreamPoller implements Runnable {

    private static final int MAX_RETRIES = 20;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final LocalFunction function;
    private final int batchSize;
    private final List<String> keyPrefixes;
    private final Path checkpointFile;
    private final Path failedFile;
    private final Map<String, String> checkpoints = new HashMap<>();
    private final Map<String, String> iterators = new HashMap<>();
    private final Map<String, List<Record>> pending = new HashMap<>();
    private final Map<String, Integer> retries = new HashMap<>();
    private volatile boolean running = true;
    private volatile long delivered;

    StreamPoller(DynamoDbStreamsClient streams, String streamArn, LocalFunction function, int batchSize, List<String> keyPrefixes,
            Path dataDir) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.function = function;
        this.batchSize = batchSize;
        this.keyPrefixes = keyPrefixes;
        this.checkpointFile = dataDir.resolve("stream-checkpoints.json");
        this.failedFile = dataDir.resolve("stream-failed-records.jsonl");
        try {
            if (Files.exists(checkpointFile)) {
                Json.MAPPER.readTree(checkpointFile.toFile()).properties().forEach(e -> checkpoints.put(e.getKey(), e.getValue().asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void run() {
        long lastShardRefresh = 0;
        List<Shard> shards = List.of();
        while (running) {
            try {
                if (System.currentTimeMillis() - lastShardRefresh > 2_000) {
                    shards = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
                    lastShardRefresh = System.currentTimeMillis();
                }
                boolean busy = false;
                for (Shard shard : shards) {
                    busy |= poll(shard.shardId());
                }
                if (!busy) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warn("stream poll failed", Map.of("error", Failures.describe(e)));
                sleepQuietly(1_000);
            }
        }
    }

    /** Delivered batches so far, for tests that wait for the processor to catch up. */
    long delivered() {
        return delivered;
    }

    boolean idle() {
        return pending.values().stream().allMatch(List::isEmpty);
    }

    void stop() {
        running = false;
    }

    private boolean poll(String shardId) {
        List<Record> queue = pending.computeIfAbsent(shardId, id -> new ArrayList<>());
        if (queue.size() < batchSize) {
            String iterator = iterators.containsKey(shardId) ? iterators.get(shardId) : openIterator(shardId);
            if (iterator != null) {
                GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(iterator).limit(batchSize));
                iterators.put(shardId, page.nextShardIterator());
                for (Record record : page.records()) {
                    if (passesFilter(record)) {
                        queue.add(record);
                    } else {
                        checkpoint(shardId, record.dynamodb().sequenceNumber());
                    }
                }
            }
        }
        if (queue.isEmpty()) {
            return false;
        }
        List<Record> batch = new ArrayList<>(queue.subList(0, Math.min(batchSize, queue.size())));
        String failedFrom = deliver(batch);
        int done = batch.size();
        if (failedFrom != null) {
            done = 0;
            while (done < batch.size() && !batch.get(done).dynamodb().sequenceNumber().equals(failedFrom)) {
                done++;
            }
        }
        for (int i = 0; i < done; i++) {
            checkpoint(shardId, queue.removeFirst().dynamodb().sequenceNumber());
        }
        if (failedFrom != null) {
            int attempt = retries.merge(failedFrom, 1, Integer::sum);
            if (attempt > MAX_RETRIES) {
                Record dropped = queue.removeFirst();
                writeFailed(dropped);
                checkpoint(shardId, dropped.dynamodb().sequenceNumber());
                retries.remove(failedFrom);
            } else {
                sleepQuietly(Math.min(5_000, 100L << Math.min(attempt, 6)));
            }
        }
        return true;
    }

    private String openIterator(String shardId) {
        String checkpoint = checkpoints.get(shardId);
        String iterator = checkpoint == null
                ? streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()
                : streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint)).shardIterator();
        iterators.put(shardId, iterator);
        return iterator;
    }

    private boolean passesFilter(Record record) {
        if (keyPrefixes.isEmpty()) {
            return true;
        }
        AttributeValue pk = record.dynamodb().keys().get("pk");
        return pk != null && pk.s() != null && keyPrefixes.stream().anyMatch(pk.s()::startsWith);
    }

    /** @return the sequence number of the first failed record, or null when the whole batch succeeded */
    private String deliver(List<Record> batch) {
        byte[] answer;
        try {
            answer = function.invoke(event(batch));
        } catch (RuntimeException crashed) {
            Log.warn("stream batch failed", Map.of("function", function.logicalId(), "error", Failures.describe(crashed)));
            return batch.getFirst().dynamodb().sequenceNumber();
        }
        delivered++;
        try {
            JsonNode failures = answer.length == 0 ? null : Json.MAPPER.readTree(answer).path("batchItemFailures");
            if (failures != null && failures.isArray() && !failures.isEmpty()) {
                return failures.get(0).path("itemIdentifier").asText();
            }
            return null;
        } catch (IOException e) {
            return batch.getFirst().dynamodb().sequenceNumber();
        }
    }

    private byte[] event(List<Record> batch) {
        return StreamEvents.lambdaEvent(batch, streamArn, "us-east-1");
    }

    private void checkpoint(String shardId, String sequence) {
        checkpoints.put(shardId, sequence);
        ObjectNode json = Json.object();
        checkpoints.forEach(json::put);
        try {
            Files.writeString(checkpointFile, Json.string(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFailed(Record record) {
        try {
            Files.writeString(failedFile, "{\"sequenceNumber\":\"" + record.dynamodb().sequenceNumber() + "\",\"eventName\":\""
                    + record.eventNameAsString() + "\"}\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.error("stream record given up after retries", Map.of("function", function.logicalId(), "sequenceNumber",
                record.dynamodb().sequenceNumber()));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
