package io.closedloop.rules;

import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.config.Team;
import io.closedloop.domain.ScoreType;
import io.closedloop.http.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a rule against the configuration it will run in. Returns every problem found, each naming its field by path
 * (e.g. {@code condition.conditions[1].values}); an empty list means the rule is valid. Never throws, whatever the
 * rule holds (nulls included), and stops descending where the limits are exceeded.
 */
public final class RuleValidator {

    /** Deepest nesting of a condition tree: a top-level condition is at depth 1. */
    public static final int MAX_DEPTH = 8;
    /** Most conditions in one rule, groups included, across its condition and its triage conditions. */
    public static final int MAX_CONDITIONS = 100;
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ATTRIBUTE_NAME_LENGTH = 100;
    public static final int MAX_VALUE_LENGTH = 500;
    public static final int MAX_VALUES = 500;
    public static final int MAX_TRIAGE = 20;
    public static final int MAX_WATCHERS = 50;
    public static final int MAX_LOOKUP_ENTRIES = 1000;
    public static final int MIN_PRIORITY = -1_000_000;
    public static final int MAX_PRIORITY = 1_000_000;
    /** Bounds for a score condition without a scale: the union of the NPS, CSAT and CES ranges. */
    static final int ANY_SCALE_MIN = 0;
    static final int ANY_SCALE_MAX = 10;

    private RuleValidator() {}

