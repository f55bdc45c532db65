package io.closedloop.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What the managed Java runtime does for a typed {@code RequestHandler}: it builds the event serializers of the
 * handler's input and output types (aws-lambda-java-serialization, the library the runtime ships) when it loads the
 * handler, then for each invocation deserializes the event, calls the handler and serializes its answer. Not part
 * of the baseline's artifact: the runtime brings it.
 */
public final class RuntimeEmulation implements RequestStreamHandler {

    private final BaselineIngestHandler handler = new BaselineIngestHandler();
    private final PojoSerializer<APIGatewayV2HTTPEvent> in =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, RuntimeEmulation.class.getClassLoader());
    private final PojoSerializer<APIGatewayV2HTTPResponse> out =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, RuntimeEmulation.class.getClassLoader());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        out.toJson(handler.handleRequest(in.fromJson(input), context), output);
    }
}
