package io.closedloop.webui;

/** Where the list behind a dashboard figure lives; a dashboard without lists (signed in with an API key) has none. */
public interface DashboardLinks {

    /** The figures that have a matching list of cases. */
    enum Figure { OPEN_NOW, BREACHED, CLOSED, DETRACTORS, ASSIGNEE, TEAM }

    /**
     * @param campaignId the campaign the dashboard shows
     * @param id the assignee's or team's id for {@link Figure#ASSIGNEE} and {@link Figure#TEAM} ({@code -} for none), else null
     * @return the list's address, or null when there is no list for it
     */
    String href(Figure figure, String campaignId, String id);
}
