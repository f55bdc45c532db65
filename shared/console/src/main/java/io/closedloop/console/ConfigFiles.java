package io.closedloop.console;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.closedloop.admin.AdminKind;
import io.closedloop.admin.ConfigImports;
import io.closedloop.admin.ConfigImports.Incoming;
import io.closedloop.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration as one YAML file: {@code closedloop: 1}, then one map per kind ({@code calendars},
 * {@code root-causes}, {@code sla-policies}, {@code action-plans}, {@code responders}, {@code teams},
 * {@code campaigns}, {@code sources}, {@code rules}) of entries by id, each as the admin API's PUT takes it. What
 * an import does and refuses is {@link ConfigImports}'s; this reads and writes the file. Only an admin reaches it.
 */
public final class ConfigFiles {

    public static final int FORMAT = 1;
    public static final String FORMAT_FIELD = "closedloop";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** The file could not be read as a configuration; {@code reason} says where, in English. */
    public static final class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ConfigImports imports;

    public ConfigFiles(ConfigImports imports) {
        this.imports = imports;
    }

    public String export(Access access, Instant now) {
        ConfigEntries.requireAdmin(access);
        ObjectNode document = Json.object();
        document.put(FORMAT_FIELD, FORMAT);
        imports.export().forEach((kind, entries) -> {
            ObjectNode ofKind = document.putObject(kind.path());
            entries.forEach(ofKind::set);
        });
        try {
            return "# Closedloop configuration, exported " + now + ". API keys, link keys and webhook secrets are never in this file.\n"
                    + YAML.writeValueAsString(document);
        } catch (JacksonException e) {
            throw new IllegalStateException("the configuration could not be written as YAML", e);
        }
    }

    public ConfigImports.Plan preview(Access access, String yaml) throws Unreadable {
        ConfigEntries.requireAdmin(access);
        return imports.plan(read(yaml));
    }

    /** @throws io.closedloop.http.ProblemException 409 when the configuration changed since the preview, 422 when it is not valid */
    public ConfigImports.Plan apply(Access access, String yaml, String basis) throws Unreadable {
        ConfigEntries.requireAdmin(access);
        return imports.apply(read(yaml), basis);
    }

    /** The file's entries, in the file's order of kinds (ConfigImports checks references whatever the order). */
    static List<Incoming> read(String yaml) throws Unreadable {
        JsonNode document;
        try {
            document = YAML.readTree(yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new Unreadable("is not YAML" + where);
        }
        if (document == null || !document.isObject()) {
            throw new Unreadable("must be a YAML map with " + FORMAT_FIELD + ": " + FORMAT + " and one map per kind");
        }
        if (!document.path(FORMAT_FIELD).isIntegralNumber() || document.path(FORMAT_FIELD).asInt() != FORMAT) {
            throw new Unreadable("must start with " + FORMAT_FIELD + ": " + FORMAT);
        }
        List<Incoming> incoming = new ArrayList<>();
        for (Map.Entry<String, JsonNode> section : document.properties()) {
            if (section.getKey().equals(FORMAT_FIELD)) {
                continue;
            }
            AdminKind kind = ConfigImports.KINDS.stream().filter(k -> k.path().equals(section.getKey())).findFirst()
                    .orElseThrow(() -> new Unreadable("has an unknown section " + shown(section.getKey()) + ": expected one of "
                            + String.join(", ", ConfigImports.KINDS.stream().map(AdminKind::path).toList())));
            if (section.getValue().isNull()) {
                continue;
            }
            if (!section.getValue().isObject()) {
                throw new Unreadable("section " + kind.path() + " must be a map of entries by id");
            }
            for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
                if (!entry.getValue().isObject()) {
                    throw new Unreadable(kind.path() + "." + shown(entry.getKey()) + " must be a map of fields");
                }
                incoming.add(new Incoming(kind, entry.getKey(), (ObjectNode) entry.getValue()));
            }
        }
        return incoming;
    }

    private static String shown(String text) {
        String clean = text.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
