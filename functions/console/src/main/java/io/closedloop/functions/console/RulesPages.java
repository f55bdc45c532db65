package io.closedloop.functions.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.config.Campaign;
import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.Team;
import io.closedloop.console.ConfigEntries;
import io.closedloop.console.ConfigEntries.Listed;
import io.closedloop.console.ConfigEntries.Saved;
import io.closedloop.console.RuleTrials;
import io.closedloop.domain.Category;
import io.closedloop.domain.Response;
import io.closedloop.domain.ScoreType;
import io.closedloop.functions.console.ConditionForm.Node;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.functions.console.RuleView.CampaignRules;
import io.closedloop.functions.console.RuleView.ConditionLine;
import io.closedloop.functions.console.RuleView.LookupLine;
import io.closedloop.functions.console.RuleView.RuleLine;
import io.closedloop.functions.console.RuleView.TrialLine;
import io.closedloop.http.HttpResponse;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.json.Json;
import io.closedloop.log.Log;
import io.closedloop.rules.Assignment;
import io.closedloop.rules.AttributeOp;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleEvaluator;
import io.closedloop.rules.RuleJson;
import io.closedloop.rules.RuleOutcome;
import io.closedloop.templates.console.JteruleGenerated;
import io.closedloop.templates.console.JterulesGenerated;
import io.closedloop.webui.CaseViews;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule pages under {@code /console/admin/rules} ({@link EntryPages}): each campaign's rules in the order they are
 * evaluated, moved up or down; and the builder: name, campaign, priority, the condition as AND / OR / NOT groups of
 * score, NPS category, attribute, comment and text tests, and the outcome (assignment fixed, round robin or by
 * attribute, priority, SLA policy, who is alerted). "Try it" runs the draft on the campaign's last responses before
 * anything is saved ({@link RuleTrials}).
 *
 * <p>A rule's triage overrides have no fields here yet; an edit keeps the stored ones as they are.
 */
final class RulesPages implements EntryPages.Kind<Rule, RulesPages.Input> {

    static final String BASE = "/console/admin/rules";
    static final int EMPTY_LOOKUPS = 3;
    private static final int MAX_LOOKUPS = 200;
    private static final int PRIORITY_STEP = 10;
    private static final Pattern MOVE = Pattern.compile(Pattern.quote(BASE) + "/([A-Za-z0-9._-]{1,64})/(up|down)");
    private static final Pattern EDIT = Pattern.compile("(add|remove):(c(?:\\.[0-9]{1,2}){0,8})");
    private static final int COMMENT_SHOWN = 90;
    /** An error the page itself found on a builder line: {@code <node path>.<field>}. */
    private static final Pattern FORM_FIELD = Pattern.compile("(c(?:\\.[0-9]{1,2})*)\\.([a-z]+)");
    /** An error on one value of the lookup table is the table's: the form names the table. */
    private static final String LOOKUP_ERRORS = "outcome.assignment.responderByValue";

    record Lookup(String value, String responderId) {}

    /** What the form sends, as typed. */
    record Input(String id, String name, String campaignId, String priority, boolean enabled, Node condition, boolean openCase, String casePriority,
            String assignment, String responderId, String teamId, String lookupAttribute, List<Lookup> lookup, String fallbackResponderId,
            String slaPolicyId, boolean alertAssignee, List<String> watcherIds, String loop, String last) {
        Input {
            lookup = List.copyOf(lookup);
            watcherIds = List.copyOf(watcherIds);
        }

        Input withCondition(Node replaced) {
            return new Input(id, name, campaignId, priority, enabled, replaced, openCase, casePriority, assignment, responderId, teamId, lookupAttribute,
                    lookup, fallbackResponderId, slaPolicyId, alertAssignee, watcherIds, loop, last);
        }
    }

    private final ConfigEntries<Rule> rules;
    private final RuleTrials trials;
    private final Supplier<Instant> now;

    RulesPages(ConfigEntries<Rule> rules, RuleTrials trials, Supplier<Instant> now) {
        this.rules = rules;
        this.trials = trials;
        this.now = now;
    }

