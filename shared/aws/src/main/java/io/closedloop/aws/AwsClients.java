package io.closedloop.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds SDK clients the same way for every function: the URL-connection HTTP client (smallest and quickest to
 * start), credentials and region read directly from the Lambda environment (no provider-chain probing of profile
 * files or instance metadata at cold start). Endpoints are left to the SDK, which honours {@code AWS_ENDPOINT_URL}
 * and {@code AWS_ENDPOINT_URL_<SERVICE>}, so the same build runs against AWS, DynamoDB Local or moto.
 */
public final class AwsClients {

    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10))
            .build();

    private AwsClients() {}

    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor interceptor : interceptors) {
            override.addExecutionInterceptor(interceptor);
        }
        return builder
                .httpClient(HTTP)
                .credentialsProvider(credentials())
                .region(region())
                .overrideConfiguration(override.build())
                .build();
    }

    public static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create());
    }

    public static Region region() {
        String region = Settings.optional("AWS_REGION");
        if (region == null) {
            region = System.getProperty("aws.region", "us-east-1");
        }
        return Region.of(region);
    }
}
