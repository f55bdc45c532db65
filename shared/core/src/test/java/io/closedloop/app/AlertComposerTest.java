package io.closedloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.links.CaseLinks;
import io.closedloop.ports.Email;
import io.closedloop.sla.SlaEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final LinkKey KEY = new LinkKey("k1", new byte[32], NOW, false);
    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "en", null, true, null);
    private static final Responder LOUIS = new Responder("louis", "Louis Martin", "louis@example.com", "fr-FR", null, true, null);
    private static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(),
            Map.of("ana", ANA, "louis", LOUIS), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(KEY));

    private final AlertComposer composer = new AlertComposer("closedloop@example.com", "https://cx.example.com/");

    private static Case detractorCase(String name, String comment) {
        Response response = new Response("demo", "r-1", "nps", NOW.minusSeconds(600),
                new Respondent("c1", "mariana@example.com", name, "+55 11 91234-5678", "pt-BR"), new Score(ScoreType.NPS, 3), comment,
                Map.of(), Map.of("country", "BR", "store", "Paulista"), 0);
        return new Case.Builder(response.id().caseId()).version(1).campaignId("nps").response(response).priority(Priority.HIGH)
                .assigneeId("ana").sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, response.submittedAt(), NOW))
                .openedAt(NOW).append(NOW, "system", ActivityType.CASE_OPENED, Map.of()).build();
    }

    private static Alert newCase(String recipient) {
        return Alert.pending(AlertKind.NEW_CASE, "detractors", recipient, NOW);
    }

    @Test
    void compose_newCase_carriesScoreCommentCustomerDeadlineAndAPersonalLink() {
        Case c = detractorCase("Mariana Costa", "Late delivery");

        Email email = composer.compose(c, newCase("ana"), ANA, CONFIG, KEY, NOW);

        assertThat(email.to()).isEqualTo("ana@example.com");
        assertThat(email.from()).isEqualTo("closedloop@example.com");
        assertThat(email.subject()).contains("Detractor").contains("3").contains("Mariana Costa");
        assertThat(email.text()).contains("3 / 10 (NPS)").contains("Late delivery").contains("mariana@example.com")
                .contains("Nov 22, 2026").contains("https://cx.example.com/c/");
        String token = email.text().substring(email.text().indexOf("/c/") + 3).split("\\s")[0];
        assertThat(CaseLinks.verifyLink(CONFIG, token, NOW, 0).claims())
                .satisfies(claims -> {
                    assertThat(claims.caseId()).isEqualTo(c.id());
                    assertThat(claims.recipientId()).isEqualTo("ana");
                });
        assertThat(email.html()).contains("href=\"https://cx.example.com/c/" + token + "\"");
    }

    @Test
    void compose_frenchResponder_getsTheEmailInFrench() {
        Email email = composer.compose(detractorCase("Mariana Costa", "Retard"), newCase("louis"), LOUIS, CONFIG, KEY, NOW);

        assertThat(email.subject()).contains("Détracteur").contains("à traiter avant le");
        assertThat(email.text()).contains("Commentaire").contains("Ouvrir le dossier");
        assertThat(email.html()).contains("lang=\"fr\"");
    }

    @Test
    void compose_customerTextWithMarkup_isEscapedInHtmlAndPlainInText() {
        String script = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";

        Email email = composer.compose(detractorCase("<b>Eve</b>", script), newCase("ana"), ANA, CONFIG, KEY, NOW);

        assertThat(email.html()).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>Eve")
                .contains("&lt;script&gt;").contains("&lt;b&gt;Eve&lt;/b&gt;");
        assertThat(email.text()).contains(script);
    }

    @Test
    void compose_customerNameWithLineBreaks_staysOnOneSubjectLine() {
        Email email = composer.compose(detractorCase("Eve\r\nBcc: victim@example.com\u2028X", "x"), newCase("ana"), ANA, CONFIG, KEY, NOW);

        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u2028").contains("Eve");
    }

    @Test
    void compose_escalation_saysSinceWhenTheCaseIsOverdue() {
        Case c = detractorCase("Mariana Costa", "x");
        Case breached = c.toBuilder().sla(SlaEngine.due(c.sla(), SlaEngine.DEFAULT_POLICY, NOW.plusSeconds(49 * 3600)).clock()).build();

        Email email = composer.compose(breached, Alert.pending(AlertKind.ESCALATION, "0", "ana", NOW), ANA, CONFIG, KEY, NOW);

        assertThat(email.subject()).startsWith("Escalation: case overdue since");
    }
}
