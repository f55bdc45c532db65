package io.closedloop.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Fault injection through the real SDK: an interceptor on a real client (DynamoDB Local, moto) that makes chosen
 * calls fail before they are sent, fail after the service did the work (a lost answer, or the process dying right
 * after), rewrites what is sent or answered (e.g. a partial PutEvents failure), or holds two threads until both have
 * their answer (a deterministic race). The code under test runs its real adapters and sees real SDK exceptions.
 */
public final class Faults implements ExecutionInterceptor {

    /**
     * The process dies here: an {@link Error}, so no {@code catch (RuntimeException)} in the code under test can
     * recover from it and nothing after this point runs, as when a Lambda invocation is killed.
     */
    public static final class Crash extends Error {

        public Crash(String where) {
            super("crash injected " + where, null, false, false);
        }
    }

    private enum Kind { FAIL_BEFORE, FAIL_AFTER, REWRITE_REQUEST, REWRITE_RESPONSE, MEET }

    /** One armed fault: which calls, how many to let through first, how many to hit; healable. */
    public static final class Fault {

        private final Kind kind;
        private final Predicate<SdkRequest> calls;
        private final Supplier<? extends Throwable> failure;
        private final UnaryOperator<SdkRequest> requestRewrite;
        private final UnaryOperator<SdkResponse> responseRewrite;
        private final AtomicInteger skip = new AtomicInteger();
        private final AtomicInteger remaining = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicInteger injected = new AtomicInteger();
        private final Set<Thread> met = ConcurrentHashMap.newKeySet();
        private final CountDownLatch meeting;
        private final Duration patience;

        private Fault(Kind kind, Predicate<SdkRequest> calls, Supplier<? extends Throwable> failure, UnaryOperator<SdkRequest> requestRewrite,
                UnaryOperator<SdkResponse> responseRewrite, int parties, Duration patience) {
            this.kind = kind;
            this.calls = calls;
            this.failure = failure;
            this.requestRewrite = requestRewrite;
            this.responseRewrite = responseRewrite;
            this.meeting = new CountDownLatch(parties);
            this.patience = patience;
        }

        /** Hits only the next {@code calls} matching calls (each attempt of an SDK retry counts for faults before sending). */
        public Fault times(int calls) {
            remaining.set(calls);
            return this;
        }

        /** Lets the first {@code calls} matching calls through untouched. */
        public Fault afterSkipping(int calls) {
            skip.set(calls);
            return this;
        }

        /** Stops injecting. */
        public void heal() {
            remaining.set(0);
        }

        /** How many calls this fault hit. */
        public int injected() {
            return injected.get();
        }

        private boolean take(SdkRequest request) {
            if (!calls.test(request)) {
                return false;
            }
            if (skip.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return false;
            }
            if (remaining.getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) <= 0) {
                return false;
            }
            injected.incrementAndGet();
            return true;
        }

