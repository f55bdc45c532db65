package io.closedloop.rules;

import static io.closedloop.rules.RuleFixtures.DETRACTOR_BRAZIL;
import static io.closedloop.rules.RuleFixtures.HIGH_VALUE_TRIAGE;
import static io.closedloop.rules.RuleFixtures.PASSIVE_ROUND_ROBIN;
import static io.closedloop.rules.RuleFixtures.nps;
import static io.closedloop.rules.RuleFixtures.response;
import static io.closedloop.rules.RuleFixtures.withAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Opening;
import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.rules.AssigneeResolution.AssignedBy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final Configuration CONFIG = RuleFixtures.configuration();
    private static final RoundRobinCounter FIRST_TURN = team -> 0;

    @Test
    void decide_brazilianDetractorAskingForRefund_opensCaseForAnaWithWatchersFromLowerRules() {
        Response detractor = nps("r-1", 2, "BR", "Quero meu refund!");

        Decision decision = RuleEngine.decide(CONFIG, detractor, FIRST_TURN);

        assertThat(decision.opensCase()).isTrue();
        assertThat(decision.rule().id()).isEqualTo("detractor-br");
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
        assertThat(decision.assignee().responderId()).isEqualTo("ana");
        assertThat(decision.assignee().teamId()).isEqualTo("br-cx");
        assertThat(decision.watcherIds()).containsExactly("fiona", "kim", "jules");
        assertThat(decision.slaPolicyId()).isEqualTo("sla-48h");
        assertThat(decision.opening()).isEqualTo(new Opening("detractor-br", 3, "Detractor in Brazil: alert the Brazilian CX lead",
                List.of("score 2 (NPS) in 0–6", "attribute country = BR"), "detractor-recovery"));
    }

    @Test
    void decide_highValueDetractor_recordsTriageInOpening() {
        Response detractor = withAttributes(nps("r-2", 1, "US", "Outage again"), Map.of("accountValue", "480000"));

        Decision decision = RuleEngine.decide(CONFIG, detractor, FIRST_TURN);

        assertThat(decision.rule().id()).isEqualTo("detractor-triage");
        assertThat(decision.priority()).isEqualTo(Priority.URGENT);
        assertThat(decision.assignee().responderId()).isEqualTo("erin");
        assertThat(decision.opening().explanation()).containsExactly(
                "score 1 (NPS) is detractor", "priority URGENT by triage: attribute accountValue 480000 > 100000");
    }

    @Test
    void decide_assigneeAmongWatchers_isNotAlsoAWatcher() {
        Rule kimAssigned = RuleFixtures.withOutcome(HIGH_VALUE_TRIAGE,
                RuleFixtures.withAssignment(HIGH_VALUE_TRIAGE.outcome(), new Assignment.Fixed("kim"), null));
        Response detractor = nps("r-3", 0, "BR", null);

        Decision decision = RuleEngine.decide(List.of(DETRACTOR_BRAZIL, kimAssigned), detractor, CONFIG, FIRST_TURN);

        assertThat(decision.assignee().responderId()).isEqualTo("ana");
        assertThat(decision.watcherIds()).containsExactly("fiona", "kim");

        Decision kimWins = RuleEngine.decide(List.of(kimAssigned, DETRACTOR_BRAZIL), detractor, CONFIG, FIRST_TURN);

        assertThat(kimWins.assignee().responderId()).isEqualTo("kim");
        assertThat(kimWins.watcherIds()).containsExactly("fiona");
    }

    @Test
    void decide_unknownWatcher_isDropped() {
        RuleOutcome o = DETRACTOR_BRAZIL.outcome();
        Rule withGhostWatcher = RuleFixtures.withOutcome(DETRACTOR_BRAZIL, new RuleOutcome(o.openCase(), o.priority(), o.triage(),
                o.assignment(), o.fallbackResponderId(), o.slaPolicyId(), o.alertAssignee(), List.of("ghost", "fiona"), o.loop()));

        Decision decision = RuleEngine.decide(List.of(withGhostWatcher), nps("r", 3, "BR", null), CONFIG, FIRST_TURN);

        assertThat(decision.watcherIds()).containsExactly("fiona");
    }

    @Test
    void decide_ruleWithoutSlaPolicy_takesTheCampaignsPolicy() {
        Decision decision = RuleEngine.decide(CONFIG, nps("r-pt", 8, "PT", null), FIRST_TURN);

        assertThat(decision.rule()).isEqualTo(PASSIVE_ROUND_ROBIN);
        assertThat(decision.slaPolicyId()).isEqualTo("sla-48h");
        assertThat(decision.assignee().assignedBy()).isEqualTo(AssignedBy.ROUND_ROBIN);
        assertThat(decision.assignee().responderId()).isEqualTo("ana");
    }

    @Test
    void decide_noMatchingRule_opensNothingAndTakesNoTurn() {
        RoundRobinCounter failing = team -> {
            throw new AssertionError("no turn may be taken when no case opens");
        };

        Decision decision = RuleEngine.decide(CONFIG, nps("r-us-8", 8, "US", null), failing);

        assertThat(decision.opensCase()).isFalse();
        assertThat(decision.rule()).isNull();
        assertThat(decision.assignee()).isNull();
        assertThat(decision.opening()).isNull();
        assertThat(decision.watcherIds()).isEmpty();
    }

    @Test
    void decide_responseWithoutCampaign_opensNothing() {
        Response orphan = response(null, "r", new Score(ScoreType.NPS, 0), null, Map.of("country", "BR"));

        assertThat(RuleEngine.decide(CONFIG, orphan, FIRST_TURN).opensCase()).isFalse();
    }
}
