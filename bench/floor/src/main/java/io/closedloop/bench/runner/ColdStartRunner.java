package io.closedloop.bench.runner;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Lambda runtime does in a fresh execution environment, reduced to what costs time: load the handler
 * class and construct it (init), optionally run the SnapStart hooks (what a restored snapshot has already done),
 * then invoke it with each event in turn. Runs in the measured JVM, next to the artifact under test, with nothing
 * on the class path but the JDK and the Lambda interfaces the artifact brings; writes its figures as one JSON
 * object to a file.
 *
 * <p>Arguments: {@code launchedAtMillis handlerClass eventsFile mode(cold|primed) resultFile}. The events file
 * holds one event per line; the first is the first invocation, the others are warm invocations.
 */
public final class ColdStartRunner {

    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private ColdStartRunner() {}

    public static void main(String[] args) throws Exception {
        long launchedAt = Long.parseLong(args[0]);
        long jvmReady = System.currentTimeMillis();
        String handlerClass = args[1];
        List<byte[]> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        boolean primed = args[3].equals("primed");
        Path result = Path.of(args[4]);

        long constructStart = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        long constructNanos = System.nanoTime() - constructStart;
        long constructedAt = System.currentTimeMillis();

        long primeNanos = 0;
        if (primed) {
            long primeStart = System.nanoTime();
            runSnapStartHooks(handler);
            primeNanos = System.nanoTime() - primeStart;
        }

        Context context = new BenchContext();
        long firstStart = System.nanoTime();
        byte[] firstAnswer = invoke(handler, events.getFirst(), context);
        long firstNanos = System.nanoTime() - firstStart;
        int firstStatus = status(firstAnswer);

        long rssKb = rssKb();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();

        long[] warm = new long[events.size() - 1];
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 1; i < events.size(); i++) {
            long start = System.nanoTime();
            byte[] answer = invoke(handler, events.get(i), context);
            warm[i - 1] = System.nanoTime() - start;
            statuses.merge(status(answer), 1, Integer::sum);
        }
        StringBuilder next = new StringBuilder("[");
        for (int i = 0; i < Math.min(5, warm.length); i++) {
            next.append(i > 0 ? "," : "").append(ms(warm[i]));
        }
        String nextInvocations = next.append(']').toString();
        Arrays.sort(warm);

        StringBuilder json = new StringBuilder("{");
        field(json, "handler", '"' + handlerClass + '"');
        field(json, "mode", '"' + args[3] + '"');
        field(json, "jvmStartMs", Long.toString(jvmReady - launchedAt));
        field(json, "initMs", Long.toString(constructedAt - launchedAt));
        field(json, "constructMs", ms(constructNanos));
        field(json, "primeMs", ms(primeNanos));
        field(json, "firstInvocationMs", ms(firstNanos));
        field(json, "initPlusFirstMs", String.format(Locale.ROOT, "%.3f", (constructedAt - launchedAt) + firstNanos / 1e6));
        field(json, "firstStatus", Integer.toString(firstStatus));
        field(json, "classesLoaded", Long.toString(classes));
        field(json, "rssKb", Long.toString(rssKb));
        field(json, "warmInvocations", Integer.toString(warm.length));
        field(json, "nextInvocationsMs", nextInvocations);
        field(json, "warmMedianMs", warm.length == 0 ? "null" : ms(warm[warm.length / 2]));
        field(json, "warmP90Ms", warm.length == 0 ? "null" : ms(warm[(int) Math.min(warm.length - 1, Math.ceil(warm.length * 0.9) - 1)]));
        StringBuilder counts = new StringBuilder("{");
        statuses.forEach((status, count) -> counts.append(counts.length() > 1 ? "," : "").append('"').append(status).append("\":").append(count));
        field(json, "warmStatuses", counts.append('}').toString());
        json.setLength(json.length() - 1);
        json.append('}');
        Files.writeString(result, json.toString());
        System.exit(0);
    }

    /**
     * Runs the handler's SnapStart hooks as Lambda does around a snapshot: beforeCheckpoint (the priming), then
     * afterRestore. Our handlers are themselves the org.crac resource they register; outside Lambda (no CRaC
     * implementation) the global context cannot be asked to notify them, so the runner calls the resource directly.
     * Reflection keeps this runner free of dependencies: a handler that is no resource has nothing to run.
     */
    private static void runSnapStartHooks(Object handler) throws Exception {
        Class<?> resource;
        try {
            resource = Class.forName("org.crac.Resource");
        } catch (ClassNotFoundException none) {
            return;
        }
        if (!resource.isInstance(handler)) {
            return;
        }
        Class<?> contextType = Class.forName("org.crac.Context");
        resource.getMethod("beforeCheckpoint", contextType).invoke(handler, new Object[] {null});
        resource.getMethod("afterRestore", contextType).invoke(handler, new Object[] {null});
    }

    private static byte[] invoke(RequestStreamHandler handler, byte[] event, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }

    private static int status(byte[] answer) {
        Matcher m = STATUS.matcher(new String(answer, 0, Math.min(answer.length, 200), StandardCharsets.UTF_8));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    /** The parts of the invocation context a handler may read. */
    private static final class BenchContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "bench-request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "bench";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:bench";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 15_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
