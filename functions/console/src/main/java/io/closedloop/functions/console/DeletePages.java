package io.closedloop.functions.console;

import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigAdmin;
import io.closedloop.admin.References.Referrer;
import io.closedloop.config.Configuration;
import io.closedloop.functions.console.ConsoleView.DeleteConfirm;
import io.closedloop.functions.console.ConsoleView.Link;
import io.closedloop.http.HttpResponse;
import io.closedloop.templates.console.JtedeleteGenerated;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delete confirmation of a configuration entry and the page after it: what still uses the entry is named, each
 * with a link, and then there is no delete button; the admin API refuses the same delete with the same reasons.
 */
final class DeletePages {

    private DeletePages() {}

    static HttpResponse confirm(int status, ConsoleVisit visit, AdminKind kind, String name, String entryHref, long version,
            ConfigAdmin.InUse uses, String notice) {
        WebMessages m = visit.m();
        Map<String, Link> blockers = new LinkedHashMap<>();
        for (Referrer referrer : uses.referrers()) {
            blockers.putIfAbsent(referrer.kind() + "#" + referrer.id(), new Link(href(referrer.kind(), referrer.id()),
                    m.t("kind." + referrer.kind().name()) + " " + nameOf(visit.config(), referrer.kind(), referrer.id())));
        }
        String openCases = uses.openCases() == 0 ? null
                : uses.openCases() > ConfigAdmin.OPEN_CASES_COUNTED ? m.t("delete.openCasesMore", ConfigAdmin.OPEN_CASES_COUNTED)
                : m.t("delete.openCases", uses.openCases());
        String what = m.t("kind." + kind.name()) + " " + name;
        String body = m.t(kind == AdminKind.ACTION_PLANS ? "delete.bodyPlan" : "delete.body", what);
        DeleteConfirm view = new DeleteConfirm(m, m.t("delete.title", what), what, body, entryHref + "/delete", entryHref, visit.csrf(), version,
                List.copyOf(blockers.values()), openCases, notice);
        return ConsolePages.framed(status, visit.nav(), view.title(), output -> JtedeleteGenerated.render(Pages.html(output), null, view));
    }

    static HttpResponse deleted(ConsoleVisit visit, AdminKind kind, String id, String listHref) {
        WebMessages m = visit.m();
        String what = m.t("kind." + kind.name()) + " " + id;
        DeleteConfirm view = new DeleteConfirm(m, m.t("delete.done", what), what, m.t("delete.doneBody"), null, listHref, visit.csrf(), 0, List.of(), null, null);
        return ConsolePages.framed(200, visit.nav(), view.title(), output -> JtedeleteGenerated.render(Pages.html(output), null, view));
    }

    /** The console page of an entry of that kind. */
    static String href(AdminKind kind, String id) {
        return switch (kind) {
            case SOURCES -> SourcesPages.BASE + "/" + id;
            case CAMPAIGNS -> CampaignsPages.BASE + "/" + id;
            case RULES -> RulesPages.BASE + "/" + id;
            case RESPONDERS -> PeoplePages.BASE + "/" + id;
            case TEAMS -> TeamsPages.BASE + "/" + id;
            case ACTION_PLANS -> PlansPages.BASE + "/" + id;
            case SLA_POLICIES -> SlaPoliciesPages.BASE + "/" + id;
            case CALENDARS -> CalendarsPages.BASE + "/" + id;
            case ROOT_CAUSES -> RootCausesPages.BASE + "/" + id;
            case API_KEYS, LINK_KEYS -> KeysPages.BASE;
        };
    }

    /** The entry's name where it has one, else its id. */
    static String nameOf(Configuration config, AdminKind kind, String id) {
        Optional<String> name = switch (kind) {
            case CAMPAIGNS -> Optional.ofNullable(config.campaigns().get(id)).map(c -> c.name());
            case RULES -> config.rules().stream().filter(r -> r.id().equals(id)).findFirst().map(r -> r.name());
            case RESPONDERS -> Optional.ofNullable(config.responders().get(id)).map(r -> r.name());
            case TEAMS -> Optional.ofNullable(config.teams().get(id)).map(t -> t.name());
            case ACTION_PLANS -> config.currentPlan(id).map(p -> p.name());
            case SLA_POLICIES -> Optional.ofNullable(config.slaPolicies().get(id)).map(p -> p.name());
            case CALENDARS -> Optional.ofNullable(config.calendars().get(id)).map(c -> c.name());
            case ROOT_CAUSES -> Optional.ofNullable(config.rootCauses().get(id)).map(c -> c.name());
            case API_KEYS -> Optional.ofNullable(config.apiKeys().get(id)).map(k -> k.name());
            case SOURCES, LINK_KEYS -> Optional.empty();
        };
        return name.filter(n -> !n.isBlank()).orElse(id);
    }
}
