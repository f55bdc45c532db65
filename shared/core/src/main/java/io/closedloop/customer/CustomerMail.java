package io.closedloop.customer;

import io.closedloop.app.AlertComposer;
import io.closedloop.cases.Activity;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.config.Acknowledgement;
import io.closedloop.config.Acknowledgement.MailTemplate;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.domain.Category;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.links.OptOutLinks;
import io.closedloop.ports.Email;
import io.closedloop.text.Html;
import io.closedloop.text.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every email to the customer: the check-in ({@link CheckInMail}), the acknowledgement (the campaign's template for
 * the language and category, or the built-in wording) and a responder's message (Reply-To the responder). Each has a
 * plain-text and an HTML part with every value escaped, a one-click opt-out link in the body and in the
 * {@code List-Unsubscribe} headers (RFC 8058), and a fixed or admin-written subject: customer text never reaches a
 * header except as a cleaned single line.
 */
public final class CustomerMail {

    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+([,.])");
    private static final int NAME_PART = 60;
    /** How the log names a responder ({@code Actor.ResponderActor#id}). */
    private static final String RESPONDER_ACTOR = "responder:";

    private final String sender;
    private final String baseUrl;
    private final CheckInMail checkIns;

    /** @param baseUrl the public address, without a trailing slash */
    public CustomerMail(String sender, String baseUrl) {
        this.sender = sender;
        this.baseUrl = baseUrl;
        this.checkIns = new CheckInMail(sender, baseUrl);
    }

    /** @throws IllegalArgumentException when the alert is not one to the customer, or its message is gone */
    public Email compose(Case c, Alert alert, Configuration config, LinkKey key, Instant now) {
        Respondent respondent = c.response().respondent();
        String optOut = optOutLink(respondent, key, now);
        Map<String, String> headers = unsubscribeHeaders(optOut);
        Map<String, String> tags = Map.of("kind", alert.kind().name(), "case", c.id());
        return switch (alert.kind()) {
            case CHECK_IN -> {
                Email checkIn = checkIns.compose(c, alert, key, now);
                Messages m = Messages.of(respondent.locale());
                yield new Email(sender, respondent.email(), checkIn.subject(), checkIn.text() + footerText(m, optOut),
                        checkIn.html().replace("</body>", footerHtml(m, optOut) + "</body>"), tags, null, headers);
            }
            case ACKNOWLEDGEMENT -> acknowledgement(c.response(), config.responder(c.assigneeId()).map(Responder::name), config, optOut, headers, tags);
            case CUSTOMER_MESSAGE -> message(c, alert, config, optOut, headers, tags);
            default -> throw new IllegalArgumentException(alert.kind() + " goes to staff: AlertComposer");
        };
    }

    /** The acknowledgement of a response that opened no case: no owner yet, so {@code {owner}} reads "someone from our team". */
    public Email acknowledgement(Response response, String acknowledgementId, Configuration config, LinkKey key, Instant now) {
        String optOut = optOutLink(response.respondent(), key, now);
        return acknowledgement(response, Optional.empty(), config, optOut, unsubscribeHeaders(optOut),
                Map.of("kind", AlertKind.ACKNOWLEDGEMENT.name(), "ack", acknowledgementId));
    }

