package io.closedloop.config;

/**
 * A survey programme: linked to one action plan, with a default SLA policy, a resolution goal, whether its customers
 * get a check-in after their case closes, whether (and when) their answer is acknowledged, and the replies responders
 * can start from when they write to a customer.
 *
 * @param acknowledgement null when respondents are not acknowledged
 * @param replyTemplates what responders pick from in "Write to the customer" (docs/customer-loop.md)
 */
public record Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal, CheckInPolicy checkIn,
        Acknowledgement acknowledgement, java.util.List<ReplyTemplate> replyTemplates) {

    public static final int MAX_REPLY_TEMPLATES = 20;

    public Campaign {
        goal = goal == null ? Goal.DEFAULT : goal;
        checkIn = checkIn == null ? CheckInPolicy.NEVER : checkIn;
        replyTemplates = replyTemplates == null ? java.util.List.of() : java.util.List.copyOf(replyTemplates);
    }

    /** A campaign without reply templates. */
    public Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal, CheckInPolicy checkIn,
            Acknowledgement acknowledgement) {
        this(id, name, actionPlanId, slaPolicyId, goal, checkIn, acknowledgement, null);
    }

    /** The company name customer mail signs with: the acknowledgement's, else the campaign's name. */
    public String company() {
        return acknowledgement != null && acknowledgement.company() != null && !acknowledgement.company().isBlank()
                ? acknowledgement.company() : name;
    }

    /** One reply a responder can start from: the text is filled in and stays editable before it is sent. */
    public record ReplyTemplate(String id, String name, String locale, String subject, String body) {}

    /** A campaign without acknowledgements. */
    public Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal, CheckInPolicy checkIn) {
        this(id, name, actionPlanId, slaPolicyId, goal, checkIn, null, null);
    }

    /** A campaign without check-ins. */
    public Campaign(String id, String name, String actionPlanId, String slaPolicyId, Goal goal) {
        this(id, name, actionPlanId, slaPolicyId, goal, CheckInPolicy.NEVER, null, null);
    }
}
