package io.closedloop.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor: a handler that reads the event and answers a constant. Whatever a function costs above this, in the
 * same JVM setup, is the function's own doing.
 */
public final class FloorHandler implements RequestStreamHandler {

    private static final byte[] ANSWER = "{\"statusCode\":202,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{}\",\"isBase64Encoded\":false}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(ANSWER);
    }
}
