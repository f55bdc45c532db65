package io.closedloop.app;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.closedloop.cases.Alert;
import io.closedloop.cases.Case;
import io.closedloop.customer.CustomerMail;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.links.CaseLinks;
import io.closedloop.ports.Email;
import io.closedloop.sla.TargetWindow;
import io.closedloop.templates.email.JtealertGenerated;
import io.closedloop.text.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the email of one alert: HTML (from a template that escapes customer text) and plain text, in the
 * recipient's language, with a personal, expiring link to the case. Customer text reaches the subject only as a
 * single cleaned line, so it can never add a header.
 */
public final class AlertComposer {

    private final CustomerMail customers;

    private static final int SUBJECT_PART = 60;
    private static final List<String> SHOWN_ATTRIBUTES = List.of("country", "store", "segment", "accountValue", "plan");

    private final String sender;
    private final String baseUrl;

    public AlertComposer(String sender, String baseUrl) {
        this.sender = sender;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.customers = new CustomerMail(this.sender, this.baseUrl);
    }

    /** The email of an alert to the customer (check-in, acknowledgement, a responder's message). */
    public Email composeForCustomer(Case c, Alert alert, Configuration config, LinkKey key, Instant now) {
        return customers.compose(c, alert, config, key, now);
    }

    public Email compose(Case c, Alert alert, Responder recipient, Configuration config, LinkKey key, Instant now) {
        Messages m = Messages.of(recipient.localeOrDefault());
        ZoneId zone = zoneOf(recipient, config);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(m.locale()).withZone(zone);
        Instant expires = now.plus(CaseLinks.LINK_LIFETIME);
        String link = baseUrl + "/c/" + CaseLinks.linkToken(key, c.id(), recipient.id(), c.linkGeneration(), expires);

        Response response = c.response();
        String scoreText = response.score() == null ? "–" : response.score().value() + " / " + response.score().type().max()
                + " (" + response.score().type() + ")";
        String category = response.score() == null ? "" : m.t("category." + response.score().category().name());
        Instant due = deadline(c);
        String deadline = due == null ? "–" : dates.format(due) + " (" + zone.getId() + ")";
        String customer = customer(response.respondent(), m);

        String subject = switch (alert.kind()) {
            case NEW_CASE -> m.t("alert.subject", category.isEmpty() ? m.t("score") : category, scoreText(response), deadline);
            case REMINDER -> m.t("alert.reminder.subject", deadline);
            case ESCALATION -> m.t("alert.escalation.subject", breachedSince(c, dates));
            case CUSTOMER_REOPENED -> m.t("alert.reopened.subject");
            case CHECK_IN, ACKNOWLEDGEMENT, CUSTOMER_MESSAGE -> throw new IllegalArgumentException("goes to the customer: CustomerMail");
        };
        subject = singleLine(subject + " – " + singleLine(customer, SUBJECT_PART), 200);
        String intro = switch (alert.kind()) {
            case NEW_CASE -> m.t("alert.intro");
            case REMINDER -> m.t("alert.reminder.intro");
            case ESCALATION -> m.t("alert.escalation.intro");
            case CUSTOMER_REOPENED -> m.t("alert.reopened.intro");
            case CHECK_IN, ACKNOWLEDGEMENT, CUSTOMER_MESSAGE -> throw new IllegalArgumentException("goes to the customer: CustomerMail");
        };
        List<String> details = new ArrayList<>();
        if (response.respondent().email() != null) {
            details.add(response.respondent().email());
        }
        if (response.respondent().phone() != null) {
            details.add(response.respondent().phone());
        }
        for (String name : SHOWN_ATTRIBUTES) {
            String value = response.attributes().get(name);
            if (value != null) {
                details.add(name + ": " + value);
            }
        }
        details.add(m.t("priority") + ": " + c.priority());
        String linkNote = m.t("alert.linkNote", dates.format(expires));

        AlertView view = new AlertView(m, subject, intro, scoreText, category, response.comment(), customer, details, deadline, link, linkNote);
        StringOutput html = new StringOutput(4096);
        JtealertGenerated.render(new OwaspHtmlTemplateOutput(html), null, view);

        StringBuilder text = new StringBuilder(1024);
        text.append(intro).append("\n\n");
        text.append(m.t("score")).append(": ").append(scoreText).append(' ').append(category).append('\n');
        text.append(m.t("comment")).append(": ").append(response.comment() == null ? m.t("noComment") : response.comment()).append('\n');
        text.append(m.t("customer")).append(": ").append(customer).append('\n');
        details.forEach(d -> text.append(d).append('\n'));
        text.append(m.t("deadline")).append(": ").append(deadline).append("\n\n");
        text.append(m.t("alert.open")).append(": ").append(link).append("\n\n").append(linkNote).append('\n');

        return new Email(sender, recipient.email(), subject, text.toString(), html.toString(),
                Map.of("kind", alert.kind().name(), "case", c.id()));
    }

    private static String scoreText(Response response) {
        return response.score() == null ? "" : Integer.toString(response.score().value());
    }

    /** The deadline the recipient works against: first response while it runs, else resolution. */
    static Instant deadline(Case c) {
        if (c.sla() == null) {
            return null;
        }
        TargetWindow first = c.sla().firstResponse();
        if (first != null && first.running() && first.dueAt() != null) {
            return first.dueAt();
        }
        TargetWindow resolution = c.sla().resolution();
        return resolution == null ? null : resolution.dueAt();
    }

    private static String breachedSince(Case c, DateTimeFormatter dates) {
        Instant anchor = c.sla() == null ? null : c.sla().escalationAnchor();
        return anchor == null ? "–" : dates.format(anchor);
    }

    private static String customer(Respondent respondent, Messages m) {
        if (respondent.name() != null && !respondent.name().isBlank()) {
            return respondent.name();
        }
        if (respondent.email() != null) {
            return respondent.email();
        }
        return m.t("anonymous");
    }

    private static ZoneId zoneOf(Responder recipient, Configuration config) {
        return config.calendar(recipient.calendarId())
                .or(() -> config.team(recipient.teamId()).flatMap(t -> config.calendar(t.calendarId())))
                .map(BusinessCalendar::zone)
                .orElse(ZoneOffset.UTC);
    }

    /** Control characters and line breaks become spaces; long text is cut with an ellipsis. */
    public static String singleLine(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (text.length() > max) {
            out.setLength(max - 1);
            out.append('…');
        }
        return out.toString().trim();
    }
}
