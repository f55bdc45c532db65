package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.customer.Addresses;
import io.closedloop.ports.Suppressions.Reason;
import io.closedloop.ports.Suppressions.Suppression;
import io.closedloop.testing.LocalDynamo;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbSuppressionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private LocalDynamo dynamo;
    private String table;
    private DynamoDbSuppressions suppressions;

    @BeforeEach
    void freshTable() {
        dynamo = LocalDynamo.shared();
        table = dynamo.createTable("suppressions");
        suppressions = new DynamoDbSuppressions(dynamo.client(), table);
    }

    @Test
    void suppress_isFoundByAnySpellingOfTheAddress_andTheFirstReasonStands() {
        suppressions.suppress(Addresses.hash("Lea@Example.com"), Reason.OPTED_OUT, NOW);
        suppressions.suppress(Addresses.hash("lea@example.com "), Reason.BOUNCED, NOW.plusSeconds(60));

        assertThat(suppressions.find(Addresses.hash("lea@example.com"))).contains(new Suppression(Reason.OPTED_OUT, NOW));
        assertThat(suppressions.find(Addresses.hash("someone@example.com"))).isEmpty();
    }

    @Test
    void suppress_storesNoAddress_onlyItsHash() {
        suppressions.suppress(Addresses.hash("lea@example.com"), Reason.COMPLAINED, NOW);

        var items = dynamo.client().scan(r -> r.tableName(table)).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("pk").s()).isEqualTo("SUPPRESS#" + Addresses.hash("lea@example.com"));
            assertThat(item.toString()).doesNotContain("lea@");
            assertThat(Map.copyOf(item)).containsKeys("reason", "at");
        });
    }
}
