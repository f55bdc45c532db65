package io.closedloop.dynamodb;

import io.closedloop.app.Alerting;
import io.closedloop.aws.Settings;
import io.closedloop.customer.ResponseAcknowledgements;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.Mailer;
import io.closedloop.ports.SourceCache;
import java.time.Duration;
import java.time.InstantSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The table's adapters over one client, named from the function's settings (TABLE_NAME and friends). */
public record Stores(
        DynamoDbClient client,
        String table,
        DynamoDbConfigStore config,
        ConfigCache configCache,
        SourceCache sources,
        DynamoDbResponseStore responses,
        DynamoDbCaseStore cases,
        DynamoDbRoundRobinCounter roundRobin,
        DynamoDbKpiStore kpis,
        DynamoDbCaseQueue queue,
        DynamoDbSignInStore signIns,
        DynamoDbSessionStore sessions,
        DynamoDbSuppressions suppressions,
        DynamoDbAcknowledgementStore acknowledgements) {

    /** How long a function keeps configuration before reading it again. */
    public static final Duration CONFIG_TTL = Duration.ofSeconds(30);

    public static Stores of(DynamoDbClient client, String table, long retentionDays, InstantSource clock, Duration configTtl) {
        DynamoDbConfigStore config = new DynamoDbConfigStore(client, table);
        return new Stores(client, table, config, new ConfigCache(config, clock, configTtl), new SourceCache(config, clock, configTtl),
                new DynamoDbResponseStore(client, table, retentionDays), new DynamoDbCaseStore(client, table),
                new DynamoDbRoundRobinCounter(client, table), new DynamoDbKpiStore(client, table), new DynamoDbCaseQueue(client, table),
                new DynamoDbSignInStore(client, table), new DynamoDbSessionStore(client, table), new DynamoDbSuppressions(client, table),
                new DynamoDbAcknowledgementStore(client, table, retentionDays));
    }

    /** The sender of acknowledgements for responses that open no case, over these stores. */
    public ResponseAcknowledgements acknowledgementSender(Mailer mailer, String sender, String baseUrl) {
        return Alerting.acknowledgements(acknowledgements, responses, mailer, configCache, config, suppressions, sender, baseUrl);
    }

    /** As a deployed function builds them: the table named by TABLE_NAME, the system clock. */
    public static Stores fromEnvironment(DynamoDbClient client) {
        long retention = Long.parseLong(Settings.orDefault("RESPONSE_RETENTION_DAYS", "730"));
        Duration ttl = Duration.ofSeconds(Long.parseLong(Settings.orDefault("CONFIG_TTL_SECONDS", Long.toString(CONFIG_TTL.toSeconds()))));
        return of(client, Settings.required("TABLE_NAME"), retention, InstantSource.system(), ttl);
    }
}
