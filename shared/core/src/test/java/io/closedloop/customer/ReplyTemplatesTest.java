package io.closedloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.admin.ConfigValidator;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.Acknowledgement;
import io.closedloop.config.Campaign;
import io.closedloop.config.Campaign.ReplyTemplate;
import io.closedloop.config.CheckInPolicy;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTemplatesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "en", "support", true, null);
    private static final ReplyTemplate LATE_EN = new ReplyTemplate("late-delivery", "Late delivery", "en", "About your order, {firstName}",
            "Hello {firstName},\n\nI am sorry your order was late. I am {owner} from {company}.");
    private static final ReplyTemplate LATE_FR = new ReplyTemplate("retard", "Retard de livraison", "fr", "Votre commande",
            "Bonjour {firstName},\n\nJe suis {owner}, de {company}.");
    private static final ReplyTemplate APOLOGY = new ReplyTemplate("apology", "Apology", "en", "Sorry", "Sorry, {firstName}.");

    private static Configuration config(List<ReplyTemplate> templates) {
        Campaign campaign = new Campaign("nps", "NPS Brasil", SeedPlans.RESOLUTION_FOR_DETRACTORS, null, null, CheckInPolicy.NEVER,
                new Acknowledgement(30, null, null, "Loja Azul", "en", List.of()), templates);
        return new Configuration(Map.of(), Map.of("nps", campaign), List.of(), Map.of("ana", ANA), Map.of(),
                List.of(SeedPlans.resolutionForDetractors()), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
    }

    private static Case caseOf(String name, String locale) {
        Response response = new Response("src", "r-1", "nps", T0, new Respondent("cust-1", "lea@example.com", name, null, locale),
                new Score(ScoreType.NPS, 3), "Late", Map.of(), Map.of(), 0);
        return new Case.Builder("c-1").version(1).campaignId("nps").response(response).status(CaseStatus.OPEN).assigneeId("ana")
                .openedAt(T0).build();
    }

    @Test
    void offered_putsTheCustomersLanguageFirst_thenByName() {
        Configuration config = config(List.of(LATE_EN, LATE_FR, APOLOGY));

        assertThat(ReplyTemplates.offered(caseOf("Léa Martin", "fr-CA"), config)).extracting(ReplyTemplate::id)
                .containsExactly("retard", "apology", "late-delivery");
        assertThat(ReplyTemplates.offered(caseOf("Léa Martin", "pt-BR"), config)).as("neither: the campaign's language")
                .extracting(ReplyTemplate::id).containsExactly("apology", "late-delivery", "retard");
    }

    @Test
    void fill_putsInTheFirstNameTheOwnerAndTheCompany_andAnUnknownTemplateFillsNothing() {
        Configuration config = config(List.of(LATE_EN));

        assertThat(ReplyTemplates.fill(caseOf("Léa Martin", "en"), "late-delivery", config)).contains(new ReplyTemplates.Filled(
                "About your order, Léa", "Hello Léa,\n\nI am sorry your order was late. I am Ana Souza from Loja Azul."));
        assertThat(ReplyTemplates.fill(caseOf("Léa Martin", "en"), "retard", config)).isEmpty();
    }

    @Test
    void fill_aHostileNameStaysOnOneLineInTheSubject() {
        ReplyTemplates.Filled filled = ReplyTemplates.fill(caseOf("Léa\r\nBcc: x@evil.example", "en"), "late-delivery",
                config(List.of(LATE_EN))).orElseThrow();

        assertThat(filled.subject()).doesNotContain("\r", "\n");
    }

    @Test
    void validator_checksIdsNamesLanguagesAndPlaceholders() {
        List<ReplyTemplate> bad = List.of(new ReplyTemplate("Late Delivery", "Late", "en", "Hi", "Hello {name}"),
                new ReplyTemplate("apology", " ", "de", " ", " "), new ReplyTemplate("apology", "Again", "en", "Hi", "Text"));

        assertThat(ConfigValidator.campaign(config(bad).campaigns().get("nps"), config(bad))).extracting(FieldError::field)
                .containsExactlyInAnyOrder("replyTemplates[0].id", "replyTemplates[0].body", "replyTemplates[1].name",
                        "replyTemplates[1].locale", "replyTemplates[1].subject", "replyTemplates[1].body", "replyTemplates[2].id");
        Configuration fine = config(List.of(LATE_EN, LATE_FR, APOLOGY));
        assertThat(ConfigValidator.campaign(fine.campaigns().get("nps"), fine)).isEmpty();
    }
}
