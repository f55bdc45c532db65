package io.closedloop.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.closedloop.dynamodb.Stores;
import java.time.InstantSource;
import java.util.Map;

/** Builds the web and API functions over the local stores. */
final class LocalFunctions {

    private LocalFunctions() {}

    static void addWebAndApi(Map<String, RequestStreamHandler> handlers, Stores stores, InstantSource clock, String baseUrl) {
        // filled in when the web and API functions land
    }
}
