package io.closedloop.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Creates a table exactly as template.yaml declares it: keys, indexes and their projections, stream, TTL. */
public final class TemplateTables {

    private TemplateTables() {}

    /** @return true when created, false when a table of that name already existed (data kept) */
    @SuppressWarnings("unchecked")
    public static boolean create(DynamoDbClient dynamo, SamTemplate template, String logicalId, String tableName) {
        Map<String, Object> props = template.properties(logicalId);
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.fromValue(String.valueOf(props.get("BillingMode"))))
                .attributeDefinitions(((List<Map<String, Object>>) props.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                                .attributeType((String) a.get("AttributeType")).build())
                        .toList())
                .keySchema(keys((List<Map<String, Object>>) props.get("KeySchema")));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> gsi : (List<Map<String, Object>>) props.getOrDefault("GlobalSecondaryIndexes", List.of())) {
            Map<String, Object> projection = (Map<String, Object>) gsi.get("Projection");
            Projection.Builder p = Projection.builder().projectionType((String) projection.get("ProjectionType"));
            if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
                p.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName((String) gsi.get("IndexName"))
                    .keySchema(keys((List<Map<String, Object>>) gsi.get("KeySchema"))).projection(p.build()).build());
        }
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (props.get("StreamSpecification") instanceof Map<?, ?> stream) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(StreamViewType.fromValue(String.valueOf(stream.get("StreamViewType")))).build());
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException exists) {
            return false;
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(tableName));
        if (props.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl) {
            dynamo.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(
                    t -> t.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
        }
        return true;
    }

    private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
        return schema.stream().map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                .keyType((String) k.get("KeyType")).build()).toList();
    }
}
