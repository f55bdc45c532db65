package io.closedloop.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.admin.RuleDryRuns;
import io.closedloop.config.Configuration;
import io.closedloop.config.Priority;
import io.closedloop.domain.Response;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.ports.ResponseStore;
import io.closedloop.rules.Evaluation;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleEvaluator;
import io.closedloop.rules.RuleJson;
import io.closedloop.rules.RuleMatch;
import io.closedloop.rules.RuleRead;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule builder's dry run: a rule draft tried on the last responses its campaign received, beside the campaign's
 * other rules, so the admin sees before saving which responses it would match, why, and which rule would win each one
 * now and with the draft. Nothing is written.
 *
 * <p>The draft is tried as if enabled and in place of the rule it edits. Only problems that stop evaluation refuse the
 * trial (as {@link RuleDryRuns} decides); the others, e.g. an assignee not chosen yet, come back as warnings.
 */
public final class RuleTrials {

    public static final int DEFAULT_LAST = 50;
    public static final int MAX_LAST = 200;
    /** How far back the trial looks for responses, in days (as far as the admin API's dry run). */
    public static final int DAYS_BACK = RuleDryRuns.MAX_DAYS;
    /** The id the draft of a new rule is tried under. */
    public static final String DRAFT_ID = "(draft)";

    /** What the trial found. */
    public sealed interface Outcome {
        /** @param rows the responses tried, newest first */
        record Trial(String campaignId, int asked, List<Row> rows, List<FieldError> warnings) implements Outcome {
            public Trial {
                rows = List.copyOf(rows);
                warnings = List.copyOf(warnings);
            }

            public long matched() {
                return rows.stream().filter(Row::draftMatches).count();
            }

            public long wins() {
                return rows.stream().filter(Row::draftWins).count();
            }

            public long changed() {
                return rows.stream().filter(Row::changed).count();
            }
        }

        /** The draft cannot be evaluated; each field says why. */
        record Refused(List<FieldError> errors) implements Outcome {
            public Refused {
                errors = List.copyOf(errors);
            }
        }
    }

    /**
     * One response tried.
     *
     * @param trace why the draft matched it; empty when it does not
     * @param winnerNow the rule that wins it with the stored rules; null when none opens a case
     * @param winnerWithDraft the rule that would win it with the draft; null when none would open a case
     * @param draftWins whether that rule is the draft
     * @param priority the winner's priority (after triage) with the draft; null without a winner
     */
    public record Row(Response response, boolean draftMatches, List<String> trace, Rule winnerNow, Rule winnerWithDraft, boolean draftWins,
            Priority priority) {
        public Row {
            trace = List.copyOf(trace);
        }

        /** Whether the draft changes which rule wins this response. */
        public boolean changed() {
            String now = winnerNow == null ? null : winnerNow.id();
            String then = winnerWithDraft == null ? null : winnerWithDraft.id();
            return !Objects.equals(now, then);
        }
    }

    private final ResponseStore responses;

    public RuleTrials(ResponseStore responses) {
        this.responses = responses;
    }

    /**
     * @param draft the rule as the builder would save it (its JSON)
     * @param editedId the rule the draft replaces; null for a new rule
     * @param last how many of the newest responses to try (clamped to 1..{@value #MAX_LAST})
     * @param today the last day read (UTC, as responses are filed)
     */
    public Outcome trial(Access access, Configuration config, JsonNode draft, String editedId, int last, LocalDate today) {
        ConfigEntries.requireAdmin(access);
        RuleRead read = RuleJson.readDraft(draft, config);
        List<FieldError> blocking = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        for (FieldError error : read.errors()) {
            (read.rule() == null || RuleDryRuns.blocksEvaluation(error.field()) ? blocking : warnings).add(error);
        }
        if (!blocking.isEmpty() || read.rule() == null) {
            return new Outcome.Refused(blocking.isEmpty() ? List.of(new FieldError("", "is not a valid rule")) : blocking);
        }
        Rule typed = read.rule();
        String id = editedId == null ? DRAFT_ID : editedId;
        Rule tried = new Rule(id, typed.version(), typed.campaignId(), typed.name(), typed.priority(), true, typed.condition(), typed.outcome());
        List<Rule> now = config.rulesOf(typed.campaignId());
        List<Rule> withDraft = new ArrayList<>(now.stream().filter(r -> !r.id().equals(id)).toList());
        withDraft.add(tried);
        withDraft.sort(Rule.EVALUATION_ORDER);
        int asked = Math.clamp(last, 1, MAX_LAST);
        List<Row> rows = new ArrayList<>();
        for (Response response : responses.latest(typed.campaignId(), today, DAYS_BACK, asked)) {
            Evaluation before = RuleEvaluator.evaluate(now, response);
            Evaluation after = RuleEvaluator.evaluate(withDraft, response);
            Optional<RuleMatch> draftMatch = after.matches().stream().filter(match -> match.rule() == tried).findFirst();
            Rule winner = after.winning().map(RuleMatch::rule).orElse(null);
            rows.add(new Row(response, draftMatch.isPresent(), draftMatch.map(RuleMatch::explanation).orElse(List.of()),
                    before.winning().map(RuleMatch::rule).orElse(null), winner, winner == tried, after.priority()));
        }
        return new Outcome.Trial(typed.campaignId(), asked, rows, warnings);
    }
}
