package io.closedloop.webui;

/**
 * Where a case page lives, so both functions render the same page and forms under their own address: the emailed
 * link's clean {@code /cases/{id}} and the console's {@code /console/cases/{id}}. Forms post to the page's path
 * followed by {@code /<command>}.
 *
 * @param prefix the path before the case id, without a trailing slash
 */
public record CasePaths(String prefix) {

    /** The page the emailed link redirects to (the web function). */
    public static final CasePaths EMAILED_LINK = new CasePaths("/cases");
    /** The page inside the console (the console function). */
    public static final CasePaths CONSOLE = new CasePaths("/console/cases");

    public CasePaths {
        if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/' and not end with one");
        }
    }

    /** The case page's address; the id is percent-encoded so it stays one segment. */
    public String page(String caseId) {
        return prefix + "/" + Paths.segment(caseId);
    }

    /** What the forms' actions start with: the page's address and a slash, followed by the command. */
    public String formBase(String caseId) {
        return page(caseId) + "/";
    }
}
