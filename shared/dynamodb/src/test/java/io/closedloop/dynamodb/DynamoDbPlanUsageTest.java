package io.closedloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.PlanProgress;
import io.closedloop.testing.LocalDynamo;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbPlanUsageTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final CapacityMeter meter = new CapacityMeter();
    private DynamoDbCaseStore cases;

    @BeforeEach
    void freshTable() {
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = dynamo.createTable("plan-usage");
        cases = new DynamoDbCaseStore(dynamo.client(meter), table);
    }

    private static Case following(String id, String planId) {
        return DynamoDbCaseQueueTest.open(id, "support", "ana", 2).toBuilder().plan(PlanProgress.start(planId, 1)).build();
    }

    @Test
    void openCases_countsOpenCasesOfThatPlanOnly() {
        cases.create(following("c1", "callback"));
        cases.create(following("c2", "callback"));
        cases.create(following("c3", "refund"));
        cases.create(DynamoDbCaseQueueTest.open("c4", "support", "ana", 2));
        Case closing = following("c5", "callback");
        cases.create(closing);
        cases.update(DynamoDbCaseQueueTest.closed(closing, NOW).toBuilder().version(2).build());

        assertThat(cases.openCases("callback", 10)).isEqualTo(2);
        assertThat(cases.openCases("refund", 10)).isEqualTo(1);
        assertThat(cases.openCases("unused", 10)).isZero();
    }

    @Test
    void openCases_closeAndReopen_leaveAndReenterTheCount() {
        Case c = following("c1", "callback");
        cases.create(c);
        Case closed = DynamoDbCaseQueueTest.closed(c, NOW).toBuilder().version(2).build();
        cases.update(closed);
        long whileClosed = cases.openCases("callback", 10);
        cases.update(closed.toBuilder().version(3).status(CaseStatus.OPEN).closedAt(null).build());

        assertThat(whileClosed).isZero();
        assertThat(cases.openCases("callback", 10)).isEqualTo(1);
    }

    @Test
    void openCases_stopsAtTheCap_readingOneSmallPage() {
        for (int i = 0; i < 12; i++) {
            cases.create(following("c" + i, "callback"));
        }
        meter.reset();

        long counted = cases.openCases("callback", 5);

        assertThat(counted).isEqualTo(5);
        assertThat(meter.readUnits()).isLessThanOrEqualTo(1.0);
    }
}
