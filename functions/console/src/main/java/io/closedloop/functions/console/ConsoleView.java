package io.closedloop.functions.console;

import io.closedloop.webui.WebMessages;
import java.util.List;

/** What the console's templates show: plain values, every text already in the viewer's language. */
public final class ConsoleView {

    private ConsoleView() {}

    /** The bar on every signed-in page; {@code csrf} is the sign-out form's token. */
    public record Nav(WebMessages m, String personName, String role, String csrf) {

        /** Whether the configuration pages are linked (the server checks the role on each of them anyway). */
        public boolean admin() {
            return "ADMIN".equals(role);
        }

        /** Whether the dashboard is linked (everyone but a responder reads it). */
        public boolean dashboard() {
            return !"RESPONDER".equals(role);
        }
    }

    /** One person on the people page. */
    public record PersonRow(String id, String href, String name, String email, String role, String respond, String team, String zone) {}

    public record People(WebMessages m, List<PersonRow> rows, String notice) {
        public People {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The form of one person, as typed (a refused form is shown again with each bad field named).
     *
     * @param version the version the form edits; null for a new person
     * @param errors the message of each bad field, by field name
     * @param conflict set when someone changed the person since the form was shown: the form then shows their version
     */
    public record PersonForm(WebMessages m, String action, String id, String name, String email, List<Option> locales,
            List<Option> teams, List<Option> roles, boolean canRespond, String timeZone, Long version, String csrf,
            java.util.Map<String, String> errors, String conflict, String notice, String signOutAction) {
        public PersonForm {
            locales = List.copyOf(locales);
            teams = List.copyOf(teams);
            roles = List.copyOf(roles);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Tab(String slug, String label, String href, Long count, boolean current) {}

    public record Option(String value, String label, boolean selected) {}

    public record Select(String name, String label, List<Option> options) {
        public Select {
            options = List.copyOf(options);
        }
    }

    /**
     * One row of the queue.
     *
     * @param deadlineClass due, overdue, none or met: the SLA wording's style
     */
    /** A list row; {@code href} shows the case beside the list (on a phone, in its place); {@code selected} when it is shown. */
    public record Row(String caseId, String href, String customer, Integer score, String category, String excerpt, String status,
            String statusLabel, String priorityLabel, String assignee, String deadline, String deadlineClass, String pickName, long version,
            boolean selected) {}

    /**
     * The bulk form under the list (managers and admins).
     *
     * @param back the list's address, to return to
     */
    public record Bulk(String csrf, String back, List<Option> assignees, List<Option> priorities) {
        public Bulk {
            assignees = List.copyOf(assignees);
            priorities = List.copyOf(priorities);
        }
    }

    /** @param bulk null when the viewer may not change cases in bulk */
    public record Queue(WebMessages m, String list, List<Tab> tabs, List<Select> selects, Select sort, String text, String from,
            String to, boolean filtered, List<Row> rows, String nextHref, String firstHref, String csvHref, String zoneLabel,
            String notice, Bulk bulk, String listHref) {
        public Queue {
            tabs = List.copyOf(tabs);
            selects = List.copyOf(selects);
            rows = List.copyOf(rows);
        }
    }

    /** One line of a bulk change's report. */
    public record BulkLine(String customer, String href, String outcome, boolean applied) {}

    public record BulkReport(WebMessages m, String summary, List<BulkLine> lines, String back) {
        public BulkReport {
            lines = List.copyOf(lines);
        }
    }

    public record TeamRow(String id, String href, String name, String members, String lead, String manager) {}

    public record Teams(WebMessages m, List<TeamRow> rows, String notice) {
        public Teams {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A team's form, as typed.
     *
     * @param members one checkbox per person: the option's value is the checkbox's name
     * @param version null for a new team
     */
    public record TeamForm(WebMessages m, String action, String id, String name, List<Option> members, List<Option> leads,
            List<Option> managers, List<Option> calendars, Long version, String csrf, java.util.Map<String, String> errors,
            String conflict) {
        public TeamForm {
            members = List.copyOf(members);
            leads = List.copyOf(leads);
            managers = List.copyOf(managers);
            calendars = List.copyOf(calendars);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record PlanRow(String id, String href, String name, String version, String counts, String campaigns) {}

    public record Plans(WebMessages m, List<PlanRow> rows, String notice) {
        public Plans {
            rows = List.copyOf(rows);
        }
    }

    /** A status row of an action; {@code prefix} names its fields ({@code actions[0].statuses[1]}). */
    public record StatusSlot(String prefix, String id, String name, boolean closesAction) {}

    /** An action row with its statuses; {@code prefix} names its fields ({@code actions[0]}). */
    public record ActionSlot(String prefix, String legend, String id, String name, String description, List<Option> closesPlan,
            boolean allowComment, List<StatusSlot> statuses) {
        public ActionSlot {
            closesPlan = List.copyOf(closesPlan);
            statuses = List.copyOf(statuses);
        }
    }

    public record ExitSlot(String prefix, String id, String name, boolean resolved) {}

    /**
     * An action plan's form, as typed, with a few empty rows.
     *
     * @param version the plan version the form edits; null for a new plan
     * @param errors by field path ({@code actions[0].statuses[1].name}); every one is also listed at the top
     */
    public record PlanForm(WebMessages m, String action, String id, String name, String description, List<ActionSlot> actions,
            List<ExitSlot> exits, Long version, String csrf, java.util.Map<String, String> errors, String conflict) {
        public PlanForm {
            actions = List.copyOf(actions);
            exits = List.copyOf(exits);
            errors = java.util.Map.copyOf(new java.util.TreeMap<>(errors));
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }

        /** Every refusal, in field order, so that none is missed when its field has no place on the form. */
        public List<String> allErrors() {
            return new java.util.TreeMap<>(errors).values().stream().distinct().toList();
        }
    }

    /** @param webhooks each of the campaign's sources: its address and format, in words */
    /** A campaign in the list; {@code webhooks} each source's address, linked to the source's page. */
    public record CampaignRow(String id, String href, String name, String planAndSla, String goal, List<Link> webhooks) {
        public CampaignRow {
            webhooks = List.copyOf(webhooks);
        }
    }

    public record Campaigns(WebMessages m, List<CampaignRow> rows, String notice) {
        public Campaigns {
            rows = List.copyOf(rows);
        }
    }

    /** A campaign's form, as typed; {@code version} null for a new campaign. */
    /**
     * The campaign's acknowledgement as typed: minutes per category (blank: none), the company it signs with, the
     * fallback language, and the wording in English and French (blank: the built-in wording).
     */
    public record AckFields(String detractorMinutes, String passiveMinutes, String promoterMinutes, String company, String locale,
            String enSubject, String enBody, String frSubject, String frBody) {}

    public record CampaignForm(WebMessages m, String action, String id, String name, List<Option> plans, List<Option> slaPolicies,
            String goalPercent, String goalHours, List<Option> checkIns, AckFields ack, List<Option> ackLocales, Long version, String csrf,
            java.util.Map<String, String> errors, String conflict) {

        /** The first problem with the acknowledgement's wording, whichever template it is in. */
        public String ackTemplateError() {
            return errors.entrySet().stream().filter(e -> e.getKey().startsWith("acknowledgement.templates")).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        public CampaignForm {
            ackLocales = List.copyOf(ackLocales);
            plans = List.copyOf(plans);
            slaPolicies = List.copyOf(slaPolicies);
            checkIns = List.copyOf(checkIns);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** A source in the list; {@code receiving} whether deliveries can be accepted (enabled, with a secret). */
    public record SourceRow(String id, String href, String campaign, String format, String webhook, String state, boolean receiving) {}

    public record Sources(WebMessages m, List<SourceRow> rows, String notice) {
        public Sources {
            rows = List.copyOf(rows);
        }
    }

    /** One mapping input: the field's name in the form, its label (an attribute's name), the reference, its refusal. */
    public record MappingRow(String name, String label, String reference, String error) {}

    /** A secret as the page shows it: never its value. */
    public record SecretRow(String id, String created, String removeAction) {}

    /**
     * A source's form, as typed; {@code version} null for a new source. {@code formatName} is the stored format's label
     * (fixed once the source exists), {@code secretsAction} where a new secret is posted.
     */
    public record SourceForm(WebMessages m, String action, String id, List<Option> campaigns, List<Option> formats, String formatName,
            String format, List<Option> scales, String scoreQuestion, String commentQuestion, boolean enabled, List<MappingRow> respondent,
            List<MappingRow> attributes, String webhook, List<SecretRow> secrets, String secretsAction, String secretHelp, Long version,
            String csrf, java.util.Map<String, String> errors, String conflict) {
        public SourceForm {
            campaigns = List.copyOf(campaigns);
            formats = List.copyOf(formats);
            scales = List.copyOf(scales);
            respondent = List.copyOf(respondent);
            attributes = List.copyOf(attributes);
            secrets = List.copyOf(secrets);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The page that shows a secret made here, this once. */
    public record SecretShown(WebMessages m, String sourceId, String format, String webhook, String secretId, String value, String where,
            String sourceHref) {}

    public record CalendarRow(String id, String href, String name, String zone, String hours, String holidays) {}

    public record Calendars(WebMessages m, List<CalendarRow> rows, String notice) {
        public Calendars {
            rows = List.copyOf(rows);
        }
    }

    /** One weekday's working intervals as typed: {@code starts.get(i)}–{@code ends.get(i)}; {@code day} is its form name. */
    public record DaySlots(String day, String label, List<String> starts, List<String> ends, String error) {
        public DaySlots {
            starts = List.copyOf(starts);
            ends = List.copyOf(ends);
        }
    }

    /** A calendar's form, as typed; {@code version} null for a new one; {@code notice} what an import added. */
    public record CalendarForm(WebMessages m, String action, String id, String name, String zone, List<DaySlots> days, String holidays,
            Long version, String csrf, java.util.Map<String, String> errors, String conflict, String notice) {
        public CalendarForm {
            days = List.copyOf(days);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record SlaRow(String id, String href, String name, String basis, List<String> lines) {
        public SlaRow {
            lines = List.copyOf(lines);
        }
    }

    public record SlaPolicies(WebMessages m, List<SlaRow> rows, String notice) {
        public SlaPolicies {
            rows = List.copyOf(rows);
        }
    }

    /** A length of time as typed: {@code name}{@code .hours} and {@code name}{@code .minutes}. */
    public record SpanInput(String name, String hours, String minutes, String error) {}

    /** First-response and resolution targets (the policy's, or one priority's: {@code prefix} is then {@code URGENT.}). */
    public record TargetsInput(String prefix, String label, SpanInput firstResponse, SpanInput resolution, String error) {}

    /** One escalation step's inputs, named {@code prefix}{@code .target}, {@code .responderId}, {@code .afterHours}, {@code .afterMinutes}. */
    public record StepSlot(String prefix, String label, List<Option> targets, List<Option> responders, String afterHours, String afterMinutes,
            String error) {
        public StepSlot {
            targets = List.copyOf(targets);
            responders = List.copyOf(responders);
        }
    }

    /** An SLA policy's form, as typed; {@code version} null for a new one. */
    public record SlaForm(WebMessages m, String action, String id, String name, List<Option> bases, List<Option> calendars, TargetsInput targets,
            List<TargetsInput> byPriority, String reminderPercent, List<StepSlot> steps, boolean urgent, Long version, String csrf,
            java.util.Map<String, String> errors, String conflict) {
        public SlaForm {
            bases = List.copyOf(bases);
            calendars = List.copyOf(calendars);
            byPriority = List.copyOf(byPriority);
            steps = List.copyOf(steps);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Link(String href, String label) {}

    /**
     * A delete's confirmation, or with a null {@code action} the page after it. {@code blockers} and {@code openCases}
     * say what still uses the entry; then there is nothing to confirm.
     */
    public record DeleteConfirm(WebMessages m, String title, String what, String body, String action, String backHref, String csrf, long version,
            List<Link> blockers, String openCases, String notice) {
        public DeleteConfirm {
            blockers = List.copyOf(blockers);
        }

        public boolean blocked() {
            return !blockers.isEmpty() || openCases != null;
        }
    }

    /** A root-cause category and its causes. */
    public record RootCauseGroup(String id, String href, String name, List<Link> causes) {
        public RootCauseGroup {
            causes = List.copyOf(causes);
        }
    }

    public record RootCauses(WebMessages m, List<RootCauseGroup> groups, String notice) {
        public RootCauses {
            groups = List.copyOf(groups);
        }
    }

    /** A root cause's form, as typed; {@code categories} starts with "this is a category". */
    public record RootCauseForm(WebMessages m, String action, String id, String name, List<Option> categories, Long version, String csrf,
            java.util.Map<String, String> errors, String conflict) {
        public RootCauseForm {
            categories = List.copyOf(categories);
            errors = java.util.Map.copyOf(errors);
        }

        public boolean isNew() {
            return version == null;
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** An API key as the keys page lists it; {@code revokeAction} null once revoked. */
    public record ApiKeyLine(String id, String name, String scopes, String campaigns, boolean revoked, String revokeAction, long version) {}

    /** A link key as the keys page lists it; {@code retireAction} null while it signs, or once retired. */
    public record LinkKeyLine(String id, String created, String state, boolean signing, String retireAction, long version) {}

    /** The keys page: both lists and the new API key's form as typed; {@code warning} whether the notice is a refusal. */
    public record KeysView(WebMessages m, List<ApiKeyLine> apiKeys, List<LinkKeyLine> linkKeys, String name, List<Option> scopes,
            List<Option> campaigns, java.util.Map<String, String> errors, String notice, boolean warning, String csrf) {
        public KeysView {
            apiKeys = List.copyOf(apiKeys);
            linkKeys = List.copyOf(linkKeys);
            scopes = List.copyOf(scopes);
            campaigns = List.copyOf(campaigns);
            errors = java.util.Map.copyOf(errors);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The page that shows a new API key, this once. */
    public record KeyShown(WebMessages m, String name, String key) {}

    /** One entry an import adds or changes, with its changed fields. */
    public record ConfigChange(String kindLabel, String id, String type, String typeLabel, List<String> lines) {
        public ConfigChange {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The configuration file page; {@code summary} is null until a file is previewed.
     *
     * @param yaml the file previewed, carried to "Import" so it applies exactly what was shown
     */
    public record ConfigFileView(WebMessages m, String csrf, String notice, String problem, String yaml, String summary, List<ConfigChange> changes,
            List<String> errors, boolean canApply, String basis) {
        public ConfigFileView {
            changes = List.copyOf(changes);
            errors = List.copyOf(errors);
        }
    }
}
