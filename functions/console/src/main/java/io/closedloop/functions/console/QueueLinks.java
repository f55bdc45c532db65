package io.closedloop.functions.console;

import io.closedloop.webui.DashboardLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console dashboard's figures, each linked to the work-queue list that holds its cases now. The lists show what
 * is open (or closed) today in the viewer's scope; the figures count the chosen period over the whole campaign.
 */
final class QueueLinks implements DashboardLinks {

    static final QueueLinks INSTANCE = new QueueLinks();

    private QueueLinks() {}

    @Override
    public String href(Figure figure, String campaignId, String id) {
        String campaign = "&campaign=" + encode(campaignId);
        boolean none = id == null || id.equals("-");
        return switch (figure) {
            case OPEN_NOW -> "/console/cases?list=teams" + campaign;
            case BREACHED -> "/console/cases?list=breached" + campaign;
            case CLOSED -> "/console/cases?list=closed" + campaign;
            case DETRACTORS -> "/console/cases?list=teams" + campaign + "&category=DETRACTOR";
            case ASSIGNEE -> none ? "/console/cases?list=unassigned" + campaign : "/console/cases?list=teams" + campaign + "&assignee=" + encode(id);
            case TEAM -> none ? null : "/console/cases?list=teams" + campaign + "&team=" + encode(id);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
