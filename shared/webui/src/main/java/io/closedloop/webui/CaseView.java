package io.closedloop.webui;

import java.util.List;

/**
 * Everything the case page shows, already worded in the viewer's language: the template only lays it out (and
 * escapes every value). Built by {@link CaseViews}.
 *
 * @param formBase where the forms post to: {@code /cases/<caseId>/} or {@code /console/cases/<caseId>/}, followed by the
 *     command ({@link CasePaths})
 * @param version the case version the forms carry back (optimistic locking)
 * @param csrf the anti-forgery token the forms carry back; null on a read-only page
 * @param notice what happened to the last request (saved, refused, conflict), or null
 * @param back where the forms lead back to after a change ({@link CasePage.Viewer#back()}); null for the case page
 */
public record CaseView(
        WebMessages m,
        String title,
        String caseId,
        String formBase,
        long version,
        String csrf,
        Notice notice,
        Summary summary,
        Feedback feedback,
        Customer customer,
        List<EarlierCase> earlierCases,
        List<SlaLine> sla,
        String zoneNote,
        List<TimelineEntry> timeline,
        Forms forms,
        String back) {

    public CaseView {
        earlierCases = List.copyOf(earlierCases);
        sla = List.copyOf(sla);
        timeline = List.copyOf(timeline);
    }

    /** A banner at the top of the page; {@code level} is success, warning or error (a CSS class). */
    public record Notice(String level, String text) {}

    /** Status, priority, owner, plan, root cause. {@code statusKey} is the status name, for its colour. */
    public record Summary(
            String statusKey, String status, String priority, String assignee, String openedAt, String plan, String exitState,
            String rootCause, String rule) {}

    /** The customer's answer. {@code categoryKey} is the category name, for its colour; null without a score. */
    public record Feedback(String score, String scale, String categoryKey, String category, String comment, String submittedAt) {}

    /** The customer; {@code phoneHref} is the phone number reduced to what a {@code tel:} link may hold. */
    public record Customer(String name, String email, String phone, String phoneHref, List<Attribute> attributes) {
        public Customer {
            attributes = List.copyOf(attributes);
        }
    }

    public record Attribute(String label, String value) {}

    public record EarlierCase(String openedAt, String score, String status) {}

    /** One SLA target: {@code state} is due, overdue, met, late or none (a CSS class). */
    public record SlaLine(String label, String state, String text, String deadline) {}

    /** One log entry, worded: when, who, what, then detail lines (comments and notes keep their line breaks). */
    public record TimelineEntry(String when, String who, String what, List<String> lines) {
        public TimelineEntry {
            lines = List.copyOf(lines);
        }
    }

    /** One option of a select (or radio group). */
    public record Option(String value, String label, boolean selected) {}

    /** An optgroup: the root-cause categories. */
    public record OptionGroup(String label, List<Option> options) {
        public OptionGroup {
            options = List.copyOf(options);
        }
    }

    /**
     * The forms this viewer may use; a form that is not offered is null (an empty list for actions). A refused
     * request comes back with its values filled in and its error next to it.
     */
    public record Forms(
            boolean readOnly,
            List<ActionForm> actions,
            SelectForm close,
            TextForm note,
            SelectForm reassign,
            GroupedSelectForm rootCause,
            SelectForm priority,
            TextForm reopen,
            EmailForm email) {

        public Forms {
            actions = List.copyOf(actions);
        }

        /** The "owner, priority and root cause" section opens by itself when one of its forms was refused. */
        public boolean moreOpen() {
            return (reassign != null && reassign.error() != null) || (priority != null && priority.error() != null)
                    || (rootCause != null && rootCause.error() != null);
        }
    }

    /**
     * One selectable action of the plan, as its own small form.
     *
     * @param closeQuestion NONE, EXIT_STATE or CHOICE_AND_EXIT_STATE ({@code CaseForms.CloseQuestion})
     * @param closePlanYes the operator's "yes" was picked; {@code closePlanNo} likewise
     */
    public record ActionForm(
            String actionId,
            String name,
            String description,
            List<Option> statuses,
            boolean commentAllowed,
            String comment,
            String closeQuestion,
            boolean closePlanYes,
            boolean closePlanNo,
            List<Option> exitStates,
            String error) {

        public ActionForm {
            statuses = List.copyOf(statuses);
            exitStates = List.copyOf(exitStates);
        }

        public boolean asksChoice() {
            return closeQuestion.equals("CHOICE_AND_EXIT_STATE");
        }

        public boolean asksExitState() {
            return !closeQuestion.equals("NONE");
        }
    }

    public record SelectForm(List<Option> options, String error) {
        public SelectForm {
            options = List.copyOf(options);
        }
    }

    public record GroupedSelectForm(List<OptionGroup> groups, String error) {
        public GroupedSelectForm {
            groups = List.copyOf(groups);
        }
    }

    public record TextForm(String value, String error) {}

    /**
     * Writing to the customer: the address it goes to, the draft, the refusal when there was one.
     *
     * @param acknowledgementDue when the automatic acknowledgement goes unless a message replaces it; null when none waits
     */
    /**
     * @param templates the campaign's replies to start from, the customer's language first; picking one reloads the page
     *     ({@code GET <page>?reply=<id>#email}) with the form filled in
     * @param page where the picker's GET goes: the case page itself
     */
    public record EmailForm(String to, String subject, String message, String error, String acknowledgementDue, List<Option> templates,
            String page) {}
}
