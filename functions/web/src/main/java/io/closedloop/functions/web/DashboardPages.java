package io.closedloop.functions.web;

import io.closedloop.http.HttpResponse;
import io.closedloop.templates.web.JteloginGenerated;
import io.closedloop.webui.DashboardView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;

/** The dashboard's pages in the web UI kit's frame. */
final class DashboardPages {

    private DashboardPages() {}

    static HttpResponse dashboard(DashboardView view) {
        return Pages.page(200, view.m().language(), view.m().t("dashboard.title"),
                Pages.dashboardBody(view));
    }

    static HttpResponse login(int status, WebMessages m, String error) {
        return Pages.page(status, m.language(), m.t("dashboard.title"), output -> JteloginGenerated.render(Pages.html(output), null, m, error));
    }
}
