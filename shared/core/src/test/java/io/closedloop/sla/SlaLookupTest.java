package io.closedloop.sla;

import static io.closedloop.sla.BusinessTimeTest.PARIS;
import static io.closedloop.sla.BusinessTimeTest.PARIS_OFFICE;
import static io.closedloop.sla.BusinessTimeTest.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Configuration;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.Responder;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Team;
import io.closedloop.config.TimeBasis;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaLookupTest {

    static final BusinessCalendar SAO_PAULO =
            BusinessTimeTest.weekdays("sao-paulo", ZoneId.of("America/Sao_Paulo"), Set.of(), hours("08:00", "18:00"));
    static final BusinessCalendar LYON_STORE = BusinessTimeTest.weekdays("lyon-store", PARIS, Set.of(), hours("10:00", "19:00"));

    static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "pt-BR", "brazil", true, "sao-paulo");
    static final Responder BRUNO = new Responder("bruno", "Bruno Lima", "bruno@example.com", "pt-BR", "brazil", true, null);
    static final Responder CLAIRE = new Responder("claire", "Claire Martin", "claire@example.com", "fr", null, true, null);
    static final Team BRAZIL = new Team("brazil", "Brazil accounts", List.of("ana", "bruno"), "ana", "marta", "sao-paulo");
    static final Team LYON = new Team("lyon", "Lyon store", List.of(), null, "pierre", null);

    static final SlaPolicy POLICY = new SlaPolicy("business", "business", TimeBasis.BUSINESS, "lyon-store",
            new SlaTargets(Duration.ofHours(16), null), Map.of(), 0.75, List.of(), false);

    static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(),
            Map.of("ana", ANA, "bruno", BRUNO, "claire", CLAIRE), Map.of("brazil", BRAZIL, "lyon", LYON), List.of(),
            Map.of("business", POLICY),
            Map.of("sao-paulo", SAO_PAULO, "lyon-store", LYON_STORE, "paris-office", PARIS_OFFICE), Map.of(), Map.of(), List.of());

    @Test
    void ownerCalendar_assigneeWithOwnCalendar_isTheirs() {
        assertThat(SlaLookup.ownerCalendar(CONFIG, POLICY, "ana", "lyon")).contains(SAO_PAULO);
    }

    @Test
    void ownerCalendar_assigneeWithoutCalendar_isTheirTeams() {
        assertThat(SlaLookup.ownerCalendar(CONFIG, POLICY, "bruno", null)).contains(SAO_PAULO);
    }

    @Test
    void ownerCalendar_nobodyWithACalendar_isThePolicys() {
        assertThat(SlaLookup.ownerCalendar(CONFIG, POLICY, "claire", "lyon")).contains(LYON_STORE);
        assertThat(SlaLookup.ownerCalendar(CONFIG, POLICY, null, null)).contains(LYON_STORE);
    }

    @Test
    void ownerCalendar_noCalendarAnywhere_isEmptyForCalendarHours() {
        assertThat(SlaLookup.ownerCalendar(CONFIG, SlaEngine.DEFAULT_POLICY, "claire", null)).isEmpty();
    }

    @Test
    void ownerCalendar_idNamingADeletedCalendar_fallsBackToTheNextCandidate() {
        Responder moved = new Responder("dora", "Dora", "dora@example.com", "fr", "brazil", true, "deleted");
        Configuration config = new Configuration(Map.of(), Map.of(), List.of(), Map.of("dora", moved), CONFIG.teams(), List.of(),
                Map.of(), CONFIG.calendars(), Map.of(), Map.of(), List.of());

        assertThat(SlaLookup.ownerCalendar(config, POLICY, "dora", null)).contains(SAO_PAULO);
    }

    @Test
    void recipientCalendar_teamLeadOfAnotherTeam_isTheirOwn() {
        assertThat(SlaLookup.recipientCalendar(CONFIG, POLICY, "ana")).contains(SAO_PAULO);
        assertThat(SlaLookup.recipientCalendar(CONFIG, POLICY, "claire")).contains(LYON_STORE);
    }

    @Test
    void escalationRecipient_walksAssigneeLeadManagerAndNamedResponder() {
        EscalationStep lead = new EscalationStep(EscalationTarget.TEAM_LEAD, null, Duration.ZERO);
        EscalationStep manager = new EscalationStep(EscalationTarget.MANAGER, null, Duration.ZERO);

        assertThat(SlaLookup.escalationRecipient(CONFIG, new EscalationStep(EscalationTarget.ASSIGNEE, null, Duration.ZERO), "bruno", null))
                .contains("bruno");
        assertThat(SlaLookup.escalationRecipient(CONFIG, lead, "bruno", null)).contains("ana");
        assertThat(SlaLookup.escalationRecipient(CONFIG, manager, "bruno", null)).contains("marta");
        assertThat(SlaLookup.escalationRecipient(CONFIG, new EscalationStep(EscalationTarget.RESPONDER, "claire", Duration.ZERO), "bruno", null))
                .contains("claire");
    }

    @Test
    void escalationRecipient_teamWithoutLead_isEmptyOrTheNextTeams() {
        EscalationStep lead = new EscalationStep(EscalationTarget.TEAM_LEAD, null, Duration.ZERO);

        assertThat(SlaLookup.escalationRecipient(CONFIG, lead, "claire", "lyon")).isEmpty();
        assertThat(SlaLookup.escalationRecipient(CONFIG, lead, null, null)).isEmpty();
        assertThat(SlaLookup.escalationRecipient(CONFIG, new EscalationStep(EscalationTarget.MANAGER, null, Duration.ZERO), "claire", "lyon"))
                .contains("pierre");
    }
}
