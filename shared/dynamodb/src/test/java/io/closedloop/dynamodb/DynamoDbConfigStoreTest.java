package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.ports.ConflictException;
import io.closedloop.testing.LocalDynamo;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbConfigStoreTest {

    private DynamoDbConfigStore store;

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        store = new DynamoDbConfigStore(dynamo.client(new CapacityMeter()), dynamo.createTable("config"));
    }

    private static ConfigEntry cause(String id, long version, String name) {
        return new ConfigEntry(ConfigKind.ROOT_CAUSE, id, version, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
    }

    @Test
    void putAll_writesEveryEntry_onEachOnesVersion() {
        store.put(cause("delivery", 1, "Delivery"));

        store.putAll(List.of(cause("delivery", 2, "Shipping"), cause("price", 1, "Price")));

        assertThat(store.loadAll()).extracting(ConfigEntry::id, ConfigEntry::version).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("delivery", 2L), org.assertj.core.groups.Tuple.tuple("price", 1L));
    }

    @Test
    void putAll_withOneStaleEntry_writesNoneOfThem() {
        store.put(cause("delivery", 1, "Delivery"));
        store.put(cause("delivery", 2, "Shipping"));

        assertThatThrownBy(() -> store.putAll(List.of(cause("price", 1, "Price"), cause("delivery", 2, "Stale edit"))))
                .isInstanceOf(ConflictException.class);

        assertThat(store.loadAll()).singleElement().satisfies(e -> assertThat(e.json()).contains("Shipping"));
    }
}
