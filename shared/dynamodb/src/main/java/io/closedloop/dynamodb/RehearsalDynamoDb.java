package io.closedloop.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.aws.AwsClients;
import io.closedloop.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client for SnapStart priming whose HTTP exchange happens in memory: every call runs the SDK's real
 * path (marshalling, signing, the HTTP client contract, unmarshalling, retries' bookkeeping) and the function's real
 * mappers, so a rehearsal of an invocation warms all of it, while no table is ever read or written. PutItem keeps
 * the item it was sent and answers a plain success; GetItem answers the item kept under the key asked, if any; every
 * other operation answers an empty success.
 */
public final class RehearsalDynamoDb implements SdkHttpClient {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";

    private final Map<String, JsonNode> items = new ConcurrentHashMap<>();

    private RehearsalDynamoDb() {}

    /** A client built like the functions' own ({@link AwsClients}), over an in-memory exchange and throw-away credentials. */
    public static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .httpClient(new RehearsalDynamoDb())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("rehearsal", "rehearsal")))
                .region(AwsClients.region())
                .build();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                String operation = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").replace(TARGET_PREFIX, "");
                JsonNode body;
                try (InputStream in = request.contentStreamProvider().orElseThrow().newStream()) {
                    body = Json.MAPPER.readTree(in);
                }
                byte[] answer = Json.bytes(answer(operation, body));
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(answer.length))
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    private ObjectNode answer(String operation, JsonNode body) {
        ObjectNode answer = Json.object();
        switch (operation) {
            case "PutItem" -> {
                JsonNode item = body.path("Item");
                items.put(key(item), item);
            }
            case "GetItem" -> {
                JsonNode item = items.get(key(body.path("Key")));
                if (item != null) {
                    answer.set("Item", item);
                }
            }
            default -> {
                // an empty success: no items, nothing consumed
            }
        }
        return answer;
    }

    private static String key(JsonNode item) {
        return item.path(Table.PK) + "|" + item.path(Table.SK);
    }

    @Override
    public String clientName() {
        return "Rehearsal";
    }

    @Override
    public void close() {}
}