        private void meet(SdkRequest request) {
            if (!calls.test(request) || meeting.getCount() == 0 || !met.add(Thread.currentThread())) {
                return;
            }
            injected.incrementAndGet();
            meeting.countDown();
            try {
                // Without the other party (a defence kept it away) the call goes on after the patience runs out
                meeting.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** Matching calls fail before they reach the service (throttling, a 5xx, a connection refused…). */
    public Fault failBefore(Predicate<SdkRequest> calls, Supplier<? extends RuntimeException> failure) {
        return add(new Fault(Kind.FAIL_BEFORE, calls, failure, null, null, 0, Duration.ZERO));
    }

    /** Matching calls reach the service and succeed there, then the caller sees {@code failure} instead of the answer. */
    public Fault failAfter(Predicate<SdkRequest> calls, Supplier<? extends Throwable> failure) {
        return add(new Fault(Kind.FAIL_AFTER, calls, failure, null, null, 0, Duration.ZERO));
    }

    /** The process dies right after the service did the work of a matching call. */
    public Fault crashAfter(Predicate<SdkRequest> calls, String where) {
        return failAfter(calls, () -> new Crash(where));
    }

    /** Matching calls are sent rewritten (e.g. one event of a batch addressed to a bus that does not exist). */
    public Fault rewriteRequest(Predicate<SdkRequest> calls, UnaryOperator<SdkRequest> rewrite) {
        return add(new Fault(Kind.REWRITE_REQUEST, calls, null, rewrite, null, 0, Duration.ZERO));
    }

    /** Matching calls' answers are rewritten before the caller sees them. */
    public Fault rewriteResponse(Predicate<SdkRequest> calls, UnaryOperator<SdkResponse> rewrite) {
        return add(new Fault(Kind.REWRITE_RESPONSE, calls, null, null, rewrite, 0, Duration.ZERO));
    }

    /**
     * The first matching call of each of {@code parties} threads waits, once it has its answer, until the others have
     * theirs (at most {@code patience}): every party acts on the same state, a race made deterministic.
     */
    public Fault meet(Predicate<SdkRequest> calls, int parties, Duration patience) {
        return add(new Fault(Kind.MEET, calls, null, null, null, parties, patience));
    }

    /** Stops every fault. */
    public void healAll() {
        faults.forEach(Fault::heal);
        faults.clear();
    }

    private Fault add(Fault fault) {
        faults.add(fault);
        return fault;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        for (Fault fault : faults) {
            if (fault.kind == Kind.REWRITE_REQUEST && fault.take(request)) {
                request = fault.requestRewrite.apply(request);
            }
        }
        return request;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        for (Fault fault : faults) {
            if (fault.kind == Kind.FAIL_BEFORE && fault.take(context.request())) {
                throw unchecked(fault.failure.get());
            }
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        for (Fault fault : faults) {
            if (fault.kind == Kind.REWRITE_RESPONSE && fault.take(context.request())) {
                response = fault.responseRewrite.apply(response);
            }
        }
        return response;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        for (Fault fault : faults) {
            if (fault.kind == Kind.MEET) {
                fault.meet(context.request());
            } else if (fault.kind == Kind.FAIL_AFTER && fault.take(context.request())) {
                Throwable failure = fault.failure.get();
                if (failure instanceof Error error) {
                    throw error;
                }
                throw unchecked(failure);
            }
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    // --- which calls -------------------------------------------------------------------------------------------

    /** Calls of one request type (e.g. SendEmailRequest, PutEventsRequest). */
    public static Predicate<SdkRequest> calls(Class<? extends SdkRequest> type) {
        return type::isInstance;
    }

    /** DynamoDB PutItem calls on items whose partition key starts with {@code prefix} (e.g. "CASE#", "RESP#"). */
    public static Predicate<SdkRequest> put(String prefix) {
        return r -> r instanceof PutItemRequest put && startsWith(put.item(), prefix);
    }

    /** DynamoDB GetItem calls on keys whose partition key starts with {@code prefix}. */
    public static Predicate<SdkRequest> get(String prefix) {
        return r -> r instanceof GetItemRequest get && startsWith(get.key(), prefix);
    }

    /** DynamoDB UpdateItem calls on keys whose partition key starts with {@code prefix} (e.g. "KPI#"). */
    public static Predicate<SdkRequest> update(String prefix) {
        return r -> r instanceof UpdateItemRequest update && startsWith(update.key(), prefix);
    }

    private static boolean startsWith(Map<String, AttributeValue> item, String prefix) {
        AttributeValue pk = item == null ? null : item.get("pk");
        return pk != null && pk.s() != null && pk.s().startsWith(prefix);
    }

    // --- clients -----------------------------------------------------------------------------------------------

    /**
     * The SDK's standard retries (three attempts, throttling recognised) with millisecond back-off, so a test can
     * both see a short blip absorbed and an outage outlast the retries without waiting seconds. Deployed functions
     * keep the SDK defaults.
     */
    public static RetryStrategy quickRetries() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(3)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(20)))
                .circuitBreakerEnabled(false)
                .build();
    }

    /** A DynamoDB client for a local endpoint with {@link #quickRetries()} and the given interceptors. */
    public static DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    o.retryStrategy(quickRetries());
                    for (ExecutionInterceptor interceptor : interceptors) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }
}
