package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.Activity;
import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.webui.CaseView.TimelineEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant AT = Instant.parse("2025-03-04T14:30:00Z");
    private static final WebMessages EN = WebMessages.of("en");
    private static final WebMessages FR = WebMessages.of("fr");
    private static final DateTimeFormatter DATES = CaseViews.dates(EN, ZoneOffset.UTC);
    private static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(),
            Map.of("ana", new Responder("ana", "Ana Souza", "ana@example.com", "en", null, true, null),
                    "dora", new Responder("dora", "Dora Lead", "dora@example.com", "en", null, true, null)),
            Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    private static TimelineEntry entry(WebMessages m, String actor, ActivityType type, Map<String, String> details) {
        Case c = new Case.Builder("c1").build();
        return Timeline.entry(c, new Activity(1, AT, actor, type, details), CONFIG, m, DATES);
    }

    @Test
    void entry_reassignment_namesBothPeople() {
        TimelineEntry e = entry(EN, "responder:ana", ActivityType.CASE_ASSIGNED,
                Map.of("from", "ana", "fromName", "Ana Souza", "to", "bruno", "toName", "Bruno Lima"));

        assertThat(e.who()).isEqualTo("Ana Souza");
        assertThat(e.what()).isEqualTo("Reassigned from Ana Souza to Bruno Lima");
        assertThat(e.when()).isEqualTo(DATES.format(AT));
    }

    @Test
    void entry_priority_isTranslated() {
        assertThat(entry(FR, "api:k-crm-01", ActivityType.PRIORITY_CHANGED, Map.of("from", "HIGH", "to", "URGENT")))
                .satisfies(e -> {
                    assertThat(e.who()).isEqualTo("Intégration (k-crm-01)");
                    assertThat(e.what()).isEqualTo("Priorité changée de Haute à Urgente");
                });
    }

    @Test
    void entry_rootCauseChange_showsCategoryAndBefore() {
        TimelineEntry e = entry(EN, "responder:ana", ActivityType.ROOT_CAUSE_SET, Map.of("from", "damaged-parcel",
                "fromName", "Damaged parcel", "to", "late-delivery", "toName", "Late delivery", "categoryId", "delivery", "categoryName", "Delivery"));

        assertThat(e.what()).isEqualTo("Root cause: Delivery › Late delivery");
        assertThat(e.lines()).containsExactly("Before: Damaged parcel");
    }

    @Test
    void entry_systemEntries_readInWords() {
        assertThat(entry(EN, "system", ActivityType.ALERT_SENT, Map.of("alert", "NEW_CASE", "recipientId", "ana", "reason", "assigned")).what())
                .isEqualTo("Email sent to Ana Souza");
        assertThat(entry(EN, "system", ActivityType.SLA_BREACHED, Map.of("target", "first-response", "cycle", "0")).what())
                .isEqualTo("First response target missed");
        assertThat(entry(EN, "system", ActivityType.ESCALATED, Map.of("target", "first-response", "level", "0", "to", "TEAM_LEAD",
                "recipientId", "dora")).what()).isEqualTo("Escalated (level 1) to Dora Lead");
        assertThat(entry(EN, "system", ActivityType.SLA_REMINDER, Map.of("target", "resolution", "dueAt", "2025-03-05T09:00:00Z")).what())
                .isEqualTo("Reminder: Resolution due " + DATES.format(Instant.parse("2025-03-05T09:00:00Z")));
        assertThat(entry(EN, "system", ActivityType.ALERT_FAILED, Map.of("recipientId", "gone", "retryAt", "not-a-time")).lines())
                .containsExactly("Next attempt: not-a-time");
    }

    @Test
    void entry_actionThatMovedTheCase_listsCommentCompletionAndStatusChange() {
        TimelineEntry e = entry(EN, "responder:ana", ActivityType.ACTION_TAKEN, Map.of("actionId", "call", "actionName", "Call the customer",
                "statusId", "found", "statusName", "Response – solution found", "closesAction", "true", "closesPlan", "false",
                "comment", "Replaced the order.", "statusFrom", "OPEN", "statusTo", "IN_PROGRESS"));

        assertThat(e.what()).isEqualTo("Call the customer: Response – solution found");
        assertThat(e.lines()).containsExactly("Replaced the order.", "Action completed", "Status: Open → In progress");
    }

    @Test
    void entries_newestFirst() {
        Case c = new Case.Builder("c1")
                .append(AT, "system", ActivityType.CASE_OPENED, Map.of())
                .append(AT.plusSeconds(60), "responder:ana", ActivityType.NOTE_ADDED, Map.of("text", "Called."))
                .build();

        assertThat(Timeline.entries(c, CONFIG, EN, DATES)).extracting(TimelineEntry::what).containsExactly("Note", "Case opened");
    }
}
