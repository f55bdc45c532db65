package io.closedloop.functions.console;

import io.closedloop.config.Responder;
import io.closedloop.ports.Email;
import io.closedloop.text.Html;
import io.closedloop.webui.WebMessages;
import java.util.Map;

/** The sign-in email: the link, what it does, and what to do if it was not asked for. Plain text and HTML. */
final class SignInMail {

    private SignInMail() {}

    static Email compose(String from, Responder person, String link, WebMessages m) {
        String greeting = m.t("signin.mail.greeting", person.name());
        String text = String.join("\n\n", greeting, m.t("signin.mail.body"), link, m.t("signin.mail.ignore"));
        String html = "<!DOCTYPE html><html lang=\"" + m.language() + "\"><body style=\"font-family:Arial,sans-serif;color:#1d2433\">"
                + "<p>" + Html.escape(greeting) + "</p><p>" + Html.escape(m.t("signin.mail.body")) + "</p>"
                + "<p><a href=\"" + Html.escape(link) + "\" style=\"display:inline-block;padding:12px 18px;background:#0b57d0;color:#fff;"
                + "border-radius:8px;text-decoration:none\">" + Html.escape(m.t("signin.mail.button")) + "</a></p>"
                + "<p style=\"color:#5b6475\">" + Html.escape(m.t("signin.mail.ignore")) + "</p></body></html>";
        return new Email(from, person.email(), m.t("signin.mail.subject"), text, html, Map.of("kind", "console-sign-in"));
    }
}
