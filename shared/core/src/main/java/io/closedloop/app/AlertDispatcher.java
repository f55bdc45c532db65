package io.closedloop.app;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.Responder;
import io.closedloop.customer.CustomerDelivery;
import io.closedloop.log.Log;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConflictException;
import io.closedloop.ports.MailException;
import io.closedloop.ports.Mailer;
import io.closedloop.ports.Suppressions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a case's due alerts exactly as the alert states allow: an alert is claimed (SENDING, with a lease) in the
 * case item before it is sent and marked SENT after, each step a conditional write on the case's version. Two
 * senders can never both claim it; a sender that dies leaves a lease that runs out, and the alert is sent again by
 * the next check (the only way an email can go out twice). A refused send puts the alert back to PENDING with a
 * later retry time and logs the failure in the case's activity.
 */
public final class AlertDispatcher {

    /** Longer than any sending function may run (its timeout in template.yaml): a live sender never loses its claim. */
    public static final Duration LEASE = Duration.ofMinutes(3);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final int WRITE_ATTEMPTS = 5;

    private final CaseStore cases;
    private final Mailer mailer;
    private final AlertComposer composer;
    private final ConfigCache config;
    private final LinkKeys keys;
    private final Suppressions suppressions;

    public AlertDispatcher(CaseStore cases, Mailer mailer, AlertComposer composer, ConfigCache config, LinkKeys keys,
            Suppressions suppressions) {
        this.suppressions = suppressions;
        this.cases = cases;
        this.mailer = mailer;
        this.composer = composer;
        this.config = config;
        this.keys = keys;
    }

