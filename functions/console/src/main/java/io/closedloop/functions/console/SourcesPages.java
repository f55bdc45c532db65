package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.admin.ConfigValidator;
import io.closedloop.config.Campaign;
import io.closedloop.config.Secret;
import io.closedloop.config.Source;
import io.closedloop.config.WebhookFormat;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.console.SourceSecrets;
import io.closedloop.domain.ScoreType;
import io.closedloop.functions.console.ConsoleView.MappingRow;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.ConsoleView.SecretRow;
import io.closedloop.functions.console.ConsoleView.SourceForm;
import io.closedloop.functions.console.ConsoleView.SourceRow;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.ingest.SignatureVerifier;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.templates.console.JtesourceGenerated;
import io.closedloop.templates.console.JtesourceSecretGenerated;
import io.closedloop.templates.console.JtesourcesGenerated;
import io.closedloop.webui.CaseViews;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The source pages under {@code /console/admin/sources} ({@link EntryPages}): the list with each source's webhook
 * address to copy, a source's form (campaign, format, score and comment questions, field mapping), and its secrets. A
 * secret made here is shown once, on the page that answers the POST, and never again; the survey tool's own secret is
 * pasted instead where the tool issues it. Rotation keeps two active: add the new one, switch the tool, remove the old.
 */
final class SourcesPages implements EntryPages.Kind<Source, SourcesPages.Input> {

    static final String BASE = "/console/admin/sources";
    /** The respondent fields a mapping can fill, in the order the form shows them. */
    static final List<String> RESPONDENT_FIELDS = List.of("email", "name", "id", "phone", "locale");
    /** Empty attribute rows the form offers beyond the source's own, so one can be added without script. */
    static final int EMPTY_ATTRIBUTE_ROWS = 2;

    private static final Pattern ADD_SECRET = Pattern.compile(Pattern.quote(BASE) + "/([A-Za-z0-9._-]{1,64})/secrets");
    private static final Pattern REMOVE_SECRET = Pattern.compile(Pattern.quote(BASE) + "/([A-Za-z0-9._-]{1,64})/secrets/([A-Za-z0-9._-]{1,64})/remove");

    /** An attribute the mapping adds: its name and where the payload keeps it. */
    record Attribute(String name, String reference) {}

    /** What the form sends, as typed; {@code secret} (a new source's) is pasted from the survey tool or null. */
    record Input(String id, String campaignId, String format, String scoreType, String scoreQuestion, String commentQuestion,
            boolean enabled, Map<String, String> respondent, List<Attribute> attributes, String secret) {
        Input {
            respondent = Map.copyOf(respondent);
            attributes = List.copyOf(attributes);
        }
    }

    private final ConfigEntries<Source> sources;
    private final SourceSecrets secrets;
    private final String publicBaseUrl;
    private final Supplier<Instant> clock;

    /** @param publicBaseUrl where the webhook addresses are shown to point */
    SourcesPages(ConfigEntries<Source> sources, SourceSecrets secrets, String publicBaseUrl, Supplier<Instant> clock) {
        this.sources = sources;
        this.secrets = secrets;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "sources.";
    }

