package io.closedloop.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.closedloop.app.CaseService;
import io.closedloop.cases.Actor;
import io.closedloop.cases.Case;
import io.closedloop.cases.CaseCommand;
import io.closedloop.cases.CaseStatus;
import io.closedloop.config.ApiScope;
import io.closedloop.config.Priority;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import io.closedloop.json.Json;
import io.closedloop.ports.CasePage;
import io.closedloop.ports.CaseQuery;
import io.closedloop.ports.CaseStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The case API for CRMs and ticketing tools: list a campaign's cases, read one, and run the case page's commands
 * through the same {@link CaseService}, so a command gives the same case and log whichever way it comes in. A key
 * limited to campaigns never sees another campaign's case: a list is refused (403) and a single case is "not found"
 * (404), so its existence does not leak.
 */
public final class CaseApi {

    /** The command names of {@code POST /api/cases/{id}/{command}}. */
    public static final List<String> COMMANDS = List.of("action", "close", "note", "reassign", "root-cause", "priority", "reopen", "email");
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    /** A case as the API shows it, and its version (the ETag). */
    public record CaseView(ObjectNode json, long version) {}

    /** What a command did. */
    public sealed interface CommandOutcome {
        record Applied(CaseView view) implements CommandOutcome {}

        /** The command was refused by the case rules ({@code CaseError}); nothing changed. */
        record Refused(Problem problem) implements CommandOutcome {}

        /** The case changed since the version the caller sent (or during the write): nothing was applied. */
        record Conflict(CaseView current) implements CommandOutcome {}
    }

    private final CaseService service;
    private final CaseStore store;

    public CaseApi(CaseService service, CaseStore store) {
        this.service = service;
        this.store = store;
    }

