package io.closedloop.admin;

import io.closedloop.config.Acknowledgement;
import io.closedloop.config.ActionPlan;
import io.closedloop.config.ActionStatus;
import io.closedloop.config.ApiScope;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Campaign;
import io.closedloop.config.ClosesPlan;
import io.closedloop.config.Configuration;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.ExitState;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.PlanAction;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.config.RootCause;
import io.closedloop.config.Secret;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.config.WebhookFormat;
import io.closedloop.config.WorkingHours;
import io.closedloop.http.Problem.FieldError;
import io.closedloop.ingest.SignatureVerifier;
import io.closedloop.sla.BusinessTime;
import io.closedloop.sla.SlaEngine;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one configuration entry an admin writes against the rest of the configuration. Returns every problem found,
 * each naming its field by JSON path; an empty list means the entry may be stored. Rules are checked by
 * {@link io.closedloop.rules.RuleValidator} (through {@link io.closedloop.rules.RuleJson}), not here.
 */
public final class ConfigValidator {

    public static final int MAX_ACTIONS = 50;
    public static final int MAX_STATUSES = 50;
    public static final int MAX_EXIT_STATES = 50;
    public static final int MAX_TEAM_MEMBERS = 500;
    public static final int MAX_ESCALATIONS = 10;
    public static final int MAX_MAPPINGS = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_REFERENCE_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final Set<String> RESPONDENT_FIELDS = Set.of("id", "email", "name", "phone", "locale");

    private ConfigValidator() {}

