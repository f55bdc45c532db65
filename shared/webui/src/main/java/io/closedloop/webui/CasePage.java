package io.closedloop.webui;

import io.closedloop.app.CaseService.Outcome;
import io.closedloop.app.CaseService;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.http.HttpRequest;
import io.closedloop.http.HttpResponse;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.CaseSummary;
import io.closedloop.webui.CaseView.Notice;
import io.closedloop.customer.ReplyTemplates;
import io.closedloop.webui.CaseViews.Attempt;
import io.closedloop.webui.FormBody.MalformedFormException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The case page's requests, the same for the emailed link and the console (docs/responder-web.md, "Forms and
 * commands"): the page for one viewer, and a form's POST checked in order, after the caller's own session check:
 * not cross-site, a known command, the form media type, the size, strict decoding, the CSRF token, the version,
 * the caller's right to act, then {@link CaseService#execute}. Nothing is written unless every check passes.
 */
public final class CasePage {

    public static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    /** How a function frames its answers: the web function's own pages, or the console's layout and headers. */
    public interface Frame {
        HttpResponse casePage(int status, CaseView view);

        HttpResponse message(int status, MessageView view);

        HttpResponse redirect(String location);
    }

    /** This module's page frame and {@link SecurityHeaders#ALL}: the emailed link's pages. */
    public static final Frame OWN_FRAME = new Frame() {
        @Override
        public HttpResponse casePage(int status, CaseView view) {
            return Pages.casePage(status, view);
        }

        @Override
        public HttpResponse message(int status, MessageView view) {
            return Pages.message(status, view);
        }

        @Override
        public HttpResponse redirect(String location) {
            return Pages.redirect(location);
        }
    };

    /**
     * Who looks at the case.
     *
     * @param csrf the session's anti-forgery token the forms carry; null when no form is offered
     * @param back where a change leads back to, with {@code &done=<command>} appended: an address with a query that the
     *     caller has checked is its own (the console's list beside the case); null for the case page
     * @param refusal why this person may not act on this case, in their language; null when they may (the domain
     *     still checks the right to respond)
     */
    public record Viewer(Responder person, WebMessages m, String csrf, String refusal, String back) {

        /** A viewer whose forms come back to the case page. */
        public Viewer(Responder person, WebMessages m, String csrf, String refusal) {
            this(person, m, csrf, refusal, null);
        }

        public boolean mayAct() {
            return refusal == null;
        }
    }

    private final CaseService service;
    private final CaseStore cases;
    private final CasePaths paths;
    private final CrossSiteCheck crossSite;
    private final Frame frame;

    /** @param cases where the customer's other cases are listed from */
    public CasePage(CaseService service, CaseStore cases, CasePaths paths, CrossSiteCheck crossSite, Frame frame) {
        this.service = service;
        this.cases = cases;
        this.paths = paths;
        this.crossSite = crossSite;
        this.frame = frame;
    }

    public CasePaths paths() {
        return paths;
    }

    /**
     * {@code GET}: the page, with the "saved" notice after a Post/Redirect/Get ({@code ?done=<command>}), or with
     * "Write to the customer" filled from a reply template ({@code ?reply=<templateId>}; an unknown one fills nothing).
     * Either way a GET changes nothing.
     */
    public HttpResponse show(HttpRequest request, Case current, Viewer viewer, Configuration config, Instant now) {
        WebMessages m = viewer.m();
        Notice notice = request.query("done").flatMap(CommandForm::of)
                .map(done -> new Notice("success", m.t("done." + done.path())))
                .orElse(null);
        Attempt reply = request.query("reply").flatMap(id -> ReplyTemplates.fill(current, id, config)
                .map(filled -> new Attempt(CommandForm.EMAIL, new FormBody(Map.of("reply", id, "subject", filled.subject(),
                        "message", filled.message())), null)))
                .orElse(null);
        return page(200, current, viewer, config, now, notice, reply);
    }

    /**
     * {@code POST .../{command}} for the case {@code caseId}, once the caller has checked the session.
     *
     * @param csrfValid whether a presented CSRF token belongs to the viewer's session (checked in constant time)
     */
    public HttpResponse command(HttpRequest request, String caseId, Viewer viewer, Predicate<String> csrfValid, Configuration config,
            Instant now) {
        WebMessages m = viewer.m();
        if (crossSite.refuses(request)) {
            return frame.message(403, MessageView.of(m, "request.crossSite"));
        }
        CommandForm form = CommandForm.of(request.pathParameter("command")).orElse(null);
        if (form == null) {
            return frame.message(404, MessageView.of(m, "request.notFound"));
        }
        if (!request.mediaType().equals(FORM_MEDIA_TYPE)) {
            return frame.message(415, MessageView.of(m, "request.unsupported"));
        }
        if (request.body().length > FormBody.MAX_BYTES) {
            return frame.message(413, MessageView.of(m, "request.tooLarge"));
        }
        FormBody body;
        try {
            body = FormBody.parse(request.body());
        } catch (MalformedFormException malformed) {
            return frame.message(400, MessageView.of(m, "request.malformed"));
        }
        if (!csrfValid.test(body.field(CommandForm.CSRF).orElse(null))) {
            return frame.message(403, MessageView.of(m, "request.csrf"));
        }
        long version;
        CaseCommand command;
        try {
            version = CommandForm.version(body);
            command = form.command(body);
        } catch (MalformedFormException malformed) {
            return frame.message(400, MessageView.of(m, "request.malformed"));
        }
        if (!viewer.mayAct()) {
            return service.find(caseId)
                    .map(current -> page(403, current, viewer, config, now, new Notice("error", m.t("notice.refused", viewer.refusal())), null))
                    .orElseGet(() -> frame.message(404, MessageView.of(m, "case.gone")));
        }
        Outcome outcome = service.execute(caseId, version, command, Actor.of(viewer.person()));
        return switch (outcome) {
            case Outcome.Applied applied -> frame.redirect((viewer.back() == null ? paths.page(caseId) + "?" : viewer.back() + "&")
                    + "done=" + form.path());
            case Outcome.Rejected(var error, Case current) -> {
                String message = m.error(error);
                yield page(error.httpStatus(), current, viewer, config, now, new Notice("error", m.t("notice.refused", message)),
                        new Attempt(form, body, m.sentence(message)));
            }
            case Outcome.Conflict(Case current) -> page(409, current, viewer, config, now, new Notice("warning", m.t("notice.conflict")),
                    new Attempt(form, body, null));
            case Outcome.NotFound notFound -> frame.message(404, MessageView.of(m, "case.gone"));
        };
    }

    /** The page of {@code current} for the viewer, with the customer's other cases (one read of the customer index). */
    public HttpResponse page(int status, Case current, Viewer viewer, Configuration config, Instant now, Notice notice, Attempt attempt) {
        return frame.casePage(status, view(current, viewer, config, now, notice, attempt));
    }

    public CaseView view(Case current, Viewer viewer, Configuration config, Instant now, Notice notice, Attempt attempt) {
        String customerKey = current.response() == null ? null : current.response().respondent().customerKey();
        List<CaseSummary> others = customerKey == null ? List.of() : cases.byCustomer(customerKey, CaseViews.EARLIER_CASES + 1);
        return CaseViews.build(paths, current, config, others, viewer, now, notice, attempt);
    }
}