    /**
     * {@code GET /api/cases}: one page of a campaign's cases, newest first.
     *
     * @param query the query parameters: campaignId, status, assigneeId, breached, from, to, limit, cursor
     */
    public ObjectNode list(ApiCaller caller, Map<String, String> query) {
        FieldChecks check = new FieldChecks();
        String campaignId = caller.campaignFor(query.get("campaignId"));
        CaseStatus status = null;
        String statusText = query.get("status");
        if (statusText != null) {
            try {
                status = CaseStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.error("status", "must be one of OPEN, IN_PROGRESS, CLOSED");
            }
        }
        String assigneeId = query.get("assigneeId");
        if (assigneeId != null) {
            check.id("assigneeId", assigneeId);
        }
        Boolean breached = null;
        String breachedText = query.get("breached");
        if (breachedText != null) {
            switch (breachedText) {
                case "true" -> breached = true;
                case "false" -> breached = false;
                default -> check.error("breached", "must be true or false");
            }
        }
        Instant from = instant(query.get("from"), false, "from", check);
        Instant to = instant(query.get("to"), true, "to", check);
        if (from != null && to != null && to.isBefore(from)) {
            check.error("to", "must not be before from");
        }
        int limit = DEFAULT_LIMIT;
        String limitText = query.get("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                check.error("limit", "must be an integer from 1 to " + MAX_LIMIT);
            }
        }
        String cursor = unwrapCursor(query.get("cursor"), campaignId, check);
        if (!check.ok()) {
            throw new ProblemException(Problem.invalid("The case query is not valid.", check.errors()));
        }
        CasePage page;
        try {
            page = store.list(new CaseQuery(campaignId, status, assigneeId, breached, from, to, limit, cursor));
        } catch (IllegalArgumentException badCursor) {
            throw new ProblemException(Problem.field(422, "cursor", "is not a cursor of this list: start again without it"));
        }
        ObjectNode body = Json.object();
        body.put("campaignId", campaignId);
        ArrayNode items = body.putArray("items");
        page.cases().forEach(s -> items.add(CaseViews.summary(s)));
        if (page.nextCursor() != null) {
            body.put("nextCursor", wrapCursor(campaignId, page.nextCursor()));
        }
        return body;
    }

    /** {@code GET /api/cases/{id}}; 404 for a case the key may not see. */
    public CaseView get(ApiCaller caller, String caseId) {
        Case found = visible(caller, caseId).orElseThrow(() -> notFound(caseId));
        return view(caller, found);
    }

    /**
     * {@code POST /api/cases/{id}/{command}}: the command from its JSON body, checked against {@code expectedVersion}
     * (If-Match) when given, applied by the shared case service as {@code api:<keyId>}.
     */
    public CommandOutcome command(ApiCaller caller, String caseId, String command, JsonNode body, Long expectedVersion) {
        CaseCommand parsed = parse(command, body);
        if (visible(caller, caseId).isEmpty()) {
            throw notFound(caseId);
        }
        return switch (service.execute(caseId, expectedVersion, parsed, Actor.api(caller.keyId()))) {
            case CaseService.Outcome.Applied applied -> new CommandOutcome.Applied(view(caller, applied.updated()));
            case CaseService.Outcome.Rejected rejected -> new CommandOutcome.Refused(rejected.error().toProblem());
            case CaseService.Outcome.Conflict conflict -> new CommandOutcome.Conflict(view(caller, conflict.current()));
            case CaseService.Outcome.NotFound gone -> throw notFound(caseId);
        };
    }

    /** Reads a command's JSON body; unknown commands are 404, ill-typed fields 422 naming the field. */
    public static CaseCommand parse(String command, JsonNode body) {
        JsonNode json = body == null ? Json.object() : body;
        if (!json.isObject()) {
            throw new ProblemException(Problem.field(422, "", "must be a JSON object"));
        }
        FieldChecks check = new FieldChecks();
        CaseCommand parsed = switch (command) {
            case "action" -> new CaseCommand.TakeAction(text(json, "actionId", check), text(json, "statusId", check),
                    text(json, "comment", check), bool(json, "closePlan", check), text(json, "exitStateId", check));
            case "close" -> new CaseCommand.ClosePlan(text(json, "exitStateId", check));
            case "note" -> new CaseCommand.AddNote(text(json, "text", check));
            case "reassign" -> new CaseCommand.Reassign(text(json, "responderId", check));
            case "root-cause" -> new CaseCommand.SetRootCause(text(json, "rootCauseId", check));
            case "priority" -> new CaseCommand.SetPriority(priority(json, check));
            case "reopen" -> new CaseCommand.Reopen(text(json, "reason", check));
            case "email" -> new CaseCommand.EmailCustomer(text(json, "subject", check), text(json, "message", check));
            default -> throw new ProblemException(Problem.of(404, "unknown-command", "Unknown command",
                    "There is no case command " + FieldChecks.shown(command) + ": use one of " + String.join(", ", COMMANDS) + "."));
        };
        if (!check.ok()) {
            throw new ProblemException(Problem.invalid("The command is not valid.", check.errors()));
        }
        return parsed;
    }

    private Optional<Case> visible(ApiCaller caller, String caseId) {
        if (caseId == null || caseId.isEmpty() || caseId.length() > 64) {
            return Optional.empty();
        }
        return service.find(caseId).filter(c -> caller.sees(c.campaignId()));
    }

    private CaseView view(ApiCaller caller, Case c) {
        ObjectNode json = CaseViews.of(c, service.configuration(), Actor.api(caller.keyId()), caller.has(ApiScope.CASES_WRITE));
        return new CaseView(json, c.version());
    }

    private static ProblemException notFound(String caseId) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", "There is no case " + FieldChecks.shown(caseId) + "."));
    }

    private static String text(JsonNode json, String field, FieldChecks check) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            check.error(field, "must be a string");
            return null;
        }
        return node.asText();
    }

    private static Boolean bool(JsonNode json, String field, FieldChecks check) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            check.error(field, "must be true or false");
            return null;
        }
        return node.asBoolean();
    }

    private static Priority priority(JsonNode json, FieldChecks check) {
        String value = text(json, "priority", check);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException e) {
            check.error("priority", "must be one of LOW, NORMAL, HIGH, URGENT");
            return null;
        }
    }

    /** A date (the whole day, UTC) or an instant; {@code to} dates include their last second. */
    private static Instant instant(String text, boolean end, String field, FieldChecks check) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return end ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            check.error(field, "must be a date such as 2026-11-01 or an instant such as 2026-11-01T08:00:00Z");
            return null;
        }
    }

    /** The store's cursor, bound to the campaign it pages through so it cannot be replayed on another one. */
    private static String wrapCursor(String campaignId, String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((campaignId + "\n" + cursor).getBytes(StandardCharsets.UTF_8));
    }

    private static String unwrapCursor(String wrapped, String campaignId, FieldChecks check) {
        if (wrapped == null || wrapped.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(wrapped), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            if (newline > 0 && plain.substring(0, newline).equals(campaignId)) {
                return plain.substring(newline + 1);
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, like a cursor of another list
        }
        check.error("cursor", "is not a cursor of this list: start again without it");
        return null;
    }
}
