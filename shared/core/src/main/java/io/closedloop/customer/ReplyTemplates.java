package io.closedloop.customer;

import io.closedloop.app.AlertComposer;
import io.closedloop.cases.Case;
import io.closedloop.config.Campaign;
import io.closedloop.config.Campaign.ReplyTemplate;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.text.Messages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replies a responder can start from when writing to the customer of a case (docs/customer-loop.md): the case's
 * campaign's templates, those in the customer's language first, filled with {@code {firstName}}, {@code {company}} and
 * {@code {owner}} (the case's assignee). The filled text lands in the form, where the responder reads and edits it
 * before sending: nothing is sent from a template directly.
 */
public final class ReplyTemplates {

    /** A template filled for one case. */
    public record Filled(String subject, String message) {}

    private static final int NAME_PART = 60;

    private ReplyTemplates() {}

    /** The campaign's templates for this case, the customer's language first, then by name. */
    public static List<ReplyTemplate> offered(Case c, Configuration config) {
        String language = languageOf(c, config);
        return campaign(c, config).map(Campaign::replyTemplates).orElse(List.of()).stream()
                .sorted(Comparator.comparing((ReplyTemplate t) -> !t.locale().equals(language)).thenComparing(ReplyTemplate::name))
                .toList();
    }

    /** The template {@code templateId} of the case's campaign, filled in; empty when the campaign has no such template. */
    public static Optional<Filled> fill(Case c, String templateId, Configuration config) {
        Optional<Campaign> campaign = campaign(c, config);
        Optional<ReplyTemplate> template = campaign.flatMap(k -> k.replyTemplates().stream().filter(t -> t.id().equals(templateId)).findFirst());
        if (template.isEmpty()) {
            return Optional.empty();
        }
        Messages m = Messages.of(template.get().locale());
        Map<String, String> values = new LinkedHashMap<>();
        String firstName = CheckIns.firstName(c.response().respondent());
        values.put("firstName", firstName == null ? "" : AlertComposer.singleLine(firstName, NAME_PART));
        values.put("company", campaign.get().company() == null ? "" : campaign.get().company());
        values.put("owner", config.responder(c.assigneeId()).map(Responder::name).map(n -> AlertComposer.singleLine(n, NAME_PART))
                .orElse(m.t("ack.ownerUnknown")));
        return Optional.of(new Filled(AlertComposer.singleLine(CustomerMail.fill(template.get().subject(), values), 150),
                CustomerMail.fill(template.get().body(), values)));
    }

    private static String languageOf(Case c, Configuration config) {
        String fallback = campaign(c, config).map(Campaign::acknowledgement).map(a -> a.defaultLocale()).orElse("en");
        return CustomerMail.language(c.response().respondent().locale(), fallback);
    }

    private static Optional<Campaign> campaign(Case c, Configuration config) {
        return Optional.ofNullable(config.campaigns().get(c.campaignId()));
    }
}
