package io.closedloop.sla;

/** The two targets of an SLA policy. */
public enum TargetKind {
    /** From the response's submission to the first responder action or note. */
    FIRST_RESPONSE("first-response"),
    /** From the case's opening (or its latest reopening) to CLOSED. */
    RESOLUTION("resolution");

    private final String slug;

    TargetKind(String slug) {
        this.slug = slug;
    }

    /** The name used in alert reasons and event details, e.g. {@code first-response}. */
    public String slug() {
        return slug;
    }
}
