package io.closedloop.rules;

import static io.closedloop.rules.RuleFixtures.DETRACTOR_BRAZIL;
import static io.closedloop.rules.RuleFixtures.STORES_CAMPAIGN;
import static io.closedloop.rules.RuleFixtures.STORE_LOOKUP;
import static io.closedloop.rules.RuleFixtures.nps;
import static io.closedloop.rules.RuleFixtures.response;
import static io.closedloop.rules.RuleFixtures.withAssignment;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.Configuration;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.rules.AssigneeResolution.AssignedBy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssigneeResolverTest {

    private static final Configuration CONFIG = RuleFixtures.configuration();
    private static final Response BR_DETRACTOR = nps("r-br", 3, "BR", "late");
    private static final RuleOutcome BASE = DETRACTOR_BRAZIL.outcome();

    /** The store's counter in memory: one sequence per team, starting at 0. */
    private static final class SequenceCounter implements RoundRobinCounter {
        final Map<String, Long> turns = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public long next(String teamId) {
            calls.add(teamId);
            return turns.merge(teamId, 1L, Long::sum) - 1;
        }
    }

    private static AssigneeResolution resolve(Assignment assignment, String fallback, Response response, RoundRobinCounter counter) {
        return AssigneeResolver.resolve(withAssignment(BASE, assignment, fallback), response, CONFIG, counter);
    }

    private static Response store(String store) {
        return response(STORES_CAMPAIGN, "r-" + store, new Score(ScoreType.CSAT, 1), "rude cashier", Map.of("store", store));
    }

    @Test
    void resolve_fixedResponderWithRight_isAssignedWithTheirTeam() {
        AssigneeResolution resolution = resolve(new Assignment.Fixed("ana"), "fiona", BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution).isEqualTo(new AssigneeResolution("ana", "br-cx", AssignedBy.FIXED, List.of()));
        assertThat(resolution.assigned()).isTrue();
    }

    @Test
    void resolve_fixedResponderWithoutRight_fallsBackToFallbackResponder() {
        AssigneeResolution resolution = resolve(new Assignment.Fixed("carla"), "fiona", BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution.responderId()).isEqualTo("fiona");
        assertThat(resolution.teamId()).isEqualTo("cx-leads");
        assertThat(resolution.assignedBy()).isEqualTo(AssignedBy.FALLBACK);
        assertThat(resolution.notes()).containsExactly("responder carla has no right to respond");
    }

    @Test
    void resolve_unknownFixedResponder_fallsBack() {
        AssigneeResolution resolution = resolve(new Assignment.Fixed("zoe"), "fiona", BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution.responderId()).isEqualTo("fiona");
        assertThat(resolution.notes()).containsExactly("responder zoe is unknown");
    }

    @Test
    void resolve_nobodyQualifies_leavesCaseUnassigned() {
        AssigneeResolution resolution = resolve(new Assignment.Fixed("carla"), "jules", BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution.assigned()).isFalse();
        assertThat(resolution.teamId()).isNull();
        assertThat(resolution.assignedBy()).isEqualTo(AssignedBy.NOBODY);
        assertThat(resolution.notes()).containsExactly(
                "responder carla has no right to respond",
                "fallback responder jules has no right to respond",
                "nobody qualifies: the case is unassigned");
    }

    @Test
    void resolve_noAssignmentAndNoFallback_leavesCaseUnassigned() {
        AssigneeResolution resolution = resolve(null, null, BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution.assignedBy()).isEqualTo(AssignedBy.NOBODY);
        assertThat(resolution.responderId()).isNull();
    }

    @Test
    void resolve_noAssignment_takesFallback() {
        assertThat(resolve(null, "fiona", BR_DETRACTOR, new SequenceCounter()).assignedBy()).isEqualTo(AssignedBy.FALLBACK);
    }

    @Test
    void resolve_roundRobin_takesMembersInTurnSkippingThoseWithoutRight() {
        SequenceCounter counter = new SequenceCounter();
        List<String> assignees = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            assignees.add(resolve(new Assignment.RoundRobin("br-cx"), "fiona", BR_DETRACTOR, counter).responderId());
        }

        // br-cx is [ana, carla, bruno]; carla has no right to respond, so her turn goes to the next member.
        assertThat(assignees).containsExactly("ana", "bruno", "bruno", "ana", "bruno", "bruno");
        assertThat(counter.calls).containsOnly("br-cx").hasSize(6);
    }

    @Test
    void resolve_roundRobin_reportsTheAssigneesTeam() {
        AssigneeResolution resolution = resolve(new Assignment.RoundRobin("key-accounts"), null, BR_DETRACTOR, turn -> 1);

        assertThat(resolution).isEqualTo(new AssigneeResolution("kim", "key-accounts", AssignedBy.ROUND_ROBIN, List.of()));
    }

    @Test
    void resolve_roundRobinWithNegativeOrHugeTurn_staysWithinTheTeam() {
        assertThat(resolve(new Assignment.RoundRobin("stores"), null, BR_DETRACTOR, turn -> -1).responderId()).isEqualTo("hana");
        assertThat(resolve(new Assignment.RoundRobin("stores"), null, BR_DETRACTOR, turn -> Long.MIN_VALUE).responderId())
                .isEqualTo("gabriel");
    }

    @Test
    void resolve_roundRobinOverTeamWithoutEligibleMember_fallsBackWithoutTakingATurn() {
        SequenceCounter counter = new SequenceCounter();

        AssigneeResolution resolution = resolve(new Assignment.RoundRobin("finance"), "fiona", BR_DETRACTOR, counter);

        assertThat(resolution.responderId()).isEqualTo("fiona");
        assertThat(resolution.notes()).containsExactly("team finance has no member with the right to respond");
        assertThat(counter.calls).isEmpty();
    }

    @Test
    void resolve_roundRobinOverUnknownTeam_fallsBack() {
        AssigneeResolution resolution = resolve(new Assignment.RoundRobin("ghosts"), "fiona", BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution.assignedBy()).isEqualTo(AssignedBy.FALLBACK);
        assertThat(resolution.notes()).containsExactly("team ghosts is unknown");
    }

    @Test
    void resolve_lookupByStore_assignsTheStoresManager() {
        RuleOutcome outcome = STORE_LOOKUP.outcome();

        assertThat(AssigneeResolver.resolve(outcome, store("042"), CONFIG, new SequenceCounter()))
                .isEqualTo(new AssigneeResolution("gabriel", "stores", AssignedBy.LOOKUP, List.of()));
        assertThat(AssigneeResolver.resolve(outcome, store("117"), CONFIG, new SequenceCounter()).responderId()).isEqualTo("hana");
    }

    @Test
    void resolve_lookupValue_matchesCaseInsensitivelyAfterTrimming() {
        assertThat(AssigneeResolver.resolve(STORE_LOOKUP.outcome(), store(" lis-01 "), CONFIG, new SequenceCounter()).responderId())
                .isEqualTo("hana");
    }

    @Test
    void resolve_lookupWithoutEntry_fallsBack() {
        AssigneeResolution resolution = AssigneeResolver.resolve(STORE_LOOKUP.outcome(), store("999"), CONFIG, new SequenceCounter());

        assertThat(resolution.responderId()).isEqualTo("fiona");
        assertThat(resolution.assignedBy()).isEqualTo(AssignedBy.FALLBACK);
        assertThat(resolution.notes()).containsExactly("no responder for store = 999");
    }

    @Test
    void resolve_lookupWithoutAttribute_fallsBack() {
        Response noStore = response(STORES_CAMPAIGN, "r", new Score(ScoreType.CSAT, 1), null, Map.of());

        AssigneeResolution resolution = AssigneeResolver.resolve(STORE_LOOKUP.outcome(), noStore, CONFIG, new SequenceCounter());

        assertThat(resolution.responderId()).isEqualTo("fiona");
        assertThat(resolution.notes()).containsExactly("attribute store is absent");
    }

    @Test
    void resolve_lookupToResponderWithoutRight_fallsBack() {
        Assignment lookup = new Assignment.Lookup("country", Map.of("BR", "carla"));

        AssigneeResolution resolution = resolve(lookup, "fiona", BR_DETRACTOR, new SequenceCounter());

        assertThat(resolution.responderId()).isEqualTo("fiona");
        assertThat(resolution.notes()).containsExactly("responder carla has no right to respond");
    }
}