    @Override
    public Input blank() {
        return new Input(null, null, WebhookFormat.GENERIC.name(), ScoreType.NPS.name(), null, null, true, Map.of(), List.of(), null);
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(Source value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<Source>> deletes() {
        return Optional.of(sources);
    }

    @Override
    public String nameOf(Source value) {
        return value.id();
    }

    @Override
    public Optional<Listed<Source>> find(ConsoleVisit visit, String id) {
        return sources.find(visit.access(), id);
    }

    @Override
    public Saved<Source> save(ConsoleVisit visit, Input input, Long version) {
        List<FieldError> refused = new ArrayList<>();
        Optional<WebhookFormat> format = format(input.format());
        // Checked before the source is stored, so a new source is never left with a secret the admin API then refuses
        if (input.secret() != null && format.isPresent() && !SignatureVerifier.acceptsSecret(format.get(), input.secret())) {
            refused.add(new FieldError("secret", "unusable"));
        }
        Set<String> names = new HashSet<>();
        for (Attribute attribute : input.attributes()) {
            if (!names.add(attribute.name())) {
                refused.add(new FieldError("mapping.attributes", "twice"));
            }
        }
        if (!refused.isEmpty()) {
            return new Saved.Refused<>(refused);
        }
        ObjectNode json = Json.object();
        json.put("campaignId", input.campaignId());
        json.put("format", input.format());
        json.put("scoreType", input.scoreType());
        json.put("scoreQuestion", input.scoreQuestion());
        json.put("commentQuestion", input.commentQuestion());
        json.put("enabled", input.enabled());
        ObjectNode mapping = json.putObject("mapping");
        ObjectNode respondent = mapping.putObject("respondent");
        input.respondent().forEach(respondent::put);
        ObjectNode attributes = mapping.putObject("attributes");
        input.attributes().forEach(a -> attributes.put(a.name(), a.reference()));
        return sources.save(visit.access(), input.id(), json, version);
    }

    /** A new source gets its first secret at once: the pasted one, or one made here and shown this once. */
    @Override
    public HttpResponse done(ConsoleVisit visit, Input input, Saved.Done<Source> done) {
        Source source = done.value();
        if (!done.created() || input.secret() == null && source.format().secretIssuedByProvider()) {
            return Pages.redirect(BASE + (done.created() ? "/" + source.id() + "#secrets" : "?saved=" + source.id()));
        }
        return switch (secrets.add(visit.access(), source.id(), input.secret(), done.version(), clock.get())) {
            case SourceSecrets.Added.Done added when added.shownValue() != null -> secretShown(visit, source, added);
            case SourceSecrets.Added.Done added -> Pages.redirect(BASE + "?saved=" + source.id());
            default -> Pages.redirect(BASE + "/" + source.id() + "#secrets");
        };
    }

    /** The answer to a POST on a source's secrets, or empty when the address is not one of them. */
    Optional<HttpResponse> secretsPost(String path, FormBody form, ConsoleVisit visit) {
        Matcher add = ADD_SECRET.matcher(path);
        Matcher remove = REMOVE_SECRET.matcher(path);
        if (!add.matches() && !remove.matches()) {
            return Optional.empty();
        }
        String sourceId = add.matches() ? add.group(1) : remove.group(1);
        Optional<Listed<Source>> found = find(visit, sourceId);
        long version = form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(0L);
        if (found.isEmpty()) {
            return Optional.of(gone(visit));
        }
        Listed<Source> current = found.get();
        String action = BASE + "/" + sourceId;
        WebMessages m = visit.m();
        if (remove.matches()) {
            String secretId = remove.group(2);
            return Optional.of(switch (secrets.remove(visit.access(), sourceId, secretId, version)) {
                case DONE -> {
                    Log.info("console source secret removed", Map.of("source", sourceId, "secret", secretId));
                    yield Pages.redirect(BASE + "?saved=" + sourceId);
                }
                case LAST_SECRET -> form(409, visit, action, inputOf(current.value()), current.version(), Map.of(), m.t("sources.lastSecret"));
                case CONFLICT -> conflict(visit, sourceId);
            });
        }
        String pasted = FormText.strip(form.text("secret"));
        Source source = current.value();
        if (pasted == null && source.format().secretIssuedByProvider()) {
            return Optional.of(form(422, visit, action, inputOf(source), current.version(),
                    Map.of("secret", m.t("sources.error.secret.required", formatName(m, source.format()))), null));
        }
        return Optional.of(switch (secrets.add(visit.access(), sourceId, pasted, version, clock.get())) {
            case SourceSecrets.Added.Done added -> {
                Log.info("console source secret added", Map.of("source", sourceId, "secret", added.secretId()));
                yield added.shownValue() != null ? secretShown(visit, source, added) : Pages.redirect(BASE + "?saved=" + sourceId);
            }
            case SourceSecrets.Added.Refused refused -> form(422, visit, action, inputOf(source), current.version(),
                    FormErrors.of(refused.errors().stream().map(e -> new FieldError(e.field().equals("value") ? "secret" : e.field(), "refused")).toList(), m,
                            "sources.error."), null);
            case SourceSecrets.Added.Conflict c -> conflict(visit, sourceId);
        });
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        WebMessages m = visit.m();
        List<Listed<Source>> all = new ArrayList<>(sources.list(visit.access()));
        all.sort(Comparator.comparing(l -> l.value().id()));
        List<SourceRow> rows = new ArrayList<>();
        for (Listed<Source> listed : all) {
            Source s = listed.value();
            String campaign = Optional.ofNullable(visit.config().campaigns().get(s.campaignId())).map(Campaign::name).orElse(s.campaignId());
            String state = !s.enabled() ? m.t("sources.disabled")
                    : s.secrets().isEmpty() ? m.t("sources.noSecret") : m.t("sources.secretCount", s.secrets().size());
            rows.add(new SourceRow(s.id(), BASE + "/" + s.id(), campaign, formatName(m, s.format()), webhook(s.id()), state,
                    s.enabled() && !s.secrets().isEmpty()));
        }
        String notice = saved.filter(id -> visit.config().sources().containsKey(id)).map(id -> m.t("sources.saved", id)).orElse(null);
        return ConsolePages.framed(200, visit.nav(), m.t("sources.title"),
                output -> JtesourcesGenerated.render(Pages.html(output), null, new ConsoleView.Sources(m, rows, notice)));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors,
            String conflict) {
        WebMessages m = visit.m();
        Optional<WebhookFormat> format = format(input.format());
        Map<String, String> worded = new LinkedHashMap<>(errors);
        // A reference's refusal names the kinds this format reads, in the admin's words
        worded.replaceAll((field, message) -> field.startsWith("mapping.respondent.") || field.startsWith("mapping.attributes.")
                ? format.map(f -> m.t("sources.error.reference", formatName(m, f),
                        ConfigValidator.referenceKinds(f).stream().sorted().collect(Collectors.joining(", ")))).orElse(message)
                : message);
        List<Option> campaigns = new ArrayList<>();
        visit.config().campaigns().values().stream().sorted(Comparator.comparing(Campaign::name))
                .forEach(c -> campaigns.add(new Option(c.id(), c.name(), c.id().equals(input.campaignId()))));
        List<Option> formats = Arrays.stream(WebhookFormat.values())
                .map(f -> new Option(f.name(), formatName(m, f), f.name().equals(input.format()))).toList();
        List<Option> scales = Arrays.stream(ScoreType.values())
                .map(t -> new Option(t.name(), m.t("sources.scale." + t.name(), t.min(), t.max()), t.name().equals(input.scoreType()))).toList();
        List<MappingRow> respondent = RESPONDENT_FIELDS.stream()
                .map(f -> new MappingRow("respondent." + f, m.t("sources.field.respondent." + f), FormText.text(input.respondent().get(f)),
                        worded.get("mapping.respondent." + f)))
                .toList();
        List<MappingRow> attributes = new ArrayList<>();
        for (Attribute a : input.attributes()) {
            attributes.add(new MappingRow("attribute." + attributes.size(), a.name(), a.reference(), worded.get("mapping.attributes." + a.name())));
        }
        for (int i = 0; i < EMPTY_ATTRIBUTE_ROWS; i++) {
            attributes.add(new MappingRow("attribute." + attributes.size(), "", "", null));
        }
        Source stored = version == null ? null : visit.config().sources().get(input.id());
        DateTimeFormatter dates = CaseViews.dates(m, CaseViews.zoneOf(visit.access().person(), visit.config()));
        List<SecretRow> secretRows = stored == null ? List.of()
                : stored.secrets().stream().sorted(Comparator.comparing(Secret::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .map(s -> new SecretRow(s.id(), s.createdAt() == null ? "" : dates.format(s.createdAt()),
                                BASE + "/" + input.id() + "/secrets/" + s.id() + "/remove"))
                        .toList();
        String secretHelp = format.map(f -> f.secretIssuedByProvider() ? m.t("sources.secret.paste", formatName(m, f)) : m.t("sources.secret.made"))
                .orElse("");
        SourceForm view = new SourceForm(m, action, FormText.text(input.id()), campaigns, formats, format.map(f -> formatName(m, f)).orElse(""),
                FormText.text(input.format()), scales, FormText.text(input.scoreQuestion()), FormText.text(input.commentQuestion()), input.enabled(), respondent, attributes,
                input.id() == null ? "" : webhook(input.id()), secretRows, BASE + "/" + FormText.text(input.id()) + "/secrets", secretHelp, version,
                visit.csrf(), worded, conflict);
        String title = version == null ? m.t("sources.new") : m.t("sources.titleOf", input.id());
        return ConsolePages.framed(status, visit.nav(), title, output -> JtesourceGenerated.render(Pages.html(output), null, view));
    }

    @Override
    public Input read(FormBody form, String id) {
        Map<String, String> respondent = new LinkedHashMap<>();
        for (String field : RESPONDENT_FIELDS) {
            String reference = FormText.strip(form.text("respondent." + field));
            if (reference != null) {
                respondent.put(field, reference);
            }
        }
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < ConfigValidator.MAX_MAPPINGS; i++) {
            if (!form.fields().containsKey("attribute." + i + ".name")) {
                break;
            }
            String name = FormText.strip(form.text("attribute." + i + ".name"));
            String reference = FormText.strip(form.text("attribute." + i + ".reference"));
            if (name != null || reference != null) {
                attributes.add(new Attribute(name == null ? "" : name, reference == null ? "" : reference));
            }
        }
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("campaignId")), FormText.strip(form.text("format")),
                FormText.strip(form.text("scoreType")), FormText.strip(form.text("scoreQuestion")), FormText.strip(form.text("commentQuestion")),
                form.fields().containsKey("enabled"), respondent, attributes, id == null ? FormText.strip(form.text("secret")) : null);
    }

    @Override
    public Input inputOf(Source s) {
        List<Attribute> attributes = s.mapping().attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Attribute(e.getKey(), e.getValue())).toList();
        return new Input(s.id(), s.campaignId(), s.format().name(), s.scoreType().name(), s.scoreQuestion(), s.commentQuestion(), s.enabled(),
                s.mapping().respondent(), attributes, null);
    }