    public static List<FieldError> source(Source source, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.ref("campaignId", source.campaignId(), config.campaigns(), "campaign");
        check.required("format", source.format());
        check.optionalText("scoreQuestion", source.scoreQuestion(), MAX_REFERENCE_LENGTH);
        check.optionalText("commentQuestion", source.commentQuestion(), MAX_REFERENCE_LENGTH);
        FieldMapping mapping = source.mapping();
        if (mapping.respondent().size() + mapping.attributes().size() > MAX_MAPPINGS) {
            check.error("mapping", "must hold at most " + MAX_MAPPINGS + " references");
        } else {
            mapping.respondent().forEach((field, reference) -> {
                String path = "mapping.respondent." + FieldChecks.shown(field);
                if (!RESPONDENT_FIELDS.contains(field)) {
                    check.error(path, "is not a respondent field: use id, email, name, phone or locale");
                } else {
                    reference(check, path, reference, source.format());
                }
            });
            mapping.attributes().forEach((name, reference) -> {
                String path = "mapping.attributes." + FieldChecks.shown(name);
                if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
                    check.error("mapping.attributes", "attribute names must be 1–100 characters without control characters");
                } else {
                    reference(check, path, reference, source.format());
                }
            });
        }
        if (source.format() != null) {
            for (Secret secret : source.secrets()) {
                if (!SignatureVerifier.acceptsSecret(source.format(), secret.value())) {
                    check.error("format", "secret " + secret.id() + " is not usable for " + source.format()
                            + "; add a secret for the new format and remove the old ones");
                }
            }
        }
        return check.errors();
    }

    /** The reference kinds each format resolves (docs/webhook-formats.md, "Field mapping"). */
    public static Set<String> referenceKinds(WebhookFormat format) {
        return switch (format) {
            case GENERIC -> Set.of("answer", "meta");
            case FORMBRICKS -> Set.of("hidden", "answer", "variable", "property", "meta");
            case TYPEFORM -> Set.of("hidden", "answer", "variable", "meta");
            case DELIGHTED, SURVICATE -> Set.of("answer", "property", "meta");
        };
    }

    private static void reference(FieldChecks check, String path, String reference, WebhookFormat format) {
        if (!check.text(path, reference, MAX_REFERENCE_LENGTH)) {
            return;
        }
        int colon = reference.indexOf(':');
        if (colon <= 0 || colon == reference.length() - 1) {
            check.error(path, "must be <kind>:<name>, e.g. answer:q1 or meta:country");
            return;
        }
        String kind = reference.substring(0, colon);
        if (format != null && !referenceKinds(format).contains(kind)) {
            check.error(path, FieldChecks.shown(kind) + " is not a reference kind of " + format + ": use one of "
                    + referenceKinds(format).stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    public static List<FieldError> campaign(Campaign campaign, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.text("name", campaign.name(), FieldChecks.MAX_NAME_LENGTH);
        Map<String, ActionPlan> plans = config.actionPlans().stream()
                .collect(Collectors.toMap(ActionPlan::id, Function.identity(), (a, b) -> a));
        check.ref("actionPlanId", campaign.actionPlanId(), plans, "action plan");
        check.optionalRef("slaPolicyId", campaign.slaPolicyId(), config.slaPolicies(), "SLA policy");
        double share = campaign.goal().share();
        if (Double.isNaN(share) || share <= 0 || share > 1) {
            check.error("goal.share", "must be a share in (0, 1], e.g. 0.85");
        }
        positive(check, "goal.within", campaign.goal().within(), true);
        if (campaign.acknowledgement() != null) {
            acknowledgement(check, campaign.acknowledgement());
        }
        replyTemplates(check, campaign.replyTemplates());
        return check.errors();
    }

    /** As long as a message the case page lets a responder send. */
    static final int MAX_REPLY_BODY = 4000;
    private static final Pattern REPLY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private static void replyTemplates(FieldChecks check, List<Campaign.ReplyTemplate> templates) {
        if (templates.size() > Campaign.MAX_REPLY_TEMPLATES) {
            check.error("replyTemplates", "must hold at most " + Campaign.MAX_REPLY_TEMPLATES + " templates");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            Campaign.ReplyTemplate template = templates.get(i);
            String path = "replyTemplates[" + i + "]";
            if (template == null) {
                check.error(path, "must not be null");
                continue;
            }
            if (template.id() == null || !REPLY_ID.matcher(template.id()).matches()) {
                check.error(path + ".id", "must be 1 to 40 lower-case letters, digits and dashes");
            } else if (!ids.add(template.id())) {
                check.error(path + ".id", "repeats another template's id");
            }
            check.text(path + ".name", template.name(), FieldChecks.MAX_NAME_LENGTH);
            if (template.locale() == null || !ACK_LOCALES.contains(template.locale())) {
                check.error(path + ".locale", "must be en or fr");
            }
            mailText(check, path, template.subject(), template.body(), MAX_REPLY_BODY);
        }
    }

    private static void mailText(FieldChecks check, String path, String subject, String body, int maxBody) {
        check.text(path + ".subject", subject, MAX_ACK_SUBJECT);
        if (body == null || body.isBlank()) {
            check.error(path + ".body", "is required");
        } else if (body.length() > maxBody) {
            check.error(path + ".body", "must be at most " + maxBody + " characters");
        } else if (body.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            check.error(path + ".body", "must not contain control characters other than line breaks");
        }
        placeholders(check, path + ".subject", subject);
        placeholders(check, path + ".body", body);
    }

    static final int MAX_ACK_SUBJECT = 150;
    static final int MAX_ACK_BODY = 5000;
    private static final Set<String> ACK_LOCALES = Set.of("en", "fr");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> ACK_PLACEHOLDERS = Set.of("firstName", "company", "owner");

    private static void acknowledgement(FieldChecks check, Acknowledgement ack) {
        delay(check, "acknowledgement.detractorMinutes", ack.detractorMinutes());
        delay(check, "acknowledgement.passiveMinutes", ack.passiveMinutes());
        delay(check, "acknowledgement.promoterMinutes", ack.promoterMinutes());
        check.optionalText("acknowledgement.company", ack.company(), FieldChecks.MAX_NAME_LENGTH);
        if (!ACK_LOCALES.contains(ack.defaultLocale())) {
            check.error("acknowledgement.defaultLocale", "must be en or fr");
        }
        if (ack.templates().size() > Acknowledgement.MAX_TEMPLATES) {
            check.error("acknowledgement.templates", "must hold at most " + Acknowledgement.MAX_TEMPLATES + " templates");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ack.templates().size(); i++) {
            Acknowledgement.MailTemplate template = ack.templates().get(i);
            String path = "acknowledgement.templates[" + i + "]";
            if (template == null) {
                check.error(path, "must not be null");
                continue;
            }
            if (template.locale() == null || !ACK_LOCALES.contains(template.locale())) {
                check.error(path + ".locale", "must be en or fr");
            } else if (!seen.add(template.locale() + "|" + template.category())) {
                check.error(path, "repeats the template for this language and category");
            }
            mailText(check, path, template.subject(), template.body(), MAX_ACK_BODY);
        }
    }

    private static void delay(FieldChecks check, String field, Integer minutes) {
        if (minutes != null && (minutes < 0 || minutes > Acknowledgement.MAX_DELAY_MINUTES)) {
            check.error(field, "must be from 0 to " + Acknowledgement.MAX_DELAY_MINUTES + " minutes (7 days)");
        }
    }

    private static void placeholders(FieldChecks check, String field, String text) {
        if (text == null) {
            return;
        }
        var found = PLACEHOLDER.matcher(text);
        while (found.find()) {
            if (!ACK_PLACEHOLDERS.contains(found.group(1))) {
                check.error(field, "knows only the placeholders {firstName}, {company} and {owner}");
                return;
            }
        }
    }

    public static List<FieldError> responder(Responder responder, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.text("name", responder.name(), FieldChecks.MAX_NAME_LENGTH);
        if (check.text("email", responder.email(), MAX_EMAIL_LENGTH) && !EMAIL.matcher(responder.email()).matches()) {
            check.error("email", "must be an email address such as ana@example.com");
        }
        if (responder.locale() != null && !LOCALE.matcher(responder.locale()).matches()) {
            check.error("locale", "must be a language tag such as en, fr or pt-BR");
        }
        check.optionalRef("teamId", responder.teamId(), config.teams(), "team");
        check.optionalRef("calendarId", responder.calendarId(), config.calendars(), "calendar");
        if (responder.timeZone() != null && !validZone(responder.timeZone())) {
            check.error("timeZone", "must be an IANA time zone such as Europe/Paris or America/Sao_Paulo");
        }
        if (responder.role() == Role.VIEWER && responder.canRespond()) {
            check.error("canRespond", "must be false for a viewer, who reads but never acts");
        }
        return check.errors();
    }

    private static boolean validZone(String zone) {
        if (zone.isBlank() || zone.length() > 64) {
            return false;
        }
        try {
            java.time.ZoneId.of(zone);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    public static List<FieldError> team(Team team, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.text("name", team.name(), FieldChecks.MAX_NAME_LENGTH);
        if (team.memberIds().size() > MAX_TEAM_MEMBERS) {
            check.error("memberIds", "must hold at most " + MAX_TEAM_MEMBERS + " responders");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < team.memberIds().size(); i++) {
                String member = team.memberIds().get(i);
                String path = "memberIds[" + i + "]";
                if (check.ref(path, member, config.responders(), "responder") && !seen.add(member)) {
                    check.error(path, "repeats responder " + member);
                }
            }
        }
        check.optionalRef("leadId", team.leadId(), config.responders(), "responder");
        check.optionalRef("managerId", team.managerId(), config.responders(), "responder");
        check.optionalRef("calendarId", team.calendarId(), config.calendars(), "calendar");
        return check.errors();
    }

    public static List<FieldError> actionPlan(ActionPlan plan) {
        FieldChecks check = new FieldChecks();
        check.text("name", plan.name(), FieldChecks.MAX_NAME_LENGTH);
        check.optionalText("description", plan.description(), FieldChecks.MAX_DESCRIPTION_LENGTH);
        if (plan.actions().isEmpty()) {
            check.error("actions", "must hold at least one action");
        } else if (plan.actions().size() > MAX_ACTIONS) {
            check.error("actions", "must hold at most " + MAX_ACTIONS + " actions");
        } else {
            Set<String> actionIds = new HashSet<>();
            for (int i = 0; i < plan.actions().size(); i++) {
                action(check, "actions[" + i + "]", plan.actions().get(i), actionIds);
            }
        }
        if (plan.exitStates().size() > MAX_EXIT_STATES) {
            check.error("exitStates", "must hold at most " + MAX_EXIT_STATES + " exit states");
        } else {
            Set<String> exitIds = new HashSet<>();
            for (int i = 0; i < plan.exitStates().size(); i++) {
                ExitState exit = plan.exitStates().get(i);
                String path = "exitStates[" + i + "]";
                if (exit == null) {
                    check.error(path, "is required");
                    continue;
                }
                if (check.id(path + ".id", exit.id()) && !exitIds.add(exit.id())) {
                    check.error(path + ".id", "repeats exit state " + exit.id());
                }
                check.text(path + ".name", exit.name(), FieldChecks.MAX_NAME_LENGTH);
            }
        }
        List<String> closing = plan.actions().stream()
                .filter(a -> a != null && a.closesPlan() != ClosesPlan.NO)
                .map(a -> a.id() == null ? "?" : a.id())
                .toList();
        if (!closing.isEmpty() && plan.exitStates().isEmpty()) {
            check.error("exitStates", "must hold at least one exit state: action " + closing.getFirst() + " may close the plan");
        }
        return check.errors();
    }

    private static void action(FieldChecks check, String path, PlanAction action, Set<String> actionIds) {
        if (action == null) {
            check.error(path, "is required");
            return;
        }
        if (check.id(path + ".id", action.id()) && !actionIds.add(action.id())) {
            check.error(path + ".id", "repeats action " + action.id());
        }
        check.text(path + ".name", action.name(), FieldChecks.MAX_NAME_LENGTH);
        check.optionalText(path + ".description", action.description(), FieldChecks.MAX_DESCRIPTION_LENGTH);
        if (action.statuses().isEmpty()) {
            check.error(path + ".statuses", "must hold at least one status");
            return;
        }
        if (action.statuses().size() > MAX_STATUSES) {
            check.error(path + ".statuses", "must hold at most " + MAX_STATUSES + " statuses");
            return;
        }
        Set<String> statusIds = new HashSet<>();
        for (int j = 0; j < action.statuses().size(); j++) {
            ActionStatus status = action.statuses().get(j);
            String statusPath = path + ".statuses[" + j + "]";
            if (status == null) {
                check.error(statusPath, "is required");
                continue;
            }
            if (check.id(statusPath + ".id", status.id()) && !statusIds.add(status.id())) {
                check.error(statusPath + ".id", "repeats status " + status.id() + " of this action");
            }
            check.text(statusPath + ".name", status.name(), FieldChecks.MAX_NAME_LENGTH);
        }
        boolean completable = action.statuses().stream().anyMatch(s -> s != null && s.closesAction());
        if (action.closesPlan() != ClosesPlan.NO && !completable) {
            check.error(path + ".closesPlan", action.closesPlan() + " never applies: no status of this action closes it"
                    + " (set closesAction on a status, or closesPlan to NO)");
        }
    }

    public static List<FieldError> slaPolicy(SlaPolicy policy, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.text("name", policy.name(), FieldChecks.MAX_NAME_LENGTH);
        if (policy.targets() == null) {
            check.error("targets", "is required (an object with firstResponse and/or resolution)");
        } else {
            targets(check, "targets", policy.targets());
        }
        for (Map.Entry<Priority, SlaTargets> entry : policy.byPriority().entrySet()) {
            String path = "byPriority." + entry.getKey();
            if (entry.getValue() == null) {
                check.error(path, "is required");
            } else {
                targets(check, path, entry.getValue());
            }
        }
        double share = policy.reminderAt();
        if (Double.isNaN(share) || share < 0 || share >= 1) {
            check.error("reminderAt", "must be a share of the window in [0, 1), e.g. 0.75; 0 for no reminder");
        }
        check.optionalRef("calendarId", policy.calendarId(), config.calendars(), "calendar");
        if (policy.escalations().size() > MAX_ESCALATIONS) {
            check.error("escalations", "must hold at most " + MAX_ESCALATIONS + " steps");
        } else {
            for (int i = 0; i < policy.escalations().size(); i++) {
                escalation(check, "escalations[" + i + "]", policy.escalations().get(i), config);
            }
        }
        if (check.ok()) {
            try {
                SlaEngine.validate(policy);
            } catch (IllegalArgumentException e) {
                check.error("", e.getMessage());
            }
        }
        return check.errors();
    }

    private static void targets(FieldChecks check, String path, SlaTargets targets) {
        positive(check, path + ".firstResponse", targets.firstResponse(), false);
        positive(check, path + ".resolution", targets.resolution(), false);
    }

    private static void escalation(FieldChecks check, String path, EscalationStep step, Configuration config) {
        if (step == null) {
            check.error(path, "is required");
            return;
        }
        check.required(path + ".target", step.target());
        if (step.target() == EscalationTarget.RESPONDER) {
            check.ref(path + ".responderId", step.responderId(), config.responders(), "responder");
        } else if (step.responderId() != null) {
            check.error(path + ".responderId", "is only for target RESPONDER");
        }
        if (step.after() != null && step.after().isNegative()) {
            check.error(path + ".after", "must not be negative");
        }
    }

    private static void positive(FieldChecks check, String path, Duration duration, boolean required) {
        if (duration == null) {
            if (required) {
                check.error(path, "is required");
            }
            return;
        }
        if (duration.isZero() || duration.isNegative()) {
            check.error(path, "must be a positive duration such as PT48H");
        }
    }

    public static List<FieldError> calendar(BusinessCalendar calendar) {
        FieldChecks check = new FieldChecks();
        check.text("name", calendar.name(), FieldChecks.MAX_NAME_LENGTH);
        check.required("zone", calendar.zone());
        boolean anyHours = false;
        for (Map.Entry<DayOfWeek, List<WorkingHours>> day : calendar.week().entrySet()) {
            String path = "week." + day.getKey();
            if (day.getValue() == null) {
                check.error(path, "must be an array of working hours");
                continue;
            }
            List<WorkingHours> hours = new ArrayList<>();
            for (int i = 0; i < day.getValue().size(); i++) {
                WorkingHours interval = day.getValue().get(i);
                if (interval == null || interval.start() == null) {
                    check.error(path + "[" + i + "]", "is required: {\"start\": \"09:00\", \"end\": \"17:00\"}");
                } else {
                    hours.add(interval);
                }
            }
            hours.sort(Comparator.comparing(WorkingHours::start));
            for (int i = 1; i < hours.size(); i++) {
                if (hours.get(i).start().isBefore(hours.get(i - 1).end())) {
                    check.error(path, "has overlapping working hours " + hours.get(i - 1).start() + "–" + hours.get(i - 1).end()
                            + " and " + hours.get(i).start() + "–" + hours.get(i).end());
                }
            }
            anyHours |= !hours.isEmpty();
        }
        if (!anyHours) {
            check.error("week", "must have working hours on at least one day, e.g. {\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"17:00\"}]}");
        }
        if (check.ok()) {
            try {
                BusinessTime.validate(calendar);
            } catch (IllegalArgumentException e) {
                check.error("", e.getMessage());
            }
        }
        return check.errors();
    }

    public static List<FieldError> rootCause(RootCause cause, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.text("name", cause.name(), FieldChecks.MAX_NAME_LENGTH);
        if (cause.parentId() != null) {
            if (cause.parentId().equals(cause.id())) {
                check.error("parentId", "must name another root cause");
            } else if (check.ref("parentId", cause.parentId(), config.rootCauses(), "root cause")) {
                RootCause parent = config.rootCauses().get(cause.parentId());
                if (!parent.isCategory()) {
                    check.error("parentId", "root cause " + parent.id() + " is a cause, not a category: the taxonomy has two levels");
                }
            }
            List<String> children = config.rootCauses().values().stream()
                    .filter(c -> cause.id().equals(c.parentId())).map(RootCause::id).sorted().toList();
            if (!children.isEmpty()) {
                check.error("parentId", "root cause " + cause.id() + " is the category of " + String.join(", ", children)
                        + ": a category with causes cannot become a cause");
            }
        }
        return check.errors();
    }

    /** An API key's name, scopes and campaigns; ADMIN is never limited to campaigns (it could mint any key). */
    public static List<FieldError> apiKey(String name, Set<ApiScope> scopes, Set<String> campaignIds, Configuration config) {
        FieldChecks check = new FieldChecks();
        check.text("name", name, FieldChecks.MAX_NAME_LENGTH);
        if (scopes == null || scopes.isEmpty()) {
            check.error("scopes", "must hold at least one of ADMIN, CASES_READ, CASES_WRITE, REPORTS");
        } else if (scopes.stream().anyMatch(Objects::isNull)) {
            check.error("scopes", "must not contain null");
        }
        if (campaignIds != null) {
            for (String campaignId : campaignIds.stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList()) {
                check.ref("campaignIds", campaignId, config.campaigns(), "campaign");
            }
            if (scopes != null && scopes.contains(ApiScope.ADMIN) && !campaignIds.isEmpty()) {
                check.error("scopes", "ADMIN cannot be limited to campaigns: remove ADMIN or campaignIds");
            }
        }
        return check.errors();
    }
}
