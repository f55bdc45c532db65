package io.closedloop.functions.web;

import io.closedloop.app.CaseService;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.links.OptOutLinks;
import io.closedloop.log.Log;
import io.closedloop.ports.Suppressions;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.OptOutView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's "no more emails" link, {@code /u/<token>}, in every customer email and its List-Unsubscribe header:
 * the GET shows one button and changes nothing (mail scanners follow links); a POST with a valid token puts the
 * address on the suppression list. The POST is not checked for a same-site origin: RFC 8058's one-click POST comes
 * from the mail provider's servers, the token is the capability, and its only effect is the one the customer asked.
 */
final class OptOutPages {

    private final CaseService service;
    private final Suppressions suppressions;

    OptOutPages(CaseService service, Suppressions suppressions) {
        this.service = service;
        this.suppressions = suppressions;
    }

    HttpResponse show(HttpRequest request) {
        WebMessages m = language(request);
        if (addressOf(request).isEmpty()) {
            return Pages.message(404, MessageView.of(m, "optout.invalid"));
        }
        return Pages.optOut(200, new OptOutView(m, request.rawPath()));
    }

    HttpResponse apply(HttpRequest request) {
        WebMessages m = language(request);
        Optional<String> address = addressOf(request);
        if (address.isEmpty()) {
            return Pages.message(404, MessageView.of(m, "optout.invalid"));
        }
        suppressions.suppress(address.get(), Suppressions.Reason.OPTED_OUT, service.now());
        Log.info("customer opted out", Map.of());
        return Pages.message(200, MessageView.of(m, "optout.done"));
    }

    private Optional<String> addressOf(HttpRequest request) {
        return OptOutLinks.verify(service.configuration(), request.pathParameter("token"), service.now());
    }

    private static WebMessages language(HttpRequest request) {
        return WebMessages.choose(null, request.header("accept-language").orElse(null));
    }
}