    private HttpResponse secretShown(ConsoleVisit visit, Source source, SourceSecrets.Added.Done added) {
        WebMessages m = visit.m();
        String where = m.t("sources.shown.where." + source.format().name(), webhook(source.id()));
        ConsoleView.SecretShown view = new ConsoleView.SecretShown(m, source.id(), formatName(m, source.format()), webhook(source.id()),
                added.secretId(), added.shownValue(), where, BASE + "/" + source.id());
        return ConsolePages.framed(200, visit.nav(), m.t("sources.shown.title", source.id()),
                output -> JtesourceSecretGenerated.render(Pages.html(output), null, view));
    }

    private HttpResponse conflict(ConsoleVisit visit, String sourceId) {
        return find(visit, sourceId)
                .map(current -> form(409, visit, BASE + "/" + sourceId, inputOf(current.value()), current.version(), Map.of(),
                        visit.m().t("sources.conflict")))
                .orElseGet(() -> gone(visit));
    }

    private HttpResponse gone(ConsoleVisit visit) {
        return EntryPages.gone(visit, words());
    }

    private String webhook(String sourceId) {
        return publicBaseUrl + "/webhooks/" + sourceId;
    }

    private static String formatName(WebMessages m, WebhookFormat format) {
        return m.t("sources.format." + format.name());
    }

    private static Optional<WebhookFormat> format(String name) {
        return Arrays.stream(WebhookFormat.values()).filter(f -> f.name().equals(name)).findFirst();
    }
}
