package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Responder;
import io.closedloop.config.Team;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.TeamForm;
import io.closedloop.functions.console.ConsoleView.TeamRow;
import io.closedloop.http.HttpResponse;
import io.closedloop.json.Json;
import io.closedloop.templates.console.JteteamGenerated;
import io.closedloop.templates.console.JteteamsGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team pages under {@code /console/admin/teams} ({@link EntryPages}): the list and a team's form (name, members,
 * lead, manager, calendar), saved through the admin API's rules ({@link ConfigEntries}).
 */
final class TeamsPages implements EntryPages.Kind<Team, TeamsPages.Input> {

    static final String BASE = "/console/admin/teams";
    /** A member checkbox is named this plus the person's id. */
    static final String MEMBER = "member.";

    /** What the form sends. */
    record Input(String id, String name, List<String> memberIds, String leadId, String managerId, String calendarId) {}

    private final ConfigEntries<Team> teams;

    TeamsPages(ConfigEntries<Team> teams) {
        this.teams = teams;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "teams.";
    }

    @Override
    public Input blank() {
        return new Input(null, null, List.of(), null, null, null);
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(Team value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<Team>> deletes() {
        return Optional.of(teams);
    }

    @Override
    public String nameOf(Team value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<Team>> find(ConsoleVisit visit, String id) {
        return teams.find(visit.access(), id);
    }

    @Override
    public Saved<Team> save(ConsoleVisit visit, Input input, Long version) {
        return teams.save(visit.access(), input.id(), json(input), version);
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<TeamRow> rows = new ArrayList<>();
        List<Listed<Team>> all = new ArrayList<>(teams.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().name()));
        for (Listed<Team> listed : all) {
            Team t = listed.value();
            rows.add(new TeamRow(t.id(), BASE + "/" + t.id(), t.name(), m.t("teams.members", t.memberIds().size()),
                    name(visit, t.leadId(), m), name(visit, t.managerId(), m)));
        }
        String notice = saved.flatMap(id -> visit.config().team(id)).map(t -> m.t("teams.saved", t.name())).orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("teams.title"),
                output -> JteteamsGenerated.render(Pages.html(output), null, new ConsoleView.Teams(m, rows, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        WebMessages m = visit.m();
        List<Responder> people = visit.config().responders().values().stream().sorted(Comparator.comparing(Responder::name)).toList();
        List<Option> members = people.stream().map(r -> new Option(MEMBER + r.id(), r.name(), input.memberIds().contains(r.id()))).toList();
        TeamForm view = new TeamForm(m, action, input.id() == null ? "" : input.id(), input.name() == null ? "" : input.name(), members,
                choices(people, input.leadId(), m), choices(people, input.managerId(), m), calendars(visit, input.calendarId(), m), version,
                visit.csrf(), errors, conflict);
        String title = version == null ? m.t("teams.new") : input.name();
        return ConsolePages.framed(status, visit.nav(), title, output -> JteteamGenerated.render(Pages.html(output), null, view));
    }

    private static List<Option> choices(List<Responder> people, String chosen, WebMessages m) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", m.t("teams.nobody"), chosen == null));
        people.forEach(r -> options.add(new Option(r.id(), r.name(), r.id().equals(chosen))));
        return options;
    }

    private static List<Option> calendars(ConsoleVisit visit, String chosen, WebMessages m) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", m.t("teams.defaultCalendar"), chosen == null));
        visit.config().calendars().values().stream().sorted(Comparator.comparing(BusinessCalendar::name))
                .forEach(c -> options.add(new Option(c.id(), c.name(), c.id().equals(chosen))));
        return options;
    }

    private static String name(ConsoleVisit visit, String personId, WebMessages m) {
        return personId == null ? m.t("teams.nobody") : visit.config().responder(personId).map(Responder::name).orElse(personId);
    }

    @Override
    public Input read(FormBody form, String id) {
        List<String> members = form.fields().keySet().stream().filter(k -> k.startsWith(MEMBER)).map(k -> k.substring(MEMBER.length())).toList();
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("name")), members, FormText.strip(form.text("leadId")), FormText.strip(form.text("managerId")),
                FormText.strip(form.text("calendarId")));
    }

    @Override
    public Input inputOf(Team t) {
        return new Input(t.id(), t.name(), t.memberIds(), t.leadId(), t.managerId(), t.calendarId());
    }

    private static ObjectNode json(Input input) {
        ObjectNode json = Json.object();
        json.put("name", input.name());
        ArrayNode members = json.putArray("memberIds");
        input.memberIds().forEach(members::add);
        json.put("leadId", input.leadId());
        json.put("managerId", input.managerId());
        json.put("calendarId", input.calendarId());
        return json;
    }
}
