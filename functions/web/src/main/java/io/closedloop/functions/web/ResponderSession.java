package io.closedloop.functions.web;

import io.closedloop.cases.Case;
import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Responder;
import io.closedloop.links.CaseLinks.Refusal;
import io.closedloop.links.CaseLinks.Verified;
import io.closedloop.links.CaseLinks;
import io.closedloop.webui.CasePaths;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The emailed link traded for a session, and the session checked on every request. Opening a link changes nothing
 * (mail scanners open links too): it only yields a short session cookie scoped to the case's path, and the page is
 * then served at a clean address, so the link token leaves the address bar, the history and every Referer.
 */
public final class ResponderSession {

    public static final String COOKIE = "cl_session";
    private static final int MAX_ID_LENGTH = 200;

    /** What opening a link gives. */
    public sealed interface LinkOutcome {
        record Opened(String caseId, String sessionToken, Instant expiresAt) implements LinkOutcome {}

        record Refused(Refusal refusal) implements LinkOutcome {}
    }

    /** Whether a request may see the case, and as whom. */
    public sealed interface Access {
        record Granted(Case current, Responder responder, String sessionToken) implements Access {}

        /** @param messageKey the page that tells the user what to do: session.missing, session.expired, session.revoked */
        record Denied(String messageKey) implements Access {}
    }

    private ResponderSession() {}

    /**
     * Verifies a link token against the case it names (an unknown case reads as an invalid link, so nobody learns
     * which case ids exist) and issues the session.
     */
    public static LinkOutcome open(Configuration config, String token, Instant now, Function<String, Optional<Case>> cases) {
        Optional<Case> found = CaseLinks.unverifiedCaseId(token).filter(ResponderSession::plausibleId).flatMap(cases);
        if (found.isEmpty()) {
            return new LinkOutcome.Refused(Refusal.INVALID);
        }
        Case current = found.get();
        Verified link = CaseLinks.verifyLink(config, token, now, current.linkGeneration());
        if (!link.valid()) {
            return new LinkOutcome.Refused(link.refusal());
        }
        if (!link.claims().caseId().equals(current.id())) {
            return new LinkOutcome.Refused(Refusal.INVALID);
        }
        if (config.responder(link.claims().recipientId()).isEmpty()) {
            return new LinkOutcome.Refused(Refusal.REVOKED);
        }
        LinkKey key = config.signingKey().orElseThrow(() -> new IllegalStateException("no link key to sign sessions"));
        String session = CaseLinks.sessionToken(key, link.claims(), now);
        Instant expiresAt = CaseLinks.verifySession(config, session, now, link.claims().generation()).claims().expiresAt();
        return new LinkOutcome.Opened(current.id(), session, expiresAt);
    }

    /**
     * Checks the session cookie for the case named in the path: signed, not expired, of the case's current link
     * generation, for this very case, held by a responder who still exists.
     */
    public static Access check(Configuration config, Optional<String> cookie, String caseId, Instant now,
            Function<String, Optional<Case>> cases) {
        Access missing = new Access.Denied("session.missing");
        if (cookie.isEmpty() || caseId == null || !plausibleId(caseId)) {
            return missing;
        }
        String token = cookie.get();
        // Named case first: a session for another case never costs a read of this one
        if (!CaseLinks.unverifiedCaseId(token).map(caseId::equals).orElse(false)) {
            return missing;
        }
        Optional<Case> found = cases.apply(caseId);
        if (found.isEmpty()) {
            return missing;
        }
        Verified session = CaseLinks.verifySession(config, token, now, found.get().linkGeneration());
        if (!session.valid()) {
            return switch (session.refusal()) {
                case INVALID -> missing;
                case EXPIRED -> new Access.Denied("session.expired");
                case REVOKED -> new Access.Denied("session.revoked");
            };
        }
        if (!session.claims().caseId().equals(caseId)) {
            return missing;
        }
        return config.responder(session.claims().recipientId())
                .<Access>map(responder -> new Access.Granted(found.get(), responder, token))
                .orElseGet(() -> new Access.Denied("session.revoked"));
    }

    /**
     * The session cookie: sent only to this case's pages and forms (Path), never readable by script (HttpOnly), only
     * over HTTPS (Secure), and sent on the top-level navigation that follows the link from a webmail (Lax, where
     * Strict would drop it on the redirect) but never on a cross-site POST.
     */
    public static String setCookie(String caseId, String sessionToken, Instant now, Instant expiresAt) {
        long maxAge = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return COOKIE + "=" + sessionToken + "; Path=" + CasePaths.EMAILED_LINK.page(caseId) + "; Max-Age=" + maxAge
                + "; HttpOnly; Secure; SameSite=Lax";
    }

    private static boolean plausibleId(String id) {
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        return id.chars().noneMatch(Character::isISOControl);
    }
}
