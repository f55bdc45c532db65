package io.closedloop.console;

import static io.closedloop.console.ConsoleFixtures.ADMIN;
import static io.closedloop.console.ConsoleFixtures.ANA;
import static io.closedloop.console.ConsoleFixtures.BOB;
import static io.closedloop.console.ConsoleFixtures.CONFIG;
import static io.closedloop.console.ConsoleFixtures.LONE_VIEWER;
import static io.closedloop.console.ConsoleFixtures.MANAGER;
import static io.closedloop.console.ConsoleFixtures.NO_RIGHT;
import static io.closedloop.console.ConsoleFixtures.VIEWER;
import static io.closedloop.console.ConsoleFixtures.caseOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Case;
import io.closedloop.config.Responder;
import io.closedloop.console.Access.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessTest {

    private static final Case SUPPORT_CASE = caseOf("support", null);
    private static final Case SALES_CASE = caseOf("sales", "bob");
    private static final Case NO_TEAM_CASE = caseOf(null, null);

    private static Responder person(String id) {
        return CONFIG.responder(id).orElseThrow();
    }

    /** Each role against each kind of case: who sees it, and why someone may not act on it. */
    @ParameterizedTest(name = "{0}: support {1}/{2}, sales {3}/{4}, no team {5}/{6}")
    @CsvSource({
            "alex,   true,  -,        true,  -,        true,  -",
            "marc,   true,  -,        false, SCOPE,    false, SCOPE",
            "ana,    true,  -,        false, SCOPE,    false, SCOPE",
            "nora,   true,  NORIGHT,  false, NORIGHT,  false, NORIGHT",
            "vera,   true,  VIEWER,   false, VIEWER,   false, VIEWER",
            "victor, true,  VIEWER,   true,  VIEWER,   true,  VIEWER",
            "bob,    false, SCOPE,    true,  -,        false, SCOPE"})
    void roles_seeAndActOnTheirScopeOnly(String id, boolean seesSupport, String supportRefusal, boolean seesSales, String salesRefusal,
            boolean seesNoTeam, String noTeamRefusal) {
        Access access = Access.of(person(id), CONFIG);

        assertThat(access.maySee(SUPPORT_CASE)).as("sees support").isEqualTo(seesSupport);
        assertThat(access.maySee(SALES_CASE)).as("sees sales").isEqualTo(seesSales);
        assertThat(access.maySee(NO_TEAM_CASE)).as("sees no team").isEqualTo(seesNoTeam);
        assertThat(access.refusalToAct(SUPPORT_CASE)).as("acts on support").isEqualTo(refusal(supportRefusal));
        assertThat(access.refusalToAct(SALES_CASE)).as("acts on sales").isEqualTo(refusal(salesRefusal));
        assertThat(access.refusalToAct(NO_TEAM_CASE)).as("acts on no team").isEqualTo(refusal(noTeamRefusal));
    }

    private static Optional<Refusal> refusal(String code) {
        return switch (code) {
            case "-" -> Optional.empty();
            case "SCOPE" -> Optional.of(Refusal.NOT_IN_SCOPE);
            case "NORIGHT" -> Optional.of(Refusal.NO_RIGHT_TO_RESPOND);
            case "VIEWER" -> Optional.of(Refusal.VIEWER);
            default -> throw new IllegalArgumentException(code);
        };
    }

    @Test
    void responder_alwaysSeesTheCasesAssignedToThem_evenOfAnotherTeam() {
        Case handedOver = caseOf("sales", "ana");

        assertThat(Access.of(ANA, CONFIG).maySee(handedOver)).isTrue();
        assertThat(Access.of(ANA, CONFIG).refusalToAct(handedOver)).isEmpty();
    }

    @Test
    void manager_scopeIsTheTeamsTheyManage() {
        assertThat(Access.of(MANAGER, CONFIG).teamIds(CONFIG)).containsExactly("support");
        assertThat(Access.of(BOB, CONFIG).teamIds(CONFIG)).containsExactly("sales");
        assertThat(Access.of(ADMIN, CONFIG).teamIds(CONFIG)).containsExactly("sales", "support");
    }

    @Test
    void pagesByRole() {
        assertThat(Access.of(ADMIN, CONFIG).mayConfigure()).isTrue();
        assertThat(Access.of(MANAGER, CONFIG).mayConfigure()).isFalse();
        assertThat(Access.of(ANA, CONFIG).mayConfigure()).isFalse();
        assertThat(Access.of(VIEWER, CONFIG).mayConfigure()).isFalse();
        assertThat(Access.of(ANA, CONFIG).mayReadDashboard()).isFalse();
        assertThat(Access.of(VIEWER, CONFIG).mayReadDashboard()).isTrue();
        assertThat(Access.of(MANAGER, CONFIG).mayChangeInBulk()).isTrue();
        assertThat(Access.of(ANA, CONFIG).mayChangeInBulk()).isFalse();
        assertThat(Access.of(NO_RIGHT, CONFIG).hasTeams()).isTrue();
        assertThat(Access.of(LONE_VIEWER, CONFIG).seesAllTeams()).isTrue();
    }
}
