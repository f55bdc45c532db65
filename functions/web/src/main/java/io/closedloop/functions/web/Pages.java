package io.closedloop.functions.web;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.closedloop.http.HttpResponse;
import io.closedloop.templates.web.JtecaseGenerated;
import io.closedloop.templates.web.JtedashboardGenerated;
import io.closedloop.templates.web.JteloginGenerated;
import io.closedloop.templates.web.JtemessageGenerated;

/** Renders the pages with the precompiled templates (escaping every value) and adds the security headers. */
final class Pages {

    private Pages() {}

    static HttpResponse casePage(int status, CaseView view) {
        StringOutput html = new StringOutput(24 * 1024);
        JtecaseGenerated.render(new OwaspHtmlTemplateOutput(html), null, view);
        return HttpResponse.html(status, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    static HttpResponse message(int status, MessageView view) {
        StringOutput html = new StringOutput(4 * 1024);
        JtemessageGenerated.render(new OwaspHtmlTemplateOutput(html), null, view);
        return HttpResponse.html(status, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    static HttpResponse dashboard(DashboardView view) {
        StringOutput html = new StringOutput(32 * 1024);
        JtedashboardGenerated.render(new OwaspHtmlTemplateOutput(html), null, view);
        return HttpResponse.html(200, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    static HttpResponse login(int status, WebMessages m, String error) {
        StringOutput html = new StringOutput(4 * 1024);
        JteloginGenerated.render(new OwaspHtmlTemplateOutput(html), null, m, error);
        return HttpResponse.html(status, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    /** 303 See Other: the browser follows with a GET, so a reload never sends a form twice. */
    static HttpResponse redirect(String location) {
        return HttpResponse.redirect(location).withHeaders(SecurityHeaders.ALL);
    }
}
