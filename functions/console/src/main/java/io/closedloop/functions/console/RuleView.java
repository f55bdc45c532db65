package io.closedloop.functions.console;

import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.webui.WebMessages;
import java.util.List;
import java.util.Map;

/** What the rule pages' templates show: the list in evaluation order and the builder with its dry run. */
public final class RuleView {

    private RuleView() {}

    /** One campaign's rules, highest priority (first evaluated) first. */
    public record CampaignRules(String campaignId, String campaignName, List<RuleLine> rules) {
        public CampaignRules {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param upAction the POST that moves it one place earlier; null for the first
     * @param downAction the POST that moves it one place later; null for the last
     */
    public record RuleLine(String id, String href, String name, boolean enabled, String condition, String outcome, long version, String upAction,
            String downAction) {}

    public record RulesList(WebMessages m, List<CampaignRules> campaigns, String notice, boolean warning, String csrf) {
        public RulesList {
            campaigns = List.copyOf(campaigns);
        }
    }

    /**
     * One line of the condition builder, in the order shown: a group's line, its conditions, then the line that adds to
     * it ({@code adds} true).
     *
     * @param path the node's form path ({@code c.0.1}); a group's for its adding line
     * @param depth how far it is indented
     */
    public record ConditionLine(String path, int depth, String kind, boolean adds, boolean not, List<Option> groupKinds, List<Option> scales, String min,
            String max, List<Option> categories, String attribute, List<Option> ops, String values, boolean present, String question, String text,
            List<Option> addable, boolean removable, String label, String error) {
        public ConditionLine {
            groupKinds = List.copyOf(groupKinds);
            scales = List.copyOf(scales);
            categories = List.copyOf(categories);
            ops = List.copyOf(ops);
            addable = List.copyOf(addable);
        }

        public boolean group() {
            return kind.equals("all") || kind.equals("any");
        }
    }

    public record LookupLine(int index, String value, List<Option> responders) {
        public LookupLine {
            responders = List.copyOf(responders);
        }
    }

    /** One response of the dry run. */
    public record TrialLine(String when, String customer, String score, String comment, boolean matches, List<String> trace, String winnerNow,
            String winnerWithDraft, boolean changed, String priority) {
        public TrialLine {
            trace = List.copyOf(trace);
        }
    }

    /** The dry run's answer: its summary and one line per response, newest first. */
    public record Trial(String summary, String zone, List<TrialLine> lines, List<String> warnings) {
        public Trial {
            lines = List.copyOf(lines);
            warnings = List.copyOf(warnings);
        }
    }

    public record RuleForm(WebMessages m, String action, String id, String name, List<Option> campaigns, String priority, boolean enabled,
            List<ConditionLine> condition, boolean openCase, List<Option> priorities, List<Option> assignments, List<Option> responders,
            List<Option> teams, String lookupAttribute, List<LookupLine> lookup, List<Option> fallbacks, List<Option> slaPolicies, boolean alertAssignee,
            List<Option> watchers, String loop, int keptTriage, String last, Trial trial, Long version, String csrf, Map<String, String> errors,
            String conflict) {
        public RuleForm {
            campaigns = List.copyOf(campaigns);
            condition = List.copyOf(condition);
            priorities = List.copyOf(priorities);
            assignments = List.copyOf(assignments);
            responders = List.copyOf(responders);
            teams = List.copyOf(teams);
            lookup = List.copyOf(lookup);
            fallbacks = List.copyOf(fallbacks);
            slaPolicies = List.copyOf(slaPolicies);
            watchers = List.copyOf(watchers);
            errors = Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }
}