    @Override
    public String base() {
        return BASE;
    }

    @Override
    public String words() {
        return "rules.";
    }

    @Override
    public Input blank() {
        return new Input(null, null, null, "100", true, Node.group("all", List.of(Node.leaf("score"))), true, Priority.NORMAL.name(), "fixed", null,
                null, null, List.of(), null, null, true, List.of(), null, String.valueOf(RuleTrials.DEFAULT_LAST));
    }

    @Override
    public String typedId(Input input) {
        return input.id();
    }

    @Override
    public String idOf(Rule value) {
        return value.id();
    }

    @Override
    public Optional<ConfigEntries<Rule>> deletes() {
        return Optional.of(rules);
    }

    @Override
    public String nameOf(Rule value) {
        return value.name() == null || value.name().isBlank() ? value.id() : value.name();
    }

    @Override
    public Optional<Listed<Rule>> find(ConsoleVisit visit, String id) {
        return rules.find(visit.access(), id);
    }

    @Override
    public Saved<Rule> save(ConsoleVisit visit, Input input, Long version) {
        List<FieldError> unreadable = new ArrayList<>();
        ObjectNode json = json(input, visit.config(), unreadable);
        if (!unreadable.isEmpty()) {
            return new Saved.Refused<>(unreadable);
        }
        return rules.save(visit.access(), input.id(), json, version);
    }

    /** An edit of the condition (add, remove) or a dry run: the form again, nothing saved. */
    @Override
    public Optional<HttpResponse> reshow(ConsoleVisit visit, String action, FormBody form, Input input, Long version) {
        String edit = form.text("edit");
        if (edit == null) {
            return Optional.empty();
        }
        if (edit.equals("try")) {
            return Optional.of(tryDraft(visit, action, input, version));
        }
        Matcher m = EDIT.matcher(edit);
        if (!m.matches()) {
            return Optional.of(page(200, visit, action, input, version, Map.of(), null, null));
        }
        Node edited = m.group(1).equals("add")
                ? ConditionForm.add(input.condition(), m.group(2), Optional.ofNullable(form.text("addKind." + m.group(2))).orElse("score"))
                : ConditionForm.remove(input.condition(), m.group(2));
        return Optional.of(page(200, visit, action, input.withCondition(edited), version, Map.of(), null, null));
    }

    private HttpResponse tryDraft(ConsoleVisit visit, String action, Input input, Long version) {
        WebMessages m = visit.m();
        List<FieldError> unreadable = new ArrayList<>();
        ObjectNode json = json(input, visit.config(), unreadable);
        if (!unreadable.isEmpty()) {
            return page(422, visit, action, input, version, FormErrors.of(unreadable, m, words() + "error."), null, null);
        }
        int last = Optional.ofNullable(input.last()).filter(t -> t.matches("[0-9]{1,4}")).map(Integer::parseInt).orElse(RuleTrials.DEFAULT_LAST);
        LocalDate today = LocalDate.ofInstant(now.get(), ZoneOffset.UTC);
        return switch (trials.trial(visit.access(), visit.config(), json, version == null ? null : input.id(), last, today)) {
            case RuleTrials.Outcome.Refused refused -> page(422, visit, action, input, version, FormErrors.of(refused.errors(), m, words() + "error."), null, null);
            case RuleTrials.Outcome.Trial trial -> {
                Log.info("console rule tried", Map.of("campaign", trial.campaignId(), "responses", trial.rows().size(), "matched", trial.matched()));
                yield page(200, visit, action, input, version, Map.of(), null, trialView(trial, visit));
            }
        };
    }

