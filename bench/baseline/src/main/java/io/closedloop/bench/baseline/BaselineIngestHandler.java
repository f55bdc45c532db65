package io.closedloop.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The baseline: the same ingest path as ours (generic format: verify the Standard Webhooks signature on the raw
 * body, parse, store conditionally), written the way the AWS SAM Java starter and most samples write a handler:
 * a typed {@code RequestHandler} over the events library's classes (the runtime deserializes the event), a client
 * from {@code DynamoDbClient.create()} (default HTTP client, default credentials and region chains), the enhanced
 * client over a reflective bean schema, a default {@code ObjectMapper}, no priming. Its one simplification in its
 * favour: the webhook secret comes from an environment variable instead of a configuration read.
 */
public class BaselineIngestHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final long TOLERANCE_SECONDS = 300;

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    private final DynamoDbTable<ResponseRecord> table = enhanced.table(System.getenv("TABLE_NAME"), TableSchema.fromBean(ResponseRecord.class));
    private final ObjectMapper mapper = new ObjectMapper();
    private final String secret = System.getenv("WEBHOOK_SECRET");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            String body = event.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                    : event.getBody();
            Map<String, String> headers = new HashMap<>();
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(), value));
            if (!verify(headers, body.getBytes(StandardCharsets.UTF_8))) {
                return answer(401, Map.of("error", "invalid signature"));
            }
            JsonNode root = mapper.readTree(body);
            ResponseRecord record = toRecord(event.getPathParameters().get("sourceId"), root);
            try {
                table.putItem(PutItemEnhancedRequest.builder(ResponseRecord.class)
                        .item(record)
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                        .build());
            } catch (ConditionalCheckFailedException duplicate) {
                return answer(200, Map.of("status", "duplicate", "id", record.getExternalId()));
            }
            return answer(202, Map.of("status", "accepted", "id", record.getExternalId()));
        } catch (Exception e) {
            context.getLogger().log("ERROR " + e);
            return answer(400, Map.of("error", "bad request"));
        }
    }

    private boolean verify(Map<String, String> headers, byte[] body) throws Exception {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        for (String candidate : signatures.split(" ")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private static ResponseRecord toRecord(String sourceId, JsonNode root) {
        ResponseRecord record = new ResponseRecord();
        String externalId = root.path("id").asText();
        record.setPk("RESP#" + sourceId + "#" + externalId);
        record.setSk("RESPONSE");
        record.setSourceId(sourceId);
        record.setExternalId(externalId);
        record.setSubmittedAt(root.path("submittedAt").asText(null));
        record.setReceivedAt(Instant.now().toString());
        JsonNode score = root.path("score");
        if (score.isObject()) {
            record.setScoreType(score.path("type").asText(null));
            record.setScore(score.path("value").asInt());
        }
        record.setComment(root.path("comment").asText(null));
        JsonNode respondent = root.path("respondent");
        record.setRespondentId(respondent.path("id").asText(null));
        record.setRespondentEmail(respondent.path("email").asText(null));
        record.setRespondentName(respondent.path("name").asText(null));
        record.setRespondentPhone(respondent.path("phone").asText(null));
        record.setRespondentLocale(respondent.path("locale").asText(null));
        record.setAnswers(strings(root.path("answers")));
        record.setAttributes(strings(root.path("attributes")));
        return record;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new HashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values.isEmpty() ? null : values;
    }

    private APIGatewayV2HTTPResponse answer(int status, Map<String, String> body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(mapper.writeValueAsString(body))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
