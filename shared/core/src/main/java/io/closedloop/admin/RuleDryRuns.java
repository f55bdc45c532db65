package io.closedloop.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.http.Problem;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ResponseStore;
import io.closedloop.rules.DryRun;
import io.closedloop.rules.DryRunReport;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleJson;
import io.closedloop.rules.RuleRead;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /admin/rules/dry-run}: tries a rule draft on the responses its campaign received in a period, without
 * any side effect. Responses are read day by day ({@link ResponseStore#forEachInPeriod}, never a scan) and evaluated
 * as they stream in, so memory does not grow with the period.
 *
 * <p>Only problems that stop evaluation refuse the request (the JSON does not bind, the campaign or the condition
 * is invalid); other validation problems, e.g. an unknown assignee, come back as {@code warnings}, so a draft can be
 * tried before its outcome is finished.
 */
public final class RuleDryRuns {

    /** The longest period one dry run reads, in days (about a quarter). */
    public static final int MAX_DAYS = 92;
    public static final int DEFAULT_LISTED = 50;

    private final ConfigCache config;
    private final ResponseStore responses;

    public RuleDryRuns(ConfigCache config, ResponseStore responses) {
        this.config = config;
        this.responses = responses;
    }

    /** @param body {@code {"rule": {draft}, "from": "2026-10-01", "to": "2026-10-31", "maxListed": 50}} */
    public ObjectNode run(JsonNode body) {
        FieldChecks check = new FieldChecks();
        LocalDate from = date(body, "from", check);
        LocalDate to = date(body, "to", check);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                check.error("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                check.error("to", "the period must be at most " + MAX_DAYS + " days; it is " + (ChronoUnit.DAYS.between(from, to) + 1));
            }
        }
        int maxListed = DEFAULT_LISTED;
        JsonNode listed = body.get("maxListed");
        if (listed != null && !listed.isNull()) {
            if (!listed.canConvertToInt() || !listed.isIntegralNumber() || listed.asInt() < 0 || listed.asInt() > DryRun.MAX_LISTED) {
                check.error("maxListed", "must be an integer from 0 to " + DryRun.MAX_LISTED);
            } else {
                maxListed = listed.asInt();
            }
        }
        List<FieldError> warnings = new ArrayList<>();
        Rule rule = null;
        JsonNode draft = body.get("rule");
        if (draft == null || draft.isNull()) {
            check.error("rule", "is required: the rule draft to try");
        } else {
            RuleRead read = RuleJson.readDraft(draft, config.current());
            for (FieldError error : read.errors()) {
                String field = error.field().isEmpty() ? "rule" : "rule." + error.field();
                if (read.rule() == null || blocksEvaluation(error.field())) {
                    check.error(field, error.message());
                } else {
                    warnings.add(new FieldError(field, error.message()));
                }
            }
            rule = read.rule();
        }
        if (!check.ok()) {
            throw new ProblemException(Problem.invalid("The dry run request is not valid.", check.errors()));
        }
        return report(rule, from, to, maxListed, warnings);
    }

    private ObjectNode report(Rule rule, LocalDate from, LocalDate to, int maxListed, List<FieldError> warnings) {
        int[] counts = new int[3];
        List<DryRunReport.Match> matches = new ArrayList<>();
        responses.forEachInPeriod(rule.campaignId(), from, to, response -> {
            DryRunReport one = DryRun.run(rule, List.of(response), maxListed - matches.size());
            counts[0] += one.evaluated();
            counts[1] += one.matched();
            counts[2] += one.skipped();
            matches.addAll(one.matches());
        });
        ObjectNode report = Json.object();
        report.put("campaignId", rule.campaignId());
        report.put("from", from.toString());
        report.put("to", to.toString());
        report.put("evaluated", counts[0]);
        report.put("matched", counts[1]);
        report.put("skipped", counts[2]);
        ArrayNode list = report.putArray("matches");
        for (DryRunReport.Match match : matches) {
            ObjectNode item = list.addObject();
            item.put("responseId", match.responseId().toString());
            item.put("sourceId", match.responseId().sourceId());
            item.put("externalId", match.responseId().externalId());
            if (match.score() != null) {
                item.putObject("score").put("type", match.score().type().name()).put("value", match.score().value());
                item.put("category", match.score().category().name());
            }
            item.put("submittedAt", match.submittedAt().toString());
            ArrayNode explanation = item.putArray("explanation");
            match.explanation().forEach(explanation::add);
            if (match.priority() != null) {
                item.put("priority", match.priority().name());
            }
        }
        ArrayNode warningList = report.putArray("warnings");
        warnings.forEach(w -> warningList.addObject().put("field", w.field()).put("message", w.message()));
        return report;
    }

    /** Problems without which the condition can still be evaluated on the campaign's responses are only warnings. */
    public static boolean blocksEvaluation(String field) {
        return field.isEmpty() || field.equals("campaignId") || field.startsWith("condition");
    }

    private static LocalDate date(JsonNode body, String field, FieldChecks check) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            check.error(field, "is required: a date such as 2026-10-01");
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            check.error(field, "must be a date such as 2026-10-01");
            return null;
        }
    }
}
