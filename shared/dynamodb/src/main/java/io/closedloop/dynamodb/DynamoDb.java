package io.closedloop.dynamodb;

import io.closedloop.aws.AwsClients;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client, built once per execution environment. */
public final class DynamoDb {

    private DynamoDb() {}

    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return AwsClients.build(DynamoDbClient.builder(), interceptors);
    }
}
