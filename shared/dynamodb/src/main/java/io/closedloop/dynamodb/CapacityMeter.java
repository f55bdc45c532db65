package io.closedloop.dynamodb;

import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Asks DynamoDB for the consumed capacity of every call (INDEXES: table and each index) and adds it up, so tests
 * can assert the write and read units of a path and functions can log them.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    /** One call's consumed capacity: the operation, its total, the table's share and each index's share. */
    /** @param api the DynamoDB operation (GetItem, Query, PutItem…); {@code operation} says read or write */
    public record Call(String operation, double total, Double table, java.util.Map<String, Double> indexes, String api) {}

    private final java.util.List<Call> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final java.util.concurrent.atomic.LongAdder conditionalFailures = new java.util.concurrent.atomic.LongAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
        return switch (context.request()) {
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        switch (response) {
            case PutItemResponse r -> write(r.consumedCapacity(), "PutItem");
            case UpdateItemResponse r -> write(r.consumedCapacity(), "UpdateItem");
            case DeleteItemResponse r -> write(r.consumedCapacity(), "DeleteItem");
            case GetItemResponse r -> read(r.consumedCapacity(), "GetItem");
            case QueryResponse r -> read(r.consumedCapacity(), "Query");
            case BatchGetItemResponse r -> r.consumedCapacity().forEach(c -> read(c, "BatchGetItem"));
            default -> { }
        }
    }

    private void write(ConsumedCapacity capacity, String api) {
        if (capacity != null && capacity.capacityUnits() != null) {
            writeUnits.add(capacity.capacityUnits());
            record("write", capacity, api);
        }
    }

    private void read(ConsumedCapacity capacity, String api) {
        if (capacity != null && capacity.capacityUnits() != null) {
            readUnits.add(capacity.capacityUnits());
            record("read", capacity, api);
        }
    }

    private void record(String operation, ConsumedCapacity capacity, String api) {
        java.util.Map<String, Double> indexes = new java.util.TreeMap<>();
        if (capacity.hasGlobalSecondaryIndexes()) {
            capacity.globalSecondaryIndexes().forEach((name, c) -> indexes.put(name, c.capacityUnits()));
        }
        calls.add(new Call(operation, capacity.capacityUnits(), capacity.table() == null ? null : capacity.table().capacityUnits(), indexes, api));
    }

    /** Every metered call since the last reset, in order. */
    public java.util.List<Call> calls() {
        synchronized (calls) {
            return java.util.List.copyOf(calls);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException) {
            conditionalFailures.increment();
        }
    }

    /**
     * Conditional writes refused by their condition. DynamoDB bills each as a write of the item's size but reports
     * no capacity for it; callers count them here and price them per that rule.
     */
    public long conditionalFailures() {
        return conditionalFailures.sum();
    }

    public double writeUnits() {
        return writeUnits.sum();
    }

    public double readUnits() {
        return readUnits.sum();
    }

    public void reset() {
        calls.clear();
        conditionalFailures.reset();
        writeUnits.reset();
        readUnits.reset();
    }
}
