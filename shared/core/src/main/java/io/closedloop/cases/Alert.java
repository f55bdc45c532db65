package io.closedloop.cases;

import java.time.Instant;

/**
 * One email about a case to one recipient. Its {@code key} (kind, reason, recipient) is unique within the case, so
 * the same alert can never be created twice: "one alert per (case, rule, recipient), ever".
 *
 * @param reason the rule id for NEW_CASE, "first-response"/"resolution" for reminders, the level for escalations
 */
public record Alert(
        String key,
        AlertKind kind,
        String reason,
        String recipientId,
        AlertState state,
        int attempts,
        Instant notBefore,
        Instant leaseUntil,
        Instant sentAt) {

    public static String keyOf(AlertKind kind, String reason, String recipientId) {
        return kind.name() + "|" + reason + "|" + recipientId;
    }

    public static Alert pending(AlertKind kind, String reason, String recipientId, Instant notBefore) {
        return new Alert(keyOf(kind, reason, recipientId), kind, reason, recipientId, AlertState.PENDING, 0, notBefore, null, null);
    }

    /** Whether a sender may take this alert at {@code now}: pending and due, or claimed by a sender that died. */
    public boolean claimable(Instant now) {
        return switch (state) {
            case PENDING -> notBefore == null || !notBefore.isAfter(now);
            case SENDING -> leaseUntil == null || !leaseUntil.isAfter(now);
            case SENT -> false;
        };
    }

    public Alert claimed(Instant leaseUntil) {
        return new Alert(key, kind, reason, recipientId, AlertState.SENDING, attempts + 1, notBefore, leaseUntil, null);
    }

    public Alert sent(Instant at) {
        return new Alert(key, kind, reason, recipientId, AlertState.SENT, attempts, notBefore, null, at);
    }

    public Alert failed(Instant retryAt) {
        return new Alert(key, kind, reason, recipientId, AlertState.PENDING, attempts, retryAt, null, null);
    }

    /** When this alert next needs attention, or null when it never will. */
    public Instant dueAt() {
        return switch (state) {
            case PENDING -> notBefore;
            case SENDING -> leaseUntil;
            case SENT -> null;
        };
    }
}
