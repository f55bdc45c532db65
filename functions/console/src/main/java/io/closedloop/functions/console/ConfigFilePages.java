package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.admin.ConfigImports;
import io.closedloop.admin.ConfigImports.Change;
import io.closedloop.admin.ConfigImports.ChangeType;
import io.closedloop.console.ConfigFiles;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.log.Log;
import io.closedloop.templates.console.JteconfigurationGenerated;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.SecurityHeaders;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The configuration file page, {@code /console/admin/configuration}: download the whole configuration as YAML, and
 * import a file (uploaded or pasted) in two steps: "Preview" shows what would be added and changed, field by field,
 * and every reason it would be refused; "Import" applies exactly that preview, or nothing if the configuration changed
 * since ({@link ConfigFiles}).
 */
final class ConfigFilePages {

    static final String BASE = "/console/admin/configuration";
    static final String DOWNLOAD = BASE + ".yaml";
    /** Changed fields listed per entry at most; the rest are counted. */
    private static final int MAX_LINES = 12;
    private static final int MAX_VALUE_SHOWN = 80;

    private final ConfigFiles files;
    private final Supplier<Instant> now;

    ConfigFilePages(ConfigFiles files, Supplier<Instant> now) {
        this.files = files;
        this.now = now;
    }

    Optional<HttpResponse> get(String path, Map<String, String> query, ConsoleVisit visit) {
        if (path.equals(DOWNLOAD)) {
            Instant at = now.get();
            String yaml = files.export(visit.access(), at);
            Log.info("console configuration exported", Map.of("bytes", yaml.length()));
            return Optional.of(HttpResponse.text(200, "application/yaml; charset=utf-8", yaml).withHeaders(SecurityHeaders.ALL)
                    .withHeaders(Map.of("content-disposition", "attachment; filename=\"closedloop-configuration-" + LocalDate.ofInstant(at, ZoneOffset.UTC) + ".yaml\"")));
        }
        if (path.equals(BASE)) {
            String imported = Optional.ofNullable(query.get("imported")).filter(n -> n.matches("[0-9]{1,4}")).orElse(null);
            return Optional.of(page(200, visit, imported == null ? null : visit.m().t("config.imported", imported), null, "", null, null, List.of()));
        }
        return Optional.empty();
    }

    Optional<HttpResponse> post(String path, FormBody form, ConsoleVisit visit) {
        if (!path.equals(BASE + "/preview") && !path.equals(BASE + "/apply")) {
            return Optional.empty();
        }
        WebMessages m = visit.m();
        String yaml = Optional.ofNullable(form.text("file")).orElse(Optional.ofNullable(form.text("yaml")).orElse(""));
        if (yaml.isBlank()) {
            return Optional.of(page(422, visit, null, m.t("config.noFile"), "", null, null, List.of()));
        }
        try {
            if (path.endsWith("/preview")) {
                ConfigImports.Plan plan = files.preview(visit.access(), yaml);
                return Optional.of(page(plan.errors().isEmpty() ? 200 : 422, visit, null, null, yaml, plan, plan.basis(), errors(plan.errors())));
            }
            ConfigImports.Plan applied = files.apply(visit.access(), yaml, FormText.text(form.text("basis")));
            Log.info("console configuration imported", Map.of("changed", applied.changed()));
            return Optional.of(Pages.redirect(BASE + "?imported=" + applied.changed()));
        } catch (ConfigFiles.Unreadable unreadable) {
            return Optional.of(page(422, visit, null, m.t("config.unreadable", unreadable.getMessage()), yaml, null, null, List.of()));
        } catch (ProblemException refused) {
            // Changed since the preview (409) or no longer valid (422): the preview again, as things are now
            ConfigImports.Plan plan;
            try {
                plan = files.preview(visit.access(), yaml);
            } catch (ConfigFiles.Unreadable unreadable) {
                return Optional.of(page(422, visit, null, m.t("config.unreadable", unreadable.getMessage()), yaml, null, null, List.of()));
            }
            return Optional.of(page(refused.problem().status(), visit, null, m.t("config.changedSincePreview"), yaml, plan, plan.basis(),
                    errors(plan.errors())));
        }
    }

    private static List<String> errors(List<FieldError> errors) {
        return errors.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.message()).toList();
    }

    private static HttpResponse page(int status, ConsoleVisit visit, String notice, String problem, String yaml, ConfigImports.Plan plan,
            String basis, List<String> errors) {
        WebMessages m = visit.m();
        List<ConsoleView.ConfigChange> changes = new ArrayList<>();
        String summary = null;
        if (plan != null) {
            long added = plan.changes().stream().filter(c -> c.type() == ChangeType.ADDED).count();
            long changed = plan.changes().stream().filter(c -> c.type() == ChangeType.CHANGED).count();
            long same = plan.changes().stream().filter(c -> c.type() == ChangeType.UNCHANGED).count();
            summary = m.t("config.summary", added, changed, same);
            for (Change change : plan.changes()) {
                if (change.type() != ChangeType.UNCHANGED) {
                    changes.add(new ConsoleView.ConfigChange(m.t("config.kind." + change.kind().path()), change.id(), change.type().name(),
                            m.t("config.type." + change.type().name()), lines(change, m)));
                }
            }
        }
        boolean canApply = plan != null && plan.errors().isEmpty() && plan.changed() > 0;
        ConsoleView.ConfigFileView view = new ConsoleView.ConfigFileView(m, visit.csrf(), notice, problem, yaml, summary, changes, errors,
                canApply, FormText.text(basis));
        return ConsolePages.framed(status, visit.nav(), m.t("config.title"), output -> JteconfigurationGenerated.render(Pages.html(output), null, view));
    }

    /** The changed fields of an entry, one line each ("name: A → B"); a new entry has none. */
    private static List<String> lines(Change change, WebMessages m) {
        if (change.before() == null) {
            return change.kind() == io.closedloop.admin.AdminKind.SOURCES ? List.of(m.t("config.newSourceNoSecret")) : List.of();
        }
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        flatten("", change.before(), before);
        flatten("", change.after(), after);
        List<String> lines = new ArrayList<>();
        java.util.SortedSet<String> fields = new java.util.TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        int total = 0;
        for (String field : fields) {
            String was = before.get(field);
            String is = after.get(field);
            if (java.util.Objects.equals(was, is)) {
                continue;
            }
            total++;
            if (lines.size() < MAX_LINES) {
                lines.add(field + ": " + (was == null ? "—" : was) + " → " + (is == null ? "—" : is));
            }
        }
        if (total > lines.size()) {
            lines.add(m.t("config.moreFields", total - lines.size()));
        }
        return lines;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else if (!node.isNull()) {
            String text = node.isTextual() ? node.asText() : node.toString();
            out.put(path, text.length() > MAX_VALUE_SHOWN ? text.substring(0, MAX_VALUE_SHOWN) + "…" : text);
        }
    }
}
