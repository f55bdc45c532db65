package io.closedloop.functions.web;

import io.closedloop.app.CaseService;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand.AnswerCheckIn;
import io.closedloop.cases.CaseError;
import io.closedloop.cases.CaseStatus;
import io.closedloop.customer.CheckIns;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.links.CheckInLinks;
import io.closedloop.log.Log;
import io.closedloop.webui.CasePage;
import io.closedloop.webui.CheckInView;
import io.closedloop.webui.CrossSiteCheck;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's check-in link, {@code /k/<token>} (docs/customer-loop.md): the GET shows the question and changes
 * nothing (mail scanners follow links); the POST records the first answer through the case's own command, which
 * reopens the case when the issue is not resolved. The signed token is the only credential, in the customer's
 * language (the response's locale, else the browser's).
 */
final class CheckInPages {

    private final CaseService service;
    private final CrossSiteCheck crossSite;

    CheckInPages(CaseService service, CrossSiteCheck crossSite) {
        this.service = service;
        this.crossSite = crossSite;
    }

    /** A link that verifies, with its case and the words to answer in; or the page saying why not. */
    private sealed interface Opening {}

    private record Opened(CheckInLinks.Claims claims, Case current, WebMessages m) implements Opening {}

    private record Refused(HttpResponse page) implements Opening {}

    private Opening open(HttpRequest request) {
        Instant now = service.now();
        WebMessages browser = WebMessages.choose(null, request.header("accept-language").orElse(null));
        CheckInLinks.Verified verified = CheckInLinks.verify(service.configuration(), request.pathParameter("token"), now);
        if (!verified.valid()) {
            return new Refused(verified.refusal() == CheckInLinks.Refusal.EXPIRED ? Pages.message(410, MessageView.of(browser, "checkin.expired"))
                    : Pages.message(404, MessageView.of(browser, "checkin.invalid")));
        }
        Optional<Case> found = service.find(verified.claims().caseId());
        if (found.isEmpty() || !CheckIns.sent(found.get(), verified.claims().closing())) {
            return new Refused(Pages.message(404, MessageView.of(browser, "checkin.invalid")));
        }
        String locale = found.get().response().respondent().locale();
        WebMessages m = locale == null ? browser : WebMessages.of(locale);
        if (CheckIns.answered(found.get(), verified.claims().closing())) {
            return new Refused(Pages.message(200, MessageView.of(m, "checkin.answered")));
        }
        return new Opened(verified.claims(), found.get(), m);
    }

    HttpResponse show(HttpRequest request) {
        return switch (open(request)) {
            case Opened opened -> Pages.checkIn(200, view(request, opened, null));
            case Refused refused -> refused.page();
        };
    }

    HttpResponse answer(HttpRequest request) {
        WebMessages browser = WebMessages.choose(null, request.header("accept-language").orElse(null));
        if (crossSite.refuses(request)) {
            return Pages.message(403, MessageView.of(browser, "request.crossSite"));
        }
        if (!request.mediaType().equals(CasePage.FORM_MEDIA_TYPE) || request.body().length > FormBody.MAX_BYTES) {
            return Pages.message(415, MessageView.of(browser, "request.unsupported"));
        }
        Opening opening = open(request);
        if (!(opening instanceof Opened opened)) {
            return ((Refused) opening).page();
        }
        FormBody form;
        try {
            form = FormBody.parse(request.body());
        } catch (FormBody.MalformedFormException malformed) {
            return Pages.checkIn(400, view(request, opened, opened.m().t("checkin.bad")));
        }
        Optional<String> resolved = form.field("resolved");
        if (resolved.isEmpty() || !(resolved.get().equals("yes") || resolved.get().equals("no"))) {
            return Pages.checkIn(422, view(request, opened, opened.m().t("checkin.missing")));
        }
        Integer rescore;
        try {
            rescore = form.field("rescore").filter(v -> !v.isEmpty()).map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException unreadable) {
            return Pages.checkIn(422, view(request, opened, opened.m().t("checkin.bad")));
        }
        AnswerCheckIn command = new AnswerCheckIn(opened.claims().closing(), resolved.get().equals("yes"), rescore, form.field("comment").orElse(null));
        WebMessages m = opened.m();
        return switch (service.execute(opened.current().id(), null, command, Actor.customer())) {
            case CaseService.Outcome.Applied applied -> {
                boolean reopened = opened.current().isClosed() && applied.updated().status() != CaseStatus.CLOSED;
                Log.info("check-in answered", Map.of("caseId", applied.updated().id(), "resolved", command.resolved(), "reopened", reopened));
                yield Pages.message(200, MessageView.of(m, reopened ? "checkin.reopened" : command.resolved() ? "checkin.thanks" : "checkin.recorded"));
            }
            case CaseService.Outcome.Rejected rejected when rejected.error().code().equals(CaseError.CHECK_IN_ANSWERED) ->
                    Pages.message(200, MessageView.of(m, "checkin.answered"));
            case CaseService.Outcome.Rejected rejected -> Pages.checkIn(rejected.error().httpStatus(), view(request, opened, m.t("checkin.bad")));
            case CaseService.Outcome.Conflict conflict -> Pages.checkIn(409, view(request, opened, m.t("checkin.bad")));
            case CaseService.Outcome.NotFound notFound -> Pages.message(404, MessageView.of(m, "checkin.invalid"));
        };
    }

    private static CheckInView view(HttpRequest request, Opened opened, String error) {
        return new CheckInView(opened.m(), request.rawPath(), CheckIns.firstName(opened.current().response().respondent()), error);
    }
}
