package io.closedloop.customer;

import io.closedloop.app.AlertComposer;
import io.closedloop.cases.Alert;
import io.closedloop.cases.Case;
import io.closedloop.config.LinkKey;
import io.closedloop.domain.Respondent;
import io.closedloop.links.CheckInLinks;
import io.closedloop.ports.Email;
import io.closedloop.text.Html;
import io.closedloop.text.Messages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * The check-in email to the customer, in their language (the response's locale; English otherwise): a greeting by
 * first name, one question and one signed link, as plain text and as HTML with every customer value escaped.
 */
public final class CheckInMail {

    private final String sender;
    private final String baseUrl;

    /** @param baseUrl the public address, without a trailing slash */
    public CheckInMail(String sender, String baseUrl) {
        this.sender = sender;
        this.baseUrl = baseUrl;
    }

    public Email compose(Case c, Alert alert, LinkKey key, Instant now) {
        Respondent respondent = c.response().respondent();
        Messages m = Messages.of(respondent.locale() == null ? "en" : respondent.locale());
        Instant expires = now.plus(CheckInLinks.LIFETIME);
        String link = baseUrl + "/k/" + CheckInLinks.token(key, c.id(), alert.reason(), expires);
        String firstName = CheckIns.firstName(respondent);
        String greeting = firstName == null ? m.t("checkin.greetingAnonymous") : m.t("checkin.greeting", AlertComposer.singleLine(firstName, 60));
        String linkNote = m.t("checkin.linkNote",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale()).withZone(ZoneOffset.UTC).format(expires));
        String text = greeting + "\n\n" + m.t("checkin.body") + "\n\n" + m.t("checkin.answer") + ": " + link + "\n\n" + linkNote + "\n\n"
                + m.t("checkin.signature") + "\n";
        String html = "<!doctype html><html lang=\"" + Html.escape(m.locale().getLanguage()) + "\"><body style=\"font-family:system-ui,sans-serif\">"
                + "<p>" + Html.escape(greeting) + "</p><p>" + Html.escape(m.t("checkin.body")) + "</p>"
                + "<p><a href=\"" + Html.escape(link) + "\" style=\"display:inline-block;padding:12px 18px;background:#0b57d0;color:#fff;"
                + "border-radius:8px;text-decoration:none\">" + Html.escape(m.t("checkin.answer")) + "</a></p>"
                + "<p style=\"color:#5b6475\">" + Html.escape(linkNote) + "</p><p>" + Html.escape(m.t("checkin.signature")) + "</p></body></html>";
        return new Email(sender, respondent.email(), m.t("checkin.subject"), text, html, Map.of("kind", alert.kind().name(), "case", c.id()));
    }
}
