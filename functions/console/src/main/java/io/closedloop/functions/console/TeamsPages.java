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
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.templates.console.JteteamGenerated;
import io.closedloop.templates.console.JteteamsGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.MessageView;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team pages under {@code /console/admin/teams} (admins only; the handler has checked the session, the role and,
 * for a POST, the form's origin and token): the list and a team's form (name, members, lead, manager, calendar),
 * saved through the admin API's rules ({@link ConfigEntries}).
 */
final class TeamsPages {

    static final String BASE = "/console/admin/teams";
    /** A member checkbox is named this plus the person's id. */
    static final String MEMBER = "member.";
    private static final Pattern TEAM = Pattern.compile(Pattern.quote(BASE) + "/([A-Za-z0-9._-]{1,64})");

    /** What the form sends. */
    record Input(String id, String name, List<String> memberIds, String leadId, String managerId, String calendarId) {}

    private final ConfigEntries<Team> teams;

    TeamsPages(ConfigEntries<Team> teams) {
        this.teams = teams;
    }

    Optional<HttpResponse> get(String path, Map<String, String> query, ConsoleVisit visit) {
        if (path.equals(BASE)) {
            return Optional.of(list(visit, query.get("saved")));
        }
        if (path.equals(BASE + "/new")) {
            return Optional.of(form(200, visit, BASE + "/new", new Input(null, null, List.of(), null, null, null), null, Map.of(), null));
        }
        Matcher m = TEAM.matcher(path);
        if (m.matches()) {
            return Optional.of(teams.find(visit.access(), m.group(1))
                    .map(found -> form(200, visit, path, inputOf(found.value()), found.version(), Map.of(), null))
                    .orElseGet(() -> gone(visit)));
        }
        return Optional.empty();
    }

    Optional<HttpResponse> post(String path, FormBody form, ConsoleVisit visit) {
        boolean creating = path.equals(BASE + "/new");
        Matcher team = TEAM.matcher(path);
        if (!creating && !team.matches()) {
            return Optional.empty();
        }
        Input input = read(form, creating ? strip(form.text("id")) : team.group(1));
        Long version = creating ? null : form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(0L);
        Saved<Team> saved = input.id() == null ? new Saved.Refused<>(List.of(new FieldError("id", "required")))
                : teams.save(visit.access(), input.id(), json(input), version);
        return Optional.of(switch (saved) {
            case Saved.Done<Team> done -> {
                Log.info("console team saved", Map.of("teamId", done.value().id(), "created", done.created()));
                yield Pages.redirect(BASE + "?saved=" + done.value().id());
            }
            case Saved.Refused<Team> refused -> form(422, visit, path, input, version, FormErrors.of(refused.errors(), visit.m(), "teams.error."), null);
            case Saved.Conflict<Team> conflict when conflict.current() == null -> gone(visit);
            case Saved.Conflict<Team> conflict -> form(409, visit, path, inputOf(conflict.current().value()), conflict.current().version(),
                    Map.of(), visit.m().t("teams.conflict"));
        });
    }

    private HttpResponse list(ConsoleVisit visit, String saved) {
        WebMessages m = visit.m();
        List<TeamRow> rows = new ArrayList<>();
        List<Listed<Team>> all = new ArrayList<>(teams.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().name()));
        for (Listed<Team> listed : all) {
            Team t = listed.value();
            rows.add(new TeamRow(t.id(), BASE + "/" + t.id(), t.name(), m.t("teams.members", t.memberIds().size()),
                    name(visit, t.leadId(), m), name(visit, t.managerId(), m)));
        }
        String notice = saved != null && saved.matches("[A-Za-z0-9._-]{1,64}")
                ? visit.config().team(saved).map(t -> m.t("teams.saved", t.name())).orElse(null) : null;
        return ConsolePages.framed(200, visit.nav(), m.t("teams.title"),
                output -> JteteamsGenerated.render(Pages.html(output), null, new ConsoleView.Teams(m, rows, notice)));
    }

    private HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
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

    private static HttpResponse gone(ConsoleVisit visit) {
        return ConsolePages.framed(404, visit.nav(), visit.m().t("teams.gone.title"), Pages.messageBody(MessageView.of(visit.m(), "teams.gone")));
    }

    private static Input read(FormBody form, String id) {
        List<String> members = form.fields().keySet().stream().filter(k -> k.startsWith(MEMBER)).map(k -> k.substring(MEMBER.length())).toList();
        return new Input(id, strip(form.text("name")), members, strip(form.text("leadId")), strip(form.text("managerId")),
                strip(form.text("calendarId")));
    }

    private static Input inputOf(Team t) {
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

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
