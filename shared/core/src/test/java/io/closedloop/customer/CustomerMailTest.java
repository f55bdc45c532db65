package io.closedloop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand.EmailCustomer;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CaseStatus;
import io.closedloop.cases.CommandResult;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.Acknowledgement;
import io.closedloop.config.Acknowledgement.MailTemplate;
import io.closedloop.config.Campaign;
import io.closedloop.config.CheckInPolicy;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.domain.Category;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.links.OptOutLinks;
import io.closedloop.ports.Email;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The acknowledgement, a responder's message and the opt-out link: what is queued, and what the customer receives. */
class CustomerMailTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "en", "support", true, null);
    private static final LinkKey KEY = new LinkKey("k1", new byte[32], T0, false);
    private static final CustomerMail MAIL = new CustomerMail("Closedloop <cx@example.com>", "https://cx.example.com");

    private static Configuration config(Acknowledgement ack) {
        return new Configuration(Map.of(), Map.of("nps", new Campaign("nps", "NPS Brasil", SeedPlans.RESOLUTION_FOR_DETRACTORS, null, null,
                CheckInPolicy.NEVER, ack)), List.of(), Map.of("ana", ANA), Map.of(), List.of(SeedPlans.resolutionForDetractors()), Map.of(),
                Map.of(), Map.of(), Map.of(), List.of(KEY));
    }

    private static Response response(int score, String email, String name, String locale) {
        return new Response("src", "r-" + score, "nps", T0, new Respondent("cust-1", email, name, null, locale), new Score(ScoreType.NPS, score),
                "Late again", Map.of(), Map.of(), 0);
    }

    private static Case opened(Response response, Configuration config) {
        Case c = new Case.Builder("c-1").version(1).campaignId("nps").response(response).status(CaseStatus.OPEN).assigneeId("ana").openedAt(T0).build();
        return Acknowledgements.atOpening(c, config, T0);
    }

    @Test
    void atOpening_queuesOneAcknowledgement_afterTheCategorysDelay_onlyWhenTheCampaignAsksAndThereIsAnAddress() {
        Configuration detractorsOnly = config(new Acknowledgement(30, null, 0, null, "en", List.of()));

        Alert ack = opened(response(3, "lea@example.com", "Léa", "fr"), detractorsOnly).alerts().get(Acknowledgements.KEY);
        assertThat(ack.kind()).isEqualTo(AlertKind.ACKNOWLEDGEMENT);
        assertThat(ack.recipientId()).isEqualTo(CheckIns.CUSTOMER);
        assertThat(ack.notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(opened(response(10, "lea@example.com", "Léa", "fr"), detractorsOnly).alerts().get(Acknowledgements.KEY).notBefore())
                .as("promoters at once").isEqualTo(T0);
        assertThat(opened(response(8, "lea@example.com", "Léa", "fr"), detractorsOnly).alerts()).as("passives: none").isEmpty();
        assertThat(opened(response(3, null, "Léa", "fr"), detractorsOnly).alerts()).as("no address").isEmpty();
        assertThat(opened(response(3, "lea@example.com", "Léa", "fr"), config(null)).alerts()).as("campaign does not acknowledge").isEmpty();
        Case twice = Acknowledgements.atOpening(opened(response(3, "lea@example.com", "Léa", "fr"), detractorsOnly), detractorsOnly, T0.plusSeconds(9));
        assertThat(twice.alerts().get(Acknowledgements.KEY).notBefore()).as("one per response").isEqualTo(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void acknowledgement_usesTheBuiltInWordingInTheRespondentsLanguage_withTheOwnerAndCompany_andAnOptOut() {
        Configuration config = config(new Acknowledgement(0, null, null, "Loja Azul", "en", List.of()));
        Case c = opened(response(3, "lea@example.com", "Léa Martin", "fr-CA"), config);

        Email email = MAIL.compose(c, c.alerts().get(Acknowledgements.KEY), config, KEY, T0);

        assertThat(email.to()).isEqualTo("lea@example.com");
        assertThat(email.subject()).isEqualTo("Nous avons lu votre avis");
        assertThat(email.text()).startsWith("Bonjour Léa,").contains("Ana Souza s'en occupe").contains("L'équipe Loja Azul");
        assertThat(email.replyTo()).isNull();
        String optOut = email.headers().get(CustomerMail.LIST_UNSUBSCRIBE);
        assertThat(optOut).startsWith("<https://cx.example.com/u/").endsWith(">");
        assertThat(email.headers()).containsEntry(CustomerMail.LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
        String token = optOut.substring(optOut.lastIndexOf('/') + 1, optOut.length() - 1);
        assertThat(OptOutLinks.verify(config, token, T0)).contains(Addresses.hash("LEA@example.com "));
        assertThat(email.html()).contains("href=\"" + optOut.substring(1, optOut.length() - 1) + "\"");
    }

    @Test
    void acknowledgement_campaignTemplate_fillsPlaceholders_escapesInHtml_andFallsBackToTheCampaignsLanguage() {
        Configuration config = config(new Acknowledgement(0, 0, 0, "Loja <Azul>", "fr", List.of(
                new MailTemplate("fr", null, "Merci {firstName} !", "Bonjour {firstName},\n\n{owner} vous rappelle.\n— {company}"),
                new MailTemplate("fr", Category.PROMOTER, "Merci infiniment", "Vous êtes formidable, {firstName}."))));

        Email detractor = MAIL.compose(opened(response(2, "joao@example.com", "<b>João</b> Silva", "pt-BR"), config),
                Alert.pending(AlertKind.ACKNOWLEDGEMENT, "response", CheckIns.CUSTOMER, T0), config, KEY, T0);
        Email promoter = MAIL.compose(opened(response(10, "joao@example.com", "João", "pt-BR"), config),
                Alert.pending(AlertKind.ACKNOWLEDGEMENT, "response", CheckIns.CUSTOMER, T0), config, KEY, T0);
        Email anonymous = MAIL.compose(opened(response(2, "joao@example.com", null, "fr"), config),
                Alert.pending(AlertKind.ACKNOWLEDGEMENT, "response", CheckIns.CUSTOMER, T0), config, KEY, T0);

        assertThat(detractor.subject()).isEqualTo("Merci <b>João</b> !");
        assertThat(detractor.text()).startsWith("Bonjour <b>João</b>,\n\nAna Souza vous rappelle.\n— Loja <Azul>");
        assertThat(detractor.html()).contains("&lt;b&gt;João&lt;/b&gt;").contains("Loja &lt;Azul&gt;").doesNotContain("<b>João");
        assertThat(promoter.subject()).as("the category's own wording first").isEqualTo("Merci infiniment");
        assertThat(anonymous.text()).as("no name: no dangling space").startsWith("Bonjour,");
    }

    @Test
    void writeToTheCustomer_keepsTheMessage_queuesItOnce_replacesTheWaitingAcknowledgement_andCountsAsAResponse() {
        Configuration config = config(new Acknowledgement(30, null, null, null, "en", List.of()));
        Case c = opened(response(3, "lea@example.com", "Léa", "fr"), config);

        Case written = ((CommandResult.Applied) CustomerMessages.write(c, Actor.of(ANA), new EmailCustomer(" About  your order ", "  Sorry.\nA refund is on its way. "),
                T0.plusSeconds(60))).updated();

        assertThat(written.alerts()).doesNotContainKey(Acknowledgements.KEY);
        var entry = written.activities().getLast();
        assertThat(entry.type()).isEqualTo(ActivityType.CUSTOMER_CONTACTED);
        assertThat(entry.actor()).isEqualTo("responder:ana");
        assertThat(entry.details()).containsEntry(CustomerMessages.SUBJECT, "About your order")
                .containsEntry(CustomerMessages.MESSAGE, "Sorry.\nA refund is on its way.")
                .containsEntry(CustomerMessages.REPLACED_ACKNOWLEDGEMENT, "true");
        assertThat(written.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(written.firstResponseAt()).isEqualTo(T0.plusSeconds(60));
        Alert message = written.alerts().values().stream().filter(a -> a.kind() == AlertKind.CUSTOMER_MESSAGE).findFirst().orElseThrow();
        assertThat(message.state()).isEqualTo(AlertState.PENDING);

        Email email = MAIL.compose(written, message, config, KEY, T0.plusSeconds(61));
        assertThat(email.subject()).isEqualTo("About your order");
        assertThat(email.replyTo()).isEqualTo("ana@example.com");
        assertThat(email.text()).startsWith("Sorry.\nA refund is on its way.").contains("Vous pouvez répondre directement à cet e-mail.");
        assertThat(email.html()).contains("<p>Sorry.<br>A refund is on its way.");
    }

    @Test
    void writeToTheCustomer_refusesWhatCannotBeSent() {
        Configuration config = config(null);
        Case c = opened(response(3, "lea@example.com", "Léa", "fr"), config);
        Case noAddress = opened(response(3, null, "Léa", "fr"), config);

        assertThat(CustomerMessages.write(noAddress, Actor.of(ANA), new EmailCustomer("Hi", "Text"), T0).error())
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(CaseError.NO_CUSTOMER_ADDRESS));
        assertThat(CustomerMessages.write(c, Actor.of(ANA), new EmailCustomer("  ", "Text"), T0).error())
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(CaseError.SUBJECT_REQUIRED));
        assertThat(CustomerMessages.write(c, Actor.of(ANA), new EmailCustomer("Hi", null), T0).error())
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(CaseError.MESSAGE_REQUIRED));
        assertThat(CustomerMessages.write(c, Actor.of(ANA), new EmailCustomer("x".repeat(151), "Text"), T0).error())
                .hasValueSatisfying(e -> assertThat(e.field()).isEqualTo(CustomerMessages.SUBJECT));
        assertThat(CustomerMessages.write(c, Actor.customer(), new EmailCustomer("Hi", "Text"), T0).error())
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(CaseError.NOT_ALLOWED));
        assertThatThrownBy(() -> MAIL.compose(c, Alert.pending(AlertKind.CUSTOMER_MESSAGE, "log-99", CheckIns.CUSTOMER, T0), config, KEY, T0))
                .as("a message alert whose text is not in the log is never sent empty").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optOutLink_refusesOtherPurposesTamperingAndAge() {
        Configuration config = config(null);
        String hash = Addresses.hash("lea@example.com");
        String token = OptOutLinks.token(KEY, hash, T0.plus(OptOutLinks.LIFETIME));

        assertThat(OptOutLinks.verify(config, token, T0)).contains(hash);
        assertThat(OptOutLinks.verify(config, token, T0.plus(OptOutLinks.LIFETIME))).isEmpty();
        assertThat(OptOutLinks.verify(config, token.substring(0, token.length() - 2) + "AA", T0)).isEmpty();
        String checkIn = io.closedloop.links.CheckInLinks.token(KEY, "c-1", "close-1", T0.plusSeconds(60));
        assertThat(OptOutLinks.verify(config, checkIn, T0)).isEmpty();
    }
}
