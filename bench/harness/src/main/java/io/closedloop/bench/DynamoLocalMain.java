package io.closedloop.bench;

import io.closedloop.testing.LocalDynamo;

/** DynamoDB Local in its own JVM (as a service would be), in memory, on the given loopback port; stops with its parent. */
public final class DynamoLocalMain {

    private DynamoLocalMain() {}

    public static void main(String[] args) throws Exception {
        LocalDynamo dynamo = LocalDynamo.start(Integer.parseInt(args[0]), null);
        Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
        System.out.println("DynamoDB Local on " + dynamo.endpoint());
        // Exit when the harness goes away, whatever way it ends
        while (System.in.read() != -1) {
            // nothing to read: the parent only closes the pipe
        }
        System.exit(0);
    }
}