    /** {@code POST /console/admin/rules/<id>/up|down}: the rule one place earlier or later in its campaign's order. */
    Optional<HttpResponse> movePost(String path, FormBody form, ConsoleVisit visit) {
        Matcher m = MOVE.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        Optional<Listed<Rule>> moved = rules.find(visit.access(), id);
        long shown = form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(-1L);
        if (moved.isEmpty()) {
            return Optional.of(EntryPages.gone(visit, words()));
        }
        if (moved.get().version() != shown) {
            return Optional.of(listPage(409, visit, visit.m().t("rules.moveConflict"), true));
        }
        String campaignId = moved.get().value().campaignId();
        List<Listed<Rule>> order = new ArrayList<>(rules.list(visit.access()).stream().filter(l -> l.value().campaignId().equals(campaignId))
                .sorted(Comparator.comparing(Listed::value, Rule.EVALUATION_ORDER)).toList());
        int from = indexOf(order, id);
        int to = m.group(2).equals("up") ? from - 1 : from + 1;
        if (to < 0 || to >= order.size()) {
            return Optional.of(Pages.redirect(BASE + "?saved=" + id));
        }
        Listed<Rule> other = order.get(to);
        Map<String, Integer> priorities = new LinkedHashMap<>();
        if (other.value().priority() != moved.get().value().priority()) {
            priorities.put(id, other.value().priority());
            priorities.put(other.value().id(), moved.get().value().priority());
        } else {
            // Equal priorities are ordered by id: number the whole campaign apart instead
            order.add(to, order.remove(from));
            for (int i = 0; i < order.size(); i++) {
                int wanted = (order.size() - i) * PRIORITY_STEP;
                if (order.get(i).value().priority() != wanted) {
                    priorities.put(order.get(i).value().id(), wanted);
                }
            }
        }
        for (Map.Entry<String, Integer> change : priorities.entrySet()) {
            Listed<Rule> current = order.stream().filter(l -> l.value().id().equals(change.getKey())).findFirst().orElseThrow();
            ObjectNode json = RuleJson.toJson(current.value());
            json.put("priority", change.getValue());
            if (!(rules.save(visit.access(), change.getKey(), json, current.version()) instanceof Saved.Done<Rule>)) {
                return Optional.of(listPage(409, visit, visit.m().t("rules.moveConflict"), true));
            }
        }
        Log.info("console rule moved", Map.of("id", id, "direction", m.group(2), "rulesRenumbered", priorities.size()));
        return Optional.of(Pages.redirect(BASE + "?saved=" + id));
    }

