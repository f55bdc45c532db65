package io.closedloop.webui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.closedloop.http.HttpResponse;
import io.closedloop.templates.webui.JtecaseBodyGenerated;
import io.closedloop.templates.webui.JtecheckInGenerated;
import io.closedloop.templates.webui.JtedashboardGenerated;
import io.closedloop.templates.webui.JtecaseGenerated;
import io.closedloop.templates.webui.JtelayoutGenerated;
import io.closedloop.templates.webui.JtemessageBodyGenerated;
import io.closedloop.templates.webui.JtemessageGenerated;
import io.closedloop.templates.webui.JteoptOutGenerated;
import java.util.Map;

/**
 * Renders the pages with the precompiled templates (escaping every value) and adds the security headers. The
 * {@code *Body} methods give the same content without the page frame, as {@link Content} another module's layout
 * embeds (jte templates cannot include a template of another module).
 */
public final class Pages {

    private Pages() {}

    /** The case page in this module's frame, with {@link SecurityHeaders#ALL}. */
    public static HttpResponse casePage(int status, CaseView view) {
        StringOutput html = new StringOutput(24 * 1024);
        JtecaseGenerated.render(new OwaspHtmlTemplateOutput(html), null, view);
        return HttpResponse.html(status, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    public static HttpResponse message(int status, MessageView view) {
        StringOutput html = new StringOutput(4 * 1024);
        JtemessageGenerated.render(new OwaspHtmlTemplateOutput(html), null, view);
        return HttpResponse.html(status, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    /** Any page in this module's frame (stylesheet, language, title), with {@link SecurityHeaders#ALL}. */
    public static HttpResponse page(int status, String language, String title, Content content) {
        StringOutput html = new StringOutput(16 * 1024);
        JtelayoutGenerated.render(new OwaspHtmlTemplateOutput(html), null, language, title, content);
        return HttpResponse.html(status, html.toString()).withHeaders(SecurityHeaders.ALL);
    }

    /** The customer's check-in form. */
    public static HttpResponse checkIn(int status, CheckInView view) {
        return page(status, view.m().language(), view.m().t("checkin.title"),
                output -> JtecheckInGenerated.render(html(output), null, view));
    }

    /** The customer's "no more emails" page. */
    public static HttpResponse optOut(int status, OptOutView view) {
        return page(status, view.m().language(), view.m().t("optout.title"),
                output -> JteoptOutGenerated.render(html(output), null, view));
    }

    /** The case page's content (notice, case, feedback, customer, deadlines, forms, activities) for another frame. */
    public static Content caseBody(CaseView view) {
        return output -> JtecaseBodyGenerated.render(html(output), null, view);
    }

    /** The KPI dashboard's content (campaign and period form, figures, charts, tables) for another frame. */
    public static Content dashboardBody(DashboardView view) {
        return output -> JtedashboardGenerated.render(html(output), null, view);
    }

    /** A message page's content (title and paragraphs) for another frame. */
    public static Content messageBody(MessageView view) {
        return output -> JtemessageBodyGenerated.render(html(output), null, view);
    }

    /** 303 See Other: the browser follows with a GET, so a reload never sends a form twice. */
    public static HttpResponse redirect(String location) {
        return redirect(location, SecurityHeaders.ALL);
    }

    public static HttpResponse redirect(String location, Map<String, String> headers) {
        return HttpResponse.redirect(location).withHeaders(headers);
    }

    /** The output of an embedding template is already an HTML one; anything else is escaped by wrapping it. */
    public static HtmlTemplateOutput html(TemplateOutput output) {
        return output instanceof HtmlTemplateOutput html ? html : new OwaspHtmlTemplateOutput(output);
    }
}
