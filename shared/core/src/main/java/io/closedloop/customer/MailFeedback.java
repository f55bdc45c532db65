package io.closedloop.customer;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.Case;
import io.closedloop.log.Log;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConflictException;
import io.closedloop.ports.Suppressions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SES reports after sending (docs/customer-loop.md, "Deliverability"): a permanent bounce or a complaint about
 * an email to a customer puts the address on the suppression list, so no later acknowledgement, message or check-in
 * goes to it, and the case the email was about says so once. A transient bounce changes nothing (SES retried it).
 * Staff addresses are not suppressed: an alert that cannot reach a responder shows as failed on its case.
 */
public final class MailFeedback {

    public enum Kind { BOUNCE, COMPLAINT }

    /**
     * One SES notification, as the mail events function reads it.
     *
     * @param permanent for a bounce, whether SES gave up ("Permanent"); complaints are always final
     * @param mailKind the {@code kind} tag the email was sent with (an {@link AlertKind} name); null when untagged
     * @param caseId the {@code case} tag; null when untagged
     */
    public record Report(Kind kind, boolean permanent, List<String> recipients, String mailKind, String caseId, Instant at) {
        public Report {
            recipients = List.copyOf(recipients);
        }
    }

    /** What one report changed. */
    public record Outcome(int suppressed, boolean caseMarked) {}

    private static final int WRITE_ATTEMPTS = 5;

    private final Suppressions suppressions;
    private final CaseStore cases;

    public MailFeedback(Suppressions suppressions, CaseStore cases) {
        this.suppressions = suppressions;
        this.cases = cases;
    }

    public Outcome record(Report report) {
        if (report.kind() == Kind.BOUNCE && !report.permanent()) {
            return new Outcome(0, false);
        }
        if (!toCustomer(report.mailKind())) {
            Log.warn("mail to staff " + (report.kind() == Kind.BOUNCE ? "bounced" : "was marked as spam"),
                    Map.of("caseId", report.caseId() == null ? "" : report.caseId(), "alert", report.mailKind() == null ? "" : report.mailKind()));
            return new Outcome(0, false);
        }
        Suppressions.Reason reason = report.kind() == Kind.BOUNCE ? Suppressions.Reason.BOUNCED : Suppressions.Reason.COMPLAINED;
        for (String recipient : report.recipients()) {
            suppressions.suppress(Addresses.hash(recipient), reason, report.at());
        }
        boolean marked = report.caseId() != null && mark(report.caseId(), reason, report.at());
        Log.info("customer address suppressed", Map.of("caseId", report.caseId() == null ? "" : report.caseId(), "reason", reason.name()));
        return new Outcome(report.recipients().size(), marked);
    }

    private static boolean toCustomer(String mailKind) {
        try {
            return mailKind != null && AlertKind.valueOf(mailKind).toCustomer();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Says it on the case once per reason: SES may report the same bounce twice. */
    private boolean mark(String caseId, Suppressions.Reason reason, Instant at) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Case> found = cases.find(caseId);
            if (found.isEmpty()) {
                return false;
            }
            Case c = found.get();
            boolean already = c.activities().stream()
                    .anyMatch(a -> a.type() == ActivityType.CUSTOMER_ADDRESS_SUPPRESSED && reason.name().equals(a.details().get("reason")));
            if (already) {
                return false;
            }
            Case marked = c.toBuilder().version(c.version() + 1).append(at, "system", ActivityType.CUSTOMER_ADDRESS_SUPPRESSED,
                    Map.of("reason", reason.name())).build();
            try {
                cases.update(marked);
                return true;
            } catch (ConflictException lost) {
                // someone changed the case meanwhile: read it again
            }
        }
        return false;
    }
}