    private static int indexOf(List<Listed<Rule>> order, String id) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).value().id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("rule not in its campaign's order");
    }

    @Override
    public HttpResponse list(ConsoleVisit visit, Optional<String> saved) {
        Configuration config = visit.config();
        String notice = saved.flatMap(config::rule).map(rule -> {
            List<Rule> ofCampaign = config.rules().stream().filter(r -> r.campaignId().equals(rule.campaignId())).sorted(Rule.EVALUATION_ORDER).toList();
            return visit.m().t("rules.saved", rule.name(), ofCampaign.indexOf(rule) + 1, ofCampaign.size(), campaignName(rule.campaignId(), config));
        }).orElse(null);
        return listPage(200, visit, notice, false);
    }

    private HttpResponse listPage(int status, ConsoleVisit visit, String notice, boolean warning) {
        WebMessages m = visit.m();
        Configuration config = visit.config();
        Map<String, List<Listed<Rule>>> byCampaign = new LinkedHashMap<>();
        rules.list(visit.access()).stream().sorted(Comparator.comparing(Listed::value, Rule.EVALUATION_ORDER))
                .forEach(l -> byCampaign.computeIfAbsent(l.value().campaignId(), c -> new ArrayList<>()).add(l));
        List<CampaignRules> campaigns = new ArrayList<>();
        byCampaign.entrySet().stream().sorted(Comparator.comparing(e -> campaignName(e.getKey(), config))).forEach(entry -> {
            List<Listed<Rule>> listed = entry.getValue();
            List<RuleLine> lines = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                Rule rule = listed.get(i).value();
                lines.add(new RuleLine(rule.id(), BASE + "/" + rule.id(), rule.name(), rule.enabled(), RuleEvaluator.describe(rule.condition()),
                        outcomeText(rule, config, m), listed.get(i).version(), i == 0 ? null : BASE + "/" + rule.id() + "/up",
                        i == listed.size() - 1 ? null : BASE + "/" + rule.id() + "/down"));
            }
            campaigns.add(new CampaignRules(entry.getKey(), campaignName(entry.getKey(), config), lines));
        });
        return ConsolePages.framed(status, visit.nav(), m.t("rules.title"),
                output -> JterulesGenerated.render(Pages.html(output), null, new RuleView.RulesList(m, campaigns, notice, warning, visit.csrf())));
    }

    @Override
    public HttpResponse form(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors, String conflict) {
        return page(status, visit, action, input, version, errors, conflict, null);
    }

    private HttpResponse page(int status, ConsoleVisit visit, String action, Input input, Long version, Map<String, String> errors, String conflict,
            RuleView.Trial trial) {
        WebMessages m = visit.m();
        Configuration config = visit.config();
        Map<String, String> worded = conditionErrors(errors, input.condition(), m);
        List<Option> campaigns = new ArrayList<>();
        campaigns.add(new Option("", m.t("rules.chooseCampaign"), input.campaignId() == null));
        config.campaigns().values().stream().sorted(Comparator.comparing(Campaign::name))
                .forEach(c -> campaigns.add(new Option(c.id(), c.name(), c.id().equals(input.campaignId()))));
        List<Responder> people = config.responders().values().stream().sorted(Comparator.comparing(Responder::name)).toList();
        List<Option> priorities = Arrays.stream(Priority.values())
                .map(p -> new Option(p.name(), m.priority(p.name()), p.name().equals(input.casePriority()))).toList();
        List<Option> assignments = new ArrayList<>();
        for (String type : List.of("none", "fixed", "roundRobin", "lookup")) {
            assignments.add(new Option(type, m.t("rules.assign." + type), type.equals(Objects.requireNonNullElse(input.assignment(), "none"))));
        }
        List<Option> teams = new ArrayList<>();
        teams.add(new Option("", m.t("rules.chooseTeam"), input.teamId() == null));
        config.teams().values().stream().sorted(Comparator.comparing(Team::name))
                .forEach(t -> teams.add(new Option(t.id(), t.name(), t.id().equals(input.teamId()))));
        List<Lookup> lookups = new ArrayList<>(input.lookup());
        for (int i = 0; i < EMPTY_LOOKUPS; i++) {
            lookups.add(new Lookup(null, null));
        }
        List<LookupLine> lookupLines = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            lookupLines.add(new LookupLine(i, FormText.text(lookups.get(i).value()), people(people, lookups.get(i).responderId(), m.t("rules.nobody"))));
        }
        List<Option> slas = new ArrayList<>();
        slas.add(new Option("", m.t("rules.campaignSla"), input.slaPolicyId() == null));
        config.slaPolicies().values().stream().sorted(Comparator.comparing(SlaPolicy::name))
                .forEach(p -> slas.add(new Option(p.id(), p.name(), p.id().equals(input.slaPolicyId()))));
        List<Option> watchers = people.stream().map(r -> new Option(r.id(), r.name(), input.watcherIds().contains(r.id()))).toList();
        int keptTriage = input.id() == null ? 0 : config.rule(input.id()).map(r -> r.outcome().triage().size()).orElse(0);
        RuleView.RuleForm view = new RuleView.RuleForm(m, action, FormText.text(input.id()), FormText.text(input.name()), campaigns,
                FormText.text(input.priority()), input.enabled(), conditionLines(input.condition(), worded, m), input.openCase(), priorities, assignments,
                people(people, input.responderId(), m.t("rules.nobody")), teams, FormText.text(input.lookupAttribute()), lookupLines,
                people(people, input.fallbackResponderId(), m.t("rules.noFallback")), slas, input.alertAssignee(), watchers, FormText.text(input.loop()),
                keptTriage, FormText.text(input.last()), trial, version, visit.csrf(), worded, conflict);
        String title = version == null ? m.t("rules.new") : FormText.text(input.name());
        return ConsolePages.framed(status, visit.nav(), title, output -> JteruleGenerated.render(Pages.html(output), null, view));
    }

    private static List<Option> people(List<Responder> people, String chosen, String none) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", none, chosen == null));
        people.forEach(r -> options.add(new Option(r.id(), r.name(), r.id().equals(chosen))));
        return options;
    }

    /** Each condition error on its node's path, in the admin's words for its field ({@code rules.error.cond.<field>}). */
    private static Map<String, String> conditionErrors(Map<String, String> errors, Node root, WebMessages m) {
        Map<String, String> worded = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (field.startsWith(LOOKUP_ERRORS + ".")) {
                worded.putIfAbsent(LOOKUP_ERRORS, m.t("rules.error." + LOOKUP_ERRORS));
                return;
            }
            Matcher typed = FORM_FIELD.matcher(field);
            Optional<String[]> located = typed.matches() ? Optional.of(new String[] {typed.group(1), typed.group(2)}) : ConditionForm.locate(field, root);
            if (located.isEmpty()) {
                worded.putIfAbsent(field, message);
                return;
            }
            String key = "rules.error.cond." + located.get()[1];
            worded.putIfAbsent(located.get()[0], m.has(key) ? m.t(key) : message);
        });
        return worded;
    }

    private static List<ConditionLine> conditionLines(Node root, Map<String, String> errors, WebMessages m) {
        List<ConditionLine> lines = new ArrayList<>();
        addLines(root, ConditionForm.ROOT, 0, errors, m, lines);
        return lines;
    }

    private static void addLines(Node node, String path, int depth, Map<String, String> errors, WebMessages m, List<ConditionLine> lines) {
        List<Option> groupKinds = ConditionForm.GROUP_KINDS.stream().map(k -> new Option(k, m.t("rules.group." + k), k.equals(node.kind()))).toList();
        List<Option> scales = new ArrayList<>();
        scales.add(new Option("", m.t("rules.anyScale"), node.scale() == null));
        Arrays.stream(ScoreType.values()).forEach(s -> scales.add(new Option(s.name(), s.name(), s.name().equals(node.scale()))));
        List<Option> categories = Arrays.stream(Category.values())
                .map(c -> new Option(c.name(), m.t("category." + c.name()), node.categories().contains(c.name()))).toList();
        List<Option> ops = Arrays.stream(AttributeOp.values()).map(o -> new Option(o.name(), m.t("rules.op." + o.name()), o.name().equals(node.op())))
                .toList();
        String label = node.isGroup() ? m.t(depth == 0 ? "rules.cond.top" : "rules.cond.group") : m.t("rules.cond." + node.kind());
        lines.add(new ConditionLine(path, depth, node.kind(), false, node.not(), groupKinds, scales, FormText.text(node.min()), FormText.text(node.max()),
                categories, FormText.text(node.attribute()), ops, FormText.text(node.values()), node.present(), FormText.text(node.question()),
                FormText.text(node.text()), List.of(), depth > 0, label, errors.get(path)));
        if (!node.isGroup()) {
            return;
        }
        for (int i = 0; i < node.children().size(); i++) {
            addLines(node.children().get(i), path + "." + i, depth + 1, errors, m, lines);
        }
        List<Option> addable = new ArrayList<>();
        ConditionForm.LEAF_KINDS.forEach(k -> addable.add(new Option(k, m.t("rules.cond." + k), k.equals("score"))));
        if (depth + 2 <= ConditionForm.BUILD_DEPTH) {
            ConditionForm.GROUP_KINDS.forEach(k -> addable.add(new Option(k, m.t("rules.addGroup." + k), false)));
        }
        if (node.children().size() < ConditionForm.MAX_CHILDREN && depth + 1 <= ConditionForm.BUILD_DEPTH) {
            lines.add(new ConditionLine(path, depth + 1, node.kind(), true, false, List.of(), List.of(), "", "", List.of(), "", List.of(), "", true, "", "",
                    addable, false, m.t("rules.addTo"), null));
        }
    }

    private RuleView.Trial trialView(RuleTrials.Outcome.Trial trial, ConsoleVisit visit) {
        WebMessages m = visit.m();
        Configuration config = visit.config();
        ZoneId zone = CaseViews.zoneOf(visit.access().person(), config);
        DateTimeFormatter dates = CaseViews.dates(m, zone);
        List<TrialLine> lines = new ArrayList<>();
        for (RuleTrials.Row row : trial.rows()) {
            Response r = row.response();
            String customer = r.respondent().name() != null ? r.respondent().name()
                    : r.respondent().email() != null ? r.respondent().email() : m.t("rules.trial.anonymous");
            String score = r.score() == null ? m.t("rules.trial.noScore")
                    : r.score().type().name() + " " + r.score().value() + " · " + m.t("category." + Category.of(r.score()).name());
            String comment = r.comment() == null ? "" : r.comment().length() <= COMMENT_SHOWN ? r.comment() : r.comment().substring(0, COMMENT_SHOWN) + "…";
            lines.add(new TrialLine(dates.format(r.submittedAt()), customer, score, comment, row.draftMatches(), row.trace(),
                    winnerName(row.winnerNow(), false, m), winnerName(row.winnerWithDraft(), row.draftWins(), m), row.changed(),
                    row.priority() == null ? "" : m.priority(row.priority().name())));
        }
        String summary = trial.rows().isEmpty() ? m.t("rules.trial.none", campaignName(trial.campaignId(), config), RuleTrials.DAYS_BACK)
                : m.t("rules.trial.summary", trial.rows().size(), campaignName(trial.campaignId(), config), trial.matched(), trial.wins(), trial.changed());
        List<String> warnings = trial.warnings().stream().map(w -> m.sentence(w.message())).distinct().toList();
        return new RuleView.Trial(summary, m.t("queue.zone", CaseViews.zoneName(zone)), lines, warnings);
    }

    private static String winnerName(Rule rule, boolean draft, WebMessages m) {
        return draft ? m.t("rules.trial.thisRule") : rule == null ? m.t("rules.trial.noCase") : rule.name();
    }

    private static String campaignName(String campaignId, Configuration config) {
        return config.campaign(campaignId).map(Campaign::name).orElse(campaignId);
    }

    private static String outcomeText(Rule rule, Configuration config, WebMessages m) {
        RuleOutcome outcome = rule.outcome();
        if (!outcome.openCase()) {
            return m.t("rules.outcome.watchOnly");
        }
        String who = switch (outcome.assignment()) {
            case null -> m.t("rules.outcome.fallback", name(outcome.fallbackResponderId(), config));
            case Assignment.Fixed fixed -> m.t("rules.outcome.fixed", name(fixed.responderId(), config));
            case Assignment.RoundRobin roundRobin -> m.t("rules.outcome.roundRobin", config.team(roundRobin.teamId()).map(Team::name).orElse(roundRobin.teamId()));
            case Assignment.Lookup lookup -> m.t("rules.outcome.lookup", lookup.attribute());
        };
        String sla = outcome.slaPolicyId() != null ? config.slaPolicy(outcome.slaPolicyId()).map(SlaPolicy::name).orElse(outcome.slaPolicyId())
                : config.campaign(rule.campaignId()).flatMap(c -> Optional.ofNullable(c.slaPolicyId())).flatMap(config::slaPolicy)
                        .map(p -> m.t("rules.outcome.campaignSla", p.name())).orElse(m.t("rules.outcome.noSla"));
        return m.priority(outcome.priority().name()) + " · " + who + " · " + sla;
    }

    private static String name(String responderId, Configuration config) {
        return config.responder(responderId).map(Responder::name).orElse(Objects.requireNonNullElse(responderId, "—"));
    }

    /** The rule as the admin API reads it; what cannot be read (a priority that is not a whole number) is refused on its field. */
    private static ObjectNode json(Input input, Configuration config, List<FieldError> unreadable) {
        ObjectNode json = Json.object();
        json.put("name", input.name());
        json.put("campaignId", input.campaignId());
        if (input.priority() == null || !input.priority().matches("-?[0-9]{1,6}")) {
            unreadable.add(new FieldError("priority", "whole"));
        } else {
            json.put("priority", Integer.parseInt(input.priority()));
        }
        json.put("enabled", input.enabled());
        json.set("condition", ConditionForm.toJson(input.condition(), unreadable));
        ObjectNode outcome = json.putObject("outcome");
        outcome.put("openCase", input.openCase());
        outcome.put("priority", input.casePriority());
        // Triage has no fields in the builder yet: an edit keeps the stored overrides
        Optional<Rule> stored = input.id() == null ? Optional.empty() : config.rule(input.id());
        outcome.set("triage", Json.MAPPER.valueToTree(stored.map(r -> r.outcome().triage()).orElse(List.of())));
        switch (Objects.requireNonNullElse(input.assignment(), "none")) {
            case "fixed" -> outcome.putObject("assignment").put("type", "fixed").put("responderId", input.responderId());
            case "roundRobin" -> outcome.putObject("assignment").put("type", "roundRobin").put("teamId", input.teamId());
            case "lookup" -> {
                ObjectNode lookup = outcome.putObject("assignment").put("type", "lookup").put("attribute", input.lookupAttribute());
                ObjectNode table = lookup.putObject("responderByValue");
                input.lookup().forEach(l -> table.put(l.value(), l.responderId()));
            }
            default -> outcome.putNull("assignment");
        }
        outcome.put("fallbackResponderId", input.fallbackResponderId());
        outcome.put("slaPolicyId", input.slaPolicyId());
        outcome.put("alertAssignee", input.alertAssignee());
        ArrayNode watchers = outcome.putArray("watcherIds");
        input.watcherIds().forEach(watchers::add);
        outcome.put("loop", input.loop());
        return json;
    }

    @Override
    public Input read(FormBody form, String id) {
        List<Lookup> lookup = new ArrayList<>();
        for (int i = 0; i < MAX_LOOKUPS && form.fields().containsKey("lookup." + i + ".value"); i++) {
            String value = FormText.strip(form.text("lookup." + i + ".value"));
            if (value != null) {
                lookup.add(new Lookup(value, FormText.strip(form.text("lookup." + i + ".responderId"))));
            }
        }
        List<String> watchers = form.fields().keySet().stream().filter(k -> k.startsWith("watcher.")).map(k -> k.substring("watcher.".length()))
                .filter(k -> !k.isBlank()).toList();
        return new Input(id != null ? id : FormText.strip(form.text("id")), FormText.strip(form.text("name")), FormText.strip(form.text("campaignId")),
                FormText.strip(form.text("priority")), form.fields().containsKey("enabled"), ConditionForm.read(form), form.fields().containsKey("openCase"),
                FormText.strip(form.text("casePriority")), FormText.strip(form.text("assignment")), FormText.strip(form.text("responderId")),
                FormText.strip(form.text("teamId")), FormText.strip(form.text("lookupAttribute")), lookup, FormText.strip(form.text("fallbackResponderId")),
                FormText.strip(form.text("slaPolicyId")), form.fields().containsKey("alertAssignee"), watchers, FormText.strip(form.text("loop")),
                FormText.strip(form.text("last")));
    }

    @Override
    public Input inputOf(Rule rule) {
        RuleOutcome o = rule.outcome();
        String assignment = "none";
        String responderId = null;
        String teamId = null;
        String lookupAttribute = null;
        List<Lookup> lookup = new ArrayList<>();
        switch (o.assignment()) {
            case null -> {}
            case Assignment.Fixed fixed -> {
                assignment = "fixed";
                responderId = fixed.responderId();
            }
            case Assignment.RoundRobin roundRobin -> {
                assignment = "roundRobin";
                teamId = roundRobin.teamId();
            }
            case Assignment.Lookup table -> {
                assignment = "lookup";
                lookupAttribute = table.attribute();
                table.responderByValue().forEach((value, responder) -> lookup.add(new Lookup(value, responder)));
            }
        }
        return new Input(rule.id(), rule.name(), rule.campaignId(), String.valueOf(rule.priority()), rule.enabled(), ConditionForm.of(rule.condition()),
                o.openCase(), o.priority().name(), assignment, responderId, teamId, lookupAttribute, lookup, o.fallbackResponderId(), o.slaPolicyId(),
                o.alertAssignee(), o.watcherIds(), o.loop(), String.valueOf(RuleTrials.DEFAULT_LAST));
    }
}
