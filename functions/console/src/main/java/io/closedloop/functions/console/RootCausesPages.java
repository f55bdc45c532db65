package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.RootCause;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.RootCauseForm;
import io.closedloop.functions.console.ConsoleView.RootCauseGroup;
import io.closedloop.http.HttpResponse;
import io.closedloop.json.Json;
import io.closedloop.templates.console.JterootCauseGenerated;
import io.closedloop.templates.console.JterootCausesGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root-cause pages under {@code /console/admin/root-causes} ({@link EntryPages}): the two-level taxonomy (each
 * category with its causes) and an entry's form (name, and the category it belongs to, or none for a category).
 */
final class RootCausesPages implements EntryPages.Kind<RootCause, RootCausesPages.Input> {

    static final String BASE = "/console/admin/root-causes";

    record Input(String id, String name, String parentId) {}

    private final ConfigEntries<RootCause> causes;

    RootCausesPages(ConfigEntries<RootCause> causes) {
        this.causes = causes;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "causes.";
    }

    @Override
    public Input read(FormBody form, String id) {
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("name")), FormText.strip(form.text("parentId")));
    }

    @Override
    public Input blank() {
        return new Input(null, null, null);
    }

    @Override
    public Input inputOf(RootCause value) {
        return new Input(value.id(), value.name(), value.parentId());
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(RootCause value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<RootCause>> deletes() {
        return Optional.of(causes);
    }

    @Override
    public String nameOf(RootCause value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<RootCause>> find(ConsoleVisit visit, String id) {
        return causes.find(visit.access(), id);
    }

    @Override
    public Saved<RootCause> save(ConsoleVisit visit, Input input, Long version) {
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("parentId", input.parentId());
        return causes.save(visit.access(), input.id(), json, version);
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<RootCause> all = causes.list(visit.access()).stream().map(Listed::value).sorted(Comparator.comparing(RootCause::name)).toList();
        List<RootCauseGroup> groups = new ArrayList<>();
        for (RootCause category : all.stream().filter(RootCause::isCategory).toList()) {
            List<ConsoleView.Link> children = all.stream().filter(c -> category.id().equals(c.parentId()))
                    .map(c -> new ConsoleView.Link(BASE + "/" + c.id(), c.name())).toList();
            groups.add(new RootCauseGroup(category.id(), BASE + "/" + category.id(), category.name(), children));
        }
        String notice = saved.flatMap(id -> Optional.ofNullable(visit.config().rootCauses().get(id))).map(c -> m.t("causes.saved", c.name()))
                .orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("causes.title"),
                output -> JterootCausesGenerated.render(Pages.html(output), null, new ConsoleView.RootCauses(m, groups, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        WebMessages m = visit.m();
        List<Option> categories = new ArrayList<>();
        categories.add(new Option("", m.t("causes.isCategory"), input.parentId() == null));
        visit.config().rootCauses().values().stream().filter(RootCause::isCategory).filter(c -> !c.id().equals(input.id()))
                .sorted(Comparator.comparing(RootCause::name))
                .forEach(c -> categories.add(new Option(c.id(), c.name(), c.id().equals(input.parentId()))));
        RootCauseForm view = new RootCauseForm(m, action, FormText.text(input.id()), FormText.text(input.name()), categories, version, visit.csrf(),
                errors, conflict);
        String title = version == null ? m.t("causes.new") : input.name();
        return ConsolePages.framed(status, visit.nav(), title, output -> JterootCauseGenerated.render(Pages.html(output), null, view));
    }
}
