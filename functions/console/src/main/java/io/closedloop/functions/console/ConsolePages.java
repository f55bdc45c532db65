package io.closedloop.functions.console;

import gg.jte.Content;
import io.closedloop.functions.console.ConsoleView.Nav;
import io.closedloop.http.HttpResponse;
import io.closedloop.templates.console.JtebulkGenerated;
import io.closedloop.templates.console.JteconfirmGenerated;
import io.closedloop.templates.console.JteframedGenerated;
import io.closedloop.templates.console.JtequeueGenerated;
import io.closedloop.templates.console.JtesignInGenerated;
import io.closedloop.webui.CasePage;
import io.closedloop.webui.CaseView;
import io.closedloop.webui.DashboardView;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;

/** The console's pages in the web UI kit's frame; signed-in pages carry the console's bar. */
final class ConsolePages {

    private ConsolePages() {}

    static HttpResponse signIn(int status, WebMessages m, String csrf, String email, String error) {
        return Pages.page(status, m.language(), m.t("signin.title"),
                output -> JtesignInGenerated.render(Pages.html(output), null, m, csrf, email, error));
    }

    static HttpResponse confirm(WebMessages m, String csrf, String action) {
        return Pages.page(200, m.language(), m.t("signin.confirm.title"),
                output -> JteconfirmGenerated.render(Pages.html(output), null, m, csrf, action));
    }

    static HttpResponse queue(Nav nav, ConsoleView.Queue view) {
        return framed(200, nav, view.m().t("queue.title"), output -> JtequeueGenerated.render(Pages.html(output), null, view, null));
    }

    /** The list with a case beside it (desktop) or in its place (phone); the case's own answers framed the same way. */
    static CasePage.Frame queueWithCase(Nav nav, ConsoleView.Queue queue) {
        CasePage.Frame alone = caseFrame(nav);
        return new CasePage.Frame() {
            @Override
            public HttpResponse casePage(int status, CaseView view) {
                return framed(status, nav, view.title(), output -> JtequeueGenerated.render(Pages.html(output), null, queue, Pages.caseBody(view)));
            }

            @Override
            public HttpResponse message(int status, MessageView view) {
                return alone.message(status, view);
            }

            @Override
            public HttpResponse redirect(String location) {
                return alone.redirect(location);
            }
        };
    }

    static HttpResponse dashboard(Nav nav, DashboardView view) {
        return framed(200, nav, view.m().t("dashboard.title"), Pages.dashboardBody(view));
    }

    static HttpResponse bulkReport(int status, Nav nav, ConsoleView.BulkReport report) {
        return framed(status, nav, report.m().t("bulk.title"), output -> JtebulkGenerated.render(Pages.html(output), null, report));
    }

    static HttpResponse framed(int status, Nav nav, String title, Content content) {
        return Pages.page(status, nav.m().language(), title + " · Closedloop",
                output -> JteframedGenerated.render(Pages.html(output), null, nav, content));
    }

    /** How the case page is framed inside the console: with the bar; messages and redirects as the kit makes them. */
    static CasePage.Frame caseFrame(Nav nav) {
        return new CasePage.Frame() {
            @Override
            public HttpResponse casePage(int status, CaseView view) {
                return framed(status, nav, view.title(), Pages.caseBody(view));
            }

            @Override
            public HttpResponse message(int status, MessageView view) {
                return framed(status, nav, view.title(), Pages.messageBody(view));
            }

            @Override
            public HttpResponse redirect(String location) {
                return Pages.redirect(location);
            }
        };
    }
}