    /** Claims and sends every alert of the case that is due at {@code now}; returns the case as finally stored. */
    public Case dispatch(Case c, Instant now) {
        Case current = c;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            List<String> due = current.alerts().values().stream().filter(a -> a.claimable(now)).map(Alert::key).toList();
            if (due.isEmpty()) {
                return current;
            }
            Case.Builder claiming = current.toBuilder().version(current.version() + 1);
            for (String key : due) {
                claiming.alert(current.alerts().get(key).claimed(now.plus(LEASE)));
            }
            Case claimed = claiming.build();
            try {
                cases.update(claimed);
                return sendClaimed(claimed, due, now);
            } catch (ConflictException lost) {
                Optional<Case> fresh = cases.find(current.id());
                if (fresh.isEmpty()) {
                    return current;
                }
                current = fresh.get();
            }
        }
        return current;
    }

    /**
     * Sends the due alerts of a case that is not stored yet and returns it with their outcomes recorded: the caller
     * creates it with one write, already saying which alerts went out (no second write to mark them).
     */
    public Case sendBeforeCreate(Case draft, Instant now) {
        List<String> due = draft.alerts().values().stream().filter(a -> a.claimable(now)).map(Alert::key).toList();
        if (due.isEmpty()) {
            return draft;
        }
        Case.Builder claiming = draft.toBuilder();
        for (String key : due) {
            claiming.alert(draft.alerts().get(key).claimed(now.plus(LEASE)));
        }
        Case holding = claiming.build();
        Map<String, Outcome> outcomes = sendAll(holding, due, now);
        Case.Builder done = holding.toBuilder();
        apply(done, holding, outcomes, now);
        logOutcomes(draft.id(), outcomes);
        return done.build();
    }

    private Case sendClaimed(Case c, List<String> claimedKeys, Instant now) {
        return record(c, sendAll(c, claimedKeys, now), now);
    }

    private Map<String, Outcome> sendAll(Case c, List<String> claimedKeys, Instant now) {
        Configuration configuration = config.current();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String key : claimedKeys) {
            Alert alert = c.alerts().get(key);
            if (alert != null && alert.state() == AlertState.SENDING) {
                outcomes.put(key, send(c, alert, configuration, now));
            }
        }
        return outcomes;
    }

    private record Outcome(boolean sent, String reason, boolean permanent) {}

    private Outcome send(Case c, Alert alert, Configuration configuration, Instant now) {
        if (alert.kind().toCustomer()) {
            return sendToCustomer(c, alert, configuration, now);
        }
        Optional<Responder> recipient = configuration.responder(alert.recipientId());
        if (recipient.isEmpty() || recipient.get().email() == null) {
            return new Outcome(false, "unknown-recipient", true);
        }
        try {
            mailer.send(composer.compose(c, alert, recipient.get(), configuration, keys.signingKey(now), now));
            return new Outcome(true, null, false);
        } catch (MailException e) {
            return new Outcome(false, e.reason(), false);
        } catch (IllegalArgumentException unsendable) {
            // e.g. an address with a line break: retrying would not help
            return new Outcome(false, "invalid-address", true);
        }
    }

    /** Never to an address that opted out, bounced or complained: that alert fails for good, and the log says why. */
    private Outcome sendToCustomer(Case c, Alert alert, Configuration configuration, Instant now) {
        CustomerDelivery.Attempt attempt = CustomerDelivery.attempt(c.response().respondent().email(), suppressions, mailer,
                () -> composer.composeForCustomer(c, alert, configuration, keys.signingKey(now), now));
        return new Outcome(attempt.sent(), attempt.failure(), attempt.permanent());
    }

    private Case record(Case claimed, Map<String, Outcome> outcomes, Instant now) {
        Case current = claimed;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Case.Builder marking = current.toBuilder().version(current.version() + 1);
            if (!apply(marking, current, outcomes, now)) {
                return current;
            }
            Case marked = marking.build();
            try {
                cases.update(marked);
                logOutcomes(marked.id(), outcomes);
                return marked;
            } catch (ConflictException lost) {
                Optional<Case> fresh = cases.find(current.id());
                if (fresh.isEmpty()) {
                    return current;
                }
                current = fresh.get();
            }
        }
        Log.warn("alert outcome not recorded; the lease will expire and the alert be retried", Map.of("caseId", claimed.id()));
        return current;
    }

    /** Records each outcome on the alert and in the activity log; false when no alert was still held. */
    private static boolean apply(Case.Builder builder, Case current, Map<String, Outcome> outcomes, Instant now) {
        boolean changed = false;
        for (var entry : outcomes.entrySet()) {
            Alert alert = current.alerts().get(entry.getKey());
            if (alert == null || alert.state() != AlertState.SENDING) {
                continue;
            }
            Outcome outcome = entry.getValue();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("alert", alert.kind().name());
            details.put("recipientId", alert.recipientId());
            details.put("reason", alert.reason());
            if (outcome.sent()) {
                builder.alert(alert.sent(now));
                builder.append(now, "system", sentEntry(alert.kind()), details);
            } else if (outcome.permanent()) {
                builder.alert(alert.sent(now));
                details.put("failure", outcome.reason());
                details.put("final", "true");
                builder.append(now, "system", ActivityType.ALERT_FAILED, details);
            } else {
                Instant retryAt = now.plus(backoff(alert.attempts()));
                builder.alert(alert.failed(retryAt));
                details.put("failure", outcome.reason());
                details.put("attempt", Integer.toString(alert.attempts()));
                details.put("retryAt", retryAt.toString());
                builder.append(now, "system", ActivityType.ALERT_FAILED, details);
            }
            changed = true;
        }
        return changed;
    }

    private static ActivityType sentEntry(AlertKind kind) {
        return switch (kind) {
            case CHECK_IN -> ActivityType.CHECK_IN_SENT;
            case ACKNOWLEDGEMENT -> ActivityType.CUSTOMER_ACKNOWLEDGED;
            default -> ActivityType.ALERT_SENT;
        };
    }

    private static void logOutcomes(String caseId, Map<String, Outcome> outcomes) {
        outcomes.forEach((key, outcome) -> Log.info(outcome.sent() ? "alert sent" : "alert not sent",
                Map.of("caseId", caseId, "alert", key.substring(0, key.indexOf('|')), "reason", outcome.reason() == null ? "" : outcome.reason())));
    }

    /** How long before the next try after {@code attempts} failed ones: doubling from a minute, at most an hour. */
    public static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }
}
