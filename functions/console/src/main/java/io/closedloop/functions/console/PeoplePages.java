package io.closedloop.functions.console;

import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.config.Team;
import io.closedloop.console.PeopleAdmin;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.PersonForm;
import io.closedloop.functions.console.ConsoleView.PersonRow;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.log.Log;
import io.closedloop.templates.console.JtepeopleGenerated;
import io.closedloop.templates.console.JtepersonGenerated;
import io.closedloop.webui.CaseViews;
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
 * The people pages under {@code /console/admin/people} (admins only; the handler has checked the session, the role and,
 * for a POST, the form's origin and token): the list, a person's form for a new or an existing entry, and "sign out
 * everywhere". Saving goes through {@link PeopleAdmin}, so the admin API's validation decides.
 */
final class PeoplePages {

    static final String BASE = "/console/admin/people";
    private static final Pattern PERSON = Pattern.compile(Pattern.quote(BASE) + "/([A-Za-z0-9._-]{1,64})");
    private static final Pattern SIGN_OUT = Pattern.compile(Pattern.quote(BASE) + "/([A-Za-z0-9._-]{1,64})/sign-out");
    private static final List<String> LOCALES = List.of("en", "fr");

    private final PeopleAdmin people;

    PeoplePages(PeopleAdmin people) {
        this.people = people;
    }

    /** The page for a GET, or empty when the address is not one of these pages. */
    Optional<HttpResponse> get(String path, Map<String, String> query, ConsoleVisit visit) {
        if (path.equals(BASE)) {
            return Optional.of(list(visit, query.get("saved")));
        }
        if (path.equals(BASE + "/new")) {
            return Optional.of(form(200, visit, BASE + "/new", emptyInput(), null, Map.of(), null, null));
        }
        Matcher m = PERSON.matcher(path);
        if (m.matches()) {
            Optional<Listed<Responder>> found = people.find(visit.access(), m.group(1));
            if (found.isEmpty()) {
                return Optional.of(gone(visit));
            }
            String notice = "signed-out".equals(query.get("done")) ? visit.m().t("people.signedOut") : null;
            return Optional.of(form(200, visit, BASE + "/" + m.group(1), inputOf(found.get().value()), found.get().version(), Map.of(),
                    null, notice));
        }
        return Optional.empty();
    }

    /** The answer to a POST, or empty when the address is not one of these pages. */
    Optional<HttpResponse> post(String path, FormBody form, ConsoleVisit visit) {
        Matcher signOut = SIGN_OUT.matcher(path);
        if (signOut.matches()) {
            int ended = people.signOutEverywhere(visit.access(), signOut.group(1));
            Log.info("console sessions revoked", Map.of("personId", signOut.group(1), "sessions", ended));
            return Optional.of(Pages.redirect(BASE + "/" + signOut.group(1) + "?done=signed-out"));
        }
        boolean creating = path.equals(BASE + "/new");
        Matcher person = PERSON.matcher(path);
        if (!creating && !person.matches()) {
            return Optional.empty();
        }
        PeopleAdmin.Person input = read(form, creating ? form.text("id") : person.group(1));
        Long version = creating ? null : form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(0L);
        String action = creating ? BASE + "/new" : path;
        Saved<Responder> saved = input.id() == null ? new Saved.Refused<>(List.of(new FieldError("id", "required")))
                : people.save(visit.access(), input, version);
        return Optional.of(switch (saved) {
            case Saved.Done<Responder> done -> {
                Log.info("console person saved", Map.of("personId", done.value().id(), "created", done.created()));
                yield Pages.redirect(BASE + "?saved=" + done.value().id());
            }
            case Saved.Refused<Responder> refused -> form(422, visit, action, input, version, FormErrors.of(refused.errors(), visit.m(), "people.error."), null, null);
            case Saved.Conflict<Responder> conflict when conflict.current() == null -> gone(visit);
            case Saved.Conflict<Responder> conflict -> form(409, visit, action, inputOf(conflict.current().value()), conflict.current().version(),
                    Map.of(), visit.m().t("people.conflict"), null);
        });
    }

    private HttpResponse list(ConsoleVisit visit, String saved) {
        WebMessages m = visit.m();
        List<PersonRow> rows = new ArrayList<>();
        for (Listed<Responder> listed : people.list(visit.access())) {
            Responder r = listed.value();
            String team = r.teamId() == null ? "–" : visit.config().team(r.teamId()).map(Team::name).orElse(r.teamId());
            String zone = CaseViews.zoneName(CaseViews.zoneOf(r, visit.config()));
            rows.add(new PersonRow(r.id(), BASE + "/" + r.id(), r.name(), r.email(), m.t("role." + r.role().name()),
                    m.t(r.canRespond() ? "people.canRespond.yes" : "people.canRespond.no"), team, zone));
        }
        String notice = saved != null && saved.matches("[A-Za-z0-9._-]{1,64}")
                ? visit.config().responder(saved).map(r -> m.t("people.saved", r.name())).orElse(null) : null;
        return ConsolePages.framed(200, visit.nav(), m.t("people.title"),
                output -> JtepeopleGenerated.render(Pages.html(output), null, new ConsoleView.People(m, rows, notice)));
    }

    private HttpResponse form(int status, ConsoleVisit visit, String action, PeopleAdmin.Person input, Long version, Map<String, String> errors,
            String conflict, String notice) {
        WebMessages m = visit.m();
        List<Option> locales = new ArrayList<>();
        for (String locale : LOCALES) {
            locales.add(new Option(locale, m.t("people.locale." + locale), locale.equals(input.locale())));
        }
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", m.t("people.noTeam"), input.teamId() == null));
        visit.config().teams().values().stream().sorted(Comparator.comparing(Team::name))
                .forEach(t -> teams.add(new Option(t.id(), t.name(), t.id().equals(input.teamId()))));
        List<Option> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            roles.add(new Option(role.name(), m.t("role." + role.name()) + " — " + m.t("people.role.help." + role.name()),
                    role == (input.role() == null ? Role.RESPONDER : input.role())));
        }
        String title = version == null ? m.t("people.new") : input.name();
        PersonForm view = new PersonForm(m, action, input.id() == null ? "" : input.id(), nullToEmpty(input.name()),
                nullToEmpty(input.email()), locales, teams, roles, input.canRespond(), nullToEmpty(input.timeZone()), version, visit.csrf(),
                errors, conflict, notice, version == null ? null : BASE + "/" + input.id() + "/sign-out");
        return ConsolePages.framed(status, visit.nav(), title == null ? m.t("people.title") : title,
                output -> JtepersonGenerated.render(Pages.html(output), null, view));
    }

    private static HttpResponse gone(ConsoleVisit visit) {
        return ConsolePages.framed(404, visit.nav(), visit.m().t("people.gone.title"), Pages.messageBody(MessageView.of(visit.m(), "people.gone")));
    }

    private static PeopleAdmin.Person read(FormBody form, String id) {
        Role role = form.text("role") == null ? null : java.util.Arrays.stream(Role.values())
                .filter(r -> r.name().equals(form.text("role"))).findFirst().orElse(null);
        return new PeopleAdmin.Person(id, FormText.strip(form.text("name")), FormText.strip(form.text("email")), FormText.strip(form.text("locale")),
                FormText.strip(form.text("teamId")), role, form.field("canRespond").isPresent(), FormText.strip(form.text("timeZone")));
    }

    private static PeopleAdmin.Person emptyInput() {
        return new PeopleAdmin.Person(null, null, null, "en", null, Role.RESPONDER, true, null);
    }

    private static PeopleAdmin.Person inputOf(Responder r) {
        return new PeopleAdmin.Person(r.id(), r.name(), r.email(), r.locale(), r.teamId(), r.role(), r.canRespond(), r.timeZone());
    }


    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
