package io.closedloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void responderActor_isLoggedByResponderIdAndMayRespondOnlyWithTheRight() {
        assertThat(CaseFixtures.ANA_ACTS.id()).isEqualTo("responder:ana");
        assertThat(CaseFixtures.ANA_ACTS.mayRespond()).isTrue();
        assertThat(CaseFixtures.ANA_ACTS.responder()).isEqualTo(CaseFixtures.ANA);
        assertThat(CaseFixtures.CARLA_ACTS.mayRespond()).isFalse();
    }

    @Test
    void apiActor_isLoggedByKeyIdActsForNobodyAndIsAlwaysAllowed() {
        Actor crm = Actor.api("k-crm-01");

        assertThat(crm.id()).isEqualTo("api:k-crm-01");
        assertThat(crm.responder()).isNull();
        assertThat(crm.mayRespond()).isTrue();
    }

    @Test
    void apiActor_withoutKeyId_isRejected() {
        assertThatThrownBy(() -> Actor.api(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