    private Email acknowledgement(Response response, Optional<String> owner, Configuration config, String optOut, Map<String, String> headers,
            Map<String, String> tags) {
        Respondent respondent = response.respondent();
        Optional<Campaign> campaign = Optional.ofNullable(config.campaigns().get(response.campaignId()));
        Optional<Acknowledgement> settings = campaign.map(Campaign::acknowledgement);
        String language = language(respondent.locale(), settings.map(Acknowledgement::defaultLocale).orElse("en"));
        Messages m = Messages.of(language);
        Category category = response.score() == null ? Category.DETRACTOR : Category.of(response.score());
        Optional<MailTemplate> template = settings.flatMap(a -> a.template(language, category));
        String subjectPattern = template.map(MailTemplate::subject).orElse(m.t("ack.subject." + category.name()));
        String bodyPattern = template.map(MailTemplate::body)
                .orElse(m.t("ack.greeting") + "\n\n" + m.t("ack.body." + category.name()) + "\n\n" + m.t("ack.signature"));
        Map<String, String> values = new LinkedHashMap<>();
        String firstName = CheckIns.firstName(respondent);
        values.put("firstName", firstName == null ? "" : AlertComposer.singleLine(firstName, NAME_PART));
        values.put("company", campaign.map(Campaign::company).orElse(""));
        values.put("owner", owner.map(n -> AlertComposer.singleLine(n, NAME_PART)).orElse(m.t("ack.ownerUnknown")));
        String subject = AlertComposer.singleLine(fill(subjectPattern, values), 200);
        String body = fill(bodyPattern, values);
        return new Email(sender, respondent.email(), subject, body + "\n" + footerText(m, optOut),
                html(m, body, optOut), tags, null, headers);
    }

    private Email message(Case c, Alert alert, Configuration config, String optOut, Map<String, String> headers, Map<String, String> tags) {
        Activity entry = CustomerMessages.entryOf(c, alert)
                .orElseThrow(() -> new IllegalArgumentException("the message of " + alert.reason() + " is not in the log"));
        Respondent respondent = c.response().respondent();
        Messages m = Messages.of(respondent.locale());
        String replyTo = Optional.ofNullable(entry.actor()).filter(a -> a.startsWith(RESPONDER_ACTOR)).map(a -> a.substring(RESPONDER_ACTOR.length()))
                .flatMap(config::responder).map(Responder::email).filter(e -> !e.isBlank()).orElse(null);
        String body = entry.details().get(CustomerMessages.MESSAGE);
        String subject = AlertComposer.singleLine(entry.details().get(CustomerMessages.SUBJECT), 200);
        String note = replyTo == null ? "" : "\n\n" + m.t("message.replyNote");
        return new Email(sender, respondent.email(), subject, body + note + "\n" + footerText(m, optOut),
                html(m, body + note, optOut), tags, replyTo, headers);
    }

    private String optOutLink(Respondent respondent, LinkKey key, Instant now) {
        return baseUrl + "/u/" + OptOutLinks.token(key, Addresses.hash(respondent.email()), now.plus(OptOutLinks.LIFETIME));
    }

    private static Map<String, String> unsubscribeHeaders(String optOut) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIST_UNSUBSCRIBE, "<" + optOut + ">");
        headers.put(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
        return headers;
    }

    /** The respondent's language when it is one we write (EN, FR), else the campaign's. */
    static String language(String respondentLocale, String fallback) {
        if (respondentLocale != null) {
            String language = Locale.forLanguageTag(respondentLocale).getLanguage();
            if (language.equals("en") || language.equals("fr")) {
                return language;
            }
        }
        return fallback;
    }

    /** Fills {@code {name}} placeholders; a missing first name leaves "Hello," rather than "Hello ,". */
    static String fill(String pattern, Map<String, String> values) {
        String out = pattern;
        for (var value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}", value.getValue());
        }
        return SPACE_BEFORE_PUNCTUATION.matcher(out).replaceAll("$1");
    }

    private static String html(Messages m, String body, String optOut) {
        StringBuilder html = new StringBuilder(body.length() * 2 + 512);
        html.append("<!doctype html><html lang=\"").append(Html.escape(m.language())).append("\"><body style=\"font-family:system-ui,sans-serif\">");
        for (String paragraph : body.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(String.join("<br>", Html.escape(paragraph.strip()).split("\\R"))).append("</p>");
        }
        return html.append(footerHtml(m, optOut)).append("</body></html>").toString();
    }

    private static String footerText(Messages m, String optOut) {
        return "\n--\n" + m.t("optout.footer") + " " + optOut + "\n";
    }

    private static String footerHtml(Messages m, String optOut) {
        return "<p style=\"color:#5b6475;font-size:13px\">" + Html.escape(m.t("optout.footer")) + " <a href=\"" + Html.escape(optOut)
                + "\" style=\"color:#5b6475\">" + Html.escape(m.t("optout.link")) + "</a></p>";
    }

}