    /**
     * Validates a rule or a draft. A draft has no id (null) and version 0; when an id is present it must be well
     * formed.
     */
    public static List<FieldError> validate(Rule rule, Configuration config) {
        Check check = new Check(config);
        if (rule == null) {
            check.error("", "is required");
            return check.errors;
        }
        if (rule.id() != null) {
            check.identifier("id", rule.id());
        }
        if (rule.version() < 0) {
            check.error("version", "must not be negative");
        }
        if (check.identifier("campaignId", rule.campaignId()) && config.campaigns().get(rule.campaignId()) == null) {
            check.error("campaignId", "unknown campaign " + rule.campaignId());
        }
        check.text("name", rule.name(), MAX_NAME_LENGTH);
        if (rule.priority() < MIN_PRIORITY || rule.priority() > MAX_PRIORITY) {
            check.error("priority", "must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY);
        }
        int conditions = check.tree("condition", rule.condition());
        if (conditions > MAX_CONDITIONS) {
            check.error("condition", "has more than " + MAX_CONDITIONS + " conditions");
        }
        if (rule.outcome() == null) {
            check.error("outcome", "is required");
        } else {
            check.outcome(rule.outcome(), conditions);
        }
        return List.copyOf(check.errors);
    }

    /** One validation run: the configuration and the errors found so far. */
    private static final class Check {
        private final Configuration config;
        private final List<FieldError> errors = new ArrayList<>();
        private int counted;

        Check(Configuration config) {
            this.config = config == null ? Configuration.EMPTY : config;
        }

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /** Counts and checks a condition tree; returns how many conditions it has (at most just over the limit). */
        int tree(String path, Condition condition) {
            counted = 0;
            if (condition == null) {
                error(path, "is required");
                return 0;
            }
            condition(path, condition, 1);
            return counted;
        }

        private void condition(String path, Condition condition, int depth) {
            if (condition == null) {
                error(path, "is required");
                return;
            }
            if (depth > MAX_DEPTH) {
                error(path, "nests deeper than " + MAX_DEPTH + " levels");
                return;
            }
            if (++counted > MAX_CONDITIONS) {
                return;
            }
            switch (condition) {
                case Condition.Always a -> {}
                case Condition.All all -> group(path, all.conditions(), depth);
                case Condition.Any any -> group(path, any.conditions(), depth);
                case Condition.Not not -> condition(path + ".condition", not.condition(), depth + 1);
                case Condition.ScoreBetween b -> score(path, b);
                case Condition.CategoryIn c -> category(path, c);
                case Condition.Attribute a -> attribute(path, a);
                case Condition.CommentPresent c -> {}
                case Condition.TextContains t -> textContains(path, t);
            }
        }

        private void group(String path, List<Condition> conditions, int depth) {
            if (conditions.isEmpty()) {
                error(path + ".conditions", "must contain at least one condition");
                return;
            }
            for (int i = 0; i < conditions.size() && counted <= MAX_CONDITIONS; i++) {
                condition(path + ".conditions[" + i + "]", conditions.get(i), depth + 1);
            }
        }

        private void score(String path, Condition.ScoreBetween b) {
            int low = b.type() == null ? ANY_SCALE_MIN : b.type().min();
            int high = b.type() == null ? ANY_SCALE_MAX : b.type().max();
            String scale = b.type() == null ? "any scale" : b.type().name();
            if (b.min() != null && (b.min() < low || b.min() > high)) {
                error(path + ".min", "must be within " + low + "–" + high + " (" + scale + ")");
            }
            if (b.max() != null && (b.max() < low || b.max() > high)) {
                error(path + ".max", "must be within " + low + "–" + high + " (" + scale + ")");
            }
            if (b.min() != null && b.max() != null && b.min() > b.max()) {
                error(path + ".min", "must not be greater than max (" + b.max() + ")");
            }
        }

        private void category(String path, Condition.CategoryIn c) {
            if (c.categories().isEmpty()) {
                error(path + ".categories", "must contain at least one category");
            } else if (c.categories().contains(null)) {
                error(path + ".categories", "must not contain null");
            }
        }

        private void attribute(String path, Condition.Attribute a) {
            text(path + ".name", a.name(), MAX_ATTRIBUTE_NAME_LENGTH);
            if (a.op() == null) {
                error(path + ".op", "is required");
                return;
            }
            List<String> values = a.values();
            String valuesPath = path + ".values";
            switch (a.op()) {
                case EXISTS -> {
                    if (!values.isEmpty()) {
                        error(valuesPath, "must be empty: EXISTS takes no value");
                    }
                }
                case EQ, NE, CONTAINS -> {
                    if (values.size() != 1) {
                        error(valuesPath, "must hold exactly one value for " + a.op());
                    } else {
                        text(valuesPath + "[0]", values.getFirst(), MAX_VALUE_LENGTH);
                    }
                }
                case IN -> {
                    if (values.isEmpty()) {
                        error(valuesPath, "must hold at least one value for IN");
                    } else if (values.size() > MAX_VALUES) {
                        error(valuesPath, "must hold at most " + MAX_VALUES + " values");
                    } else {
                        for (int i = 0; i < values.size(); i++) {
                            text(valuesPath + "[" + i + "]", values.get(i), MAX_VALUE_LENGTH);
                        }
                    }
                }
                case GT, GTE, LT, LTE -> {
                    if (values.size() != 1) {
                        error(valuesPath, "must hold exactly one number for " + a.op());
                    } else if (text(valuesPath + "[0]", values.getFirst(), MAX_VALUE_LENGTH)
                            && !Text.isNumber(values.getFirst())) {
                        error(valuesPath + "[0]", "must be a number, e.g. 100000 or 12.5");
                    }
                }
            }
        }

        private void textContains(String path, Condition.TextContains t) {
            String field = t.field();
            boolean answer = field.startsWith(Condition.TextContains.ANSWER_PREFIX);
            String questionId = answer ? field.substring(Condition.TextContains.ANSWER_PREFIX.length()) : null;
            boolean valid = Condition.TextContains.COMMENT.equals(field)
                    || (answer && !questionId.isBlank() && questionId.length() <= MAX_ID_LENGTH);
            if (!valid) {
                error(path + ".field", "must be \"comment\" or \"answer:<question id>\"");
            }
            text(path + ".text", t.text(), MAX_VALUE_LENGTH);
        }

        void outcome(RuleOutcome outcome, int conditionsSoFar) {
            List<PriorityOverride> triage = outcome.triage();
            if (triage.size() > MAX_TRIAGE) {
                error("outcome.triage", "must hold at most " + MAX_TRIAGE + " overrides");
            } else {
                int total = conditionsSoFar;
                for (int i = 0; i < triage.size(); i++) {
                    String path = "outcome.triage[" + i + "]";
                    PriorityOverride override = triage.get(i);
                    if (override == null) {
                        error(path, "is required");
                        continue;
                    }
                    total += tree(path + ".when", override.when());
                    if (override.priority() == null) {
                        error(path + ".priority", "is required");
                    }
                    if (total > MAX_CONDITIONS && conditionsSoFar <= MAX_CONDITIONS) {
                        error(path + ".when", "brings the rule over " + MAX_CONDITIONS + " conditions");
                        break;
                    }
                }
            }
            assignment(outcome);
            if (outcome.fallbackResponderId() != null) {
                responder("outcome.fallbackResponderId", outcome.fallbackResponderId());
            }
            if (outcome.slaPolicyId() != null && identifier("outcome.slaPolicyId", outcome.slaPolicyId())
                    && config.slaPolicies().get(outcome.slaPolicyId()) == null) {
                error("outcome.slaPolicyId", "unknown SLA policy " + outcome.slaPolicyId());
            }
            watchers(outcome.watcherIds());
            if (outcome.loop() != null) {
                identifier("outcome.loop", outcome.loop());
            }
        }

        private void assignment(RuleOutcome outcome) {
            String path = "outcome.assignment";
            switch (outcome.assignment()) {
                case null -> {
                    if (outcome.openCase() && outcome.fallbackResponderId() == null) {
                        error(path, "is required for a rule that opens a case (or set outcome.fallbackResponderId)");
                    }
                }
                case Assignment.Fixed fixed -> responder(path + ".responderId", fixed.responderId());
                case Assignment.RoundRobin roundRobin -> team(path + ".teamId", roundRobin.teamId());
                case Assignment.Lookup lookup -> lookup(path, lookup);
            }
        }

        private void lookup(String path, Assignment.Lookup lookup) {
            text(path + ".attribute", lookup.attribute(), MAX_ATTRIBUTE_NAME_LENGTH);
            Map<String, String> entries = lookup.responderByValue();
            if (entries.isEmpty()) {
                error(path + ".responderByValue", "must hold at least one value");
                return;
            }
            if (entries.size() > MAX_LOOKUP_ENTRIES) {
                error(path + ".responderByValue", "must hold at most " + MAX_LOOKUP_ENTRIES + " values");
                return;
            }
            Map<String, String> seen = new HashMap<>();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                String key = entry.getKey();
                if (!wellFormedKey(key)) {
                    error(path + ".responderByValue", "keys must be non-blank values of at most " + MAX_VALUE_LENGTH
                            + " characters, without control characters");
                    continue;
                }
                String entryPath = path + ".responderByValue." + key;
                String folded = key.strip().toLowerCase(Locale.ROOT);
                String earlier = seen.putIfAbsent(folded, key);
                if (earlier != null) {
                    error(entryPath, "repeats the value " + earlier + " (values match case-insensitively)");
                }
                responder(entryPath, entry.getValue());
            }
        }

        private static boolean wellFormedKey(String key) {
            if (key == null || key.isBlank() || key.length() > MAX_VALUE_LENGTH) {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                if (Character.isISOControl(key.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private void watchers(List<String> watcherIds) {
            if (watcherIds.size() > MAX_WATCHERS) {
                error("outcome.watcherIds", "must hold at most " + MAX_WATCHERS + " responders");
                return;
            }
            for (int i = 0; i < watcherIds.size(); i++) {
                String path = "outcome.watcherIds[" + i + "]";
                String id = watcherIds.get(i);
                if (identifier(path, id) && config.responders().get(id) == null) {
                    error(path, "unknown responder " + id);
                }
            }
        }

        /** An assignable responder: known and with the right to respond. */
        private void responder(String path, String id) {
            if (!identifier(path, id)) {
                return;
            }
            Responder responder = config.responders().get(id);
            if (responder == null) {
                error(path, "unknown responder " + id);
            } else if (!responder.canRespond()) {
                error(path, "responder " + id + " has no right to respond");
            }
        }

        private void team(String path, String id) {
            if (!identifier(path, id)) {
                return;
            }
            Team team = config.teams().get(id);
            if (team == null) {
                error(path, "unknown team " + id);
                return;
            }
            for (String member : team.memberIds()) {
                Responder responder = member == null ? null : config.responders().get(member);
                if (responder != null && responder.canRespond()) {
                    return;
                }
            }
            error(path, "team " + id + " has no member with the right to respond");
        }

        /** An id: required, at most 64 characters, no whitespace or control characters. */
        boolean identifier(String path, String value) {
            if (value == null || value.isEmpty()) {
                error(path, "is required");
                return false;
            }
            if (value.length() > MAX_ID_LENGTH) {
                error(path, "must be at most " + MAX_ID_LENGTH + " characters");
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    error(path, "must not contain spaces or control characters");
                    return false;
                }
            }
            return true;
        }

        /** Free text: required, not blank, bounded, no control characters. */
        boolean text(String path, String value, int maxLength) {
            if (value == null) {
                error(path, "is required");
                return false;
            }
            if (value.isBlank()) {
                error(path, "must not be blank");
                return false;
            }
            if (value.length() > maxLength) {
                error(path, "must be at most " + maxLength + " characters");
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
                    error(path, "must not contain control characters");
                    return false;
                }
            }
            return true;
        }
    }
}
