package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.cases.AlertState;
import io.closedloop.customer.ResponseAcknowledgement;
import io.closedloop.domain.Category;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.ports.ConflictException;
import io.closedloop.testing.LocalDynamo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbAcknowledgementStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private LocalDynamo dynamo;
    private String table;
    private DynamoDbAcknowledgementStore store;

    @BeforeEach
    void freshTable() {
        dynamo = LocalDynamo.shared();
        table = dynamo.createTable("acknowledgements");
        store = new DynamoDbAcknowledgementStore(dynamo.client(), table, 730);
    }

    private static Response promoter(String externalId) {
        return new Response("demo-source", externalId, "demo-campaign", NOW.minusSeconds(30),
                new Respondent("cust-1", "lea@example.com", "Léa Martin", null, "fr-FR"), new Score(ScoreType.NPS, 10), null,
                Map.of(), Map.of(), 0);
    }

    @Test
    void create_happensOncePerResponse_andReadsBackAsWritten() {
        ResponseAcknowledgement pending = ResponseAcknowledgement.pending(promoter("r-1"), NOW.plus(Duration.ofMinutes(20)));

        assertThat(store.create(pending)).isTrue();
        assertThat(store.create(ResponseAcknowledgement.pending(promoter("r-1"), NOW))).as("a duplicate delivery").isFalse();

        assertThat(store.find(pending.id())).contains(pending);
        assertThat(pending.category()).isEqualTo(Category.PROMOTER);
    }

    @Test
    void item_namesTheResponse_copiesNoPersonalData_andExpiresWithTheResponse() {
        store.create(ResponseAcknowledgement.pending(promoter("r-2"), NOW));

        var item = dynamo.client().scan(r -> r.tableName(table)).items().getFirst();
        assertThat(item.get("pk").s()).startsWith("ACK#");
        assertThat(item.toString()).doesNotContain("lea@", "Léa");
        assertThat(Long.parseLong(item.get("ttl").n())).isEqualTo(NOW.minusSeconds(30).getEpochSecond() + 730 * 86_400L);
    }

    @Test
    void update_isConditionalOnTheVersion_soTwoSendersCannotBothClaimIt() {
        ResponseAcknowledgement pending = ResponseAcknowledgement.pending(promoter("r-3"), NOW);
        store.create(pending);
        ResponseAcknowledgement claimed = pending.claimed(NOW.plus(Duration.ofMinutes(3)));

        store.update(claimed);

        assertThatThrownBy(() -> store.update(pending.claimed(NOW.plus(Duration.ofMinutes(3))))).isInstanceOf(ConflictException.class);
        assertThat(store.find(pending.id()).orElseThrow().alert().state()).isEqualTo(AlertState.SENDING);
    }

    @Test
    void dueIds_listsOnlyWhatIsDue_andNothingOnceSent() {
        ResponseAcknowledgement soon = ResponseAcknowledgement.pending(promoter("r-4"), NOW.plus(Duration.ofMinutes(5)));
        ResponseAcknowledgement later = ResponseAcknowledgement.pending(promoter("r-5"), NOW.plus(Duration.ofHours(2)));
        store.create(soon);
        store.create(later);

        assertThat(store.dueIds(NOW, 10)).isEmpty();
        assertThat(store.dueIds(NOW.plus(Duration.ofMinutes(5)), 10)).containsExactly(soon.id());
        assertThat(store.dueIds(NOW.plus(Duration.ofHours(3)), 10)).containsExactlyInAnyOrder(soon.id(), later.id());
        assertThat(new DynamoDbCaseStore(dynamo.client(), table).dueCaseIds(NOW.plus(Duration.ofHours(3)), 10))
                .as("the case check's partitions hold no acknowledgement").isEmpty();

        ResponseAcknowledgement claimed = soon.claimed(NOW.plus(Duration.ofMinutes(8)));
        store.update(claimed);
        store.update(claimed.sent(NOW.plus(Duration.ofMinutes(6))));
        assertThat(store.dueIds(NOW.plus(Duration.ofHours(3)), 10)).containsExactly(later.id());
    }
}
