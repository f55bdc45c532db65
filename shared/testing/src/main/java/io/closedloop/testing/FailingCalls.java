package io.closedloop.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Fault injection through the real SDK: while armed, every call whose request is of the given type fails before it
 * is sent, with the exception the supplier makes (a throttling error, a 5xx…). Better than a mock client: the
 * adapter under test runs its real code path.
 */
public final class FailingCalls implements ExecutionInterceptor {

    private final Class<? extends SdkRequest> requestType;
    private final Supplier<RuntimeException> failure;
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    public FailingCalls(Class<? extends SdkRequest> requestType, Supplier<RuntimeException> failure) {
        this.requestType = requestType;
        this.failure = failure;
    }

    /** Fails the next {@code calls} matching calls (Integer.MAX_VALUE: until {@link #heal()}). */
    public FailingCalls failNext(int calls) {
        remaining.set(calls);
        return this;
    }

    public void heal() {
        remaining.set(0);
    }

    public int failedCalls() {
        return failed.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (requestType.isInstance(context.request()) && remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            failed.incrementAndGet();
            throw failure.get();
        }
    }
}
