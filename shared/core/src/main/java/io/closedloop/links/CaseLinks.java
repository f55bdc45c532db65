package io.closedloop.links;

import io.closedloop.config.Configuration;
import io.closedloop.config.LinkKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Case links and responder sessions. A link token names one case and one recipient, expires, and carries the
 * case's link generation: bumping the generation revokes every link and session issued before. Opening a link
 * never changes anything (mail scanners open links too); it only leads to a short session, scoped to the case.
 */
public final class CaseLinks {

    public static final Duration LINK_LIFETIME = Duration.ofDays(30);
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final String LINK = "case-link";
    private static final String SESSION = "case-session";
    private static final String CSRF = "csrf";
    private static final String DASHBOARD = "dashboard-session";
    public static final Duration DASHBOARD_LIFETIME = Duration.ofHours(8);

    /** What a valid token says. */
    public record Claims(String caseId, String recipientId, int generation, Instant expiresAt) {}

    /** Why a token was refused; the page says which, in words a responder understands. */
    public enum Refusal { INVALID, EXPIRED, REVOKED }

    /** Either claims or a refusal. */
    public record Verified(Claims claims, Refusal refusal) {
        public boolean valid() {
            return claims != null;
        }
    }

    private CaseLinks() {}

    public static String linkToken(LinkKey key, String caseId, String recipientId, int generation, Instant expiresAt) {
        return SignedTokens.sign(key, LINK, payload(caseId, recipientId, generation, expiresAt));
    }

    public static String sessionToken(LinkKey key, Claims link, Instant now) {
        Instant expires = now.plus(SESSION_LIFETIME);
        if (expires.isAfter(link.expiresAt())) {
            expires = link.expiresAt();
        }
        return SignedTokens.sign(key, SESSION, payload(link.caseId(), link.recipientId(), link.generation(), expires));
    }

    public static Verified verifyLink(Configuration config, String token, Instant now, int currentGeneration) {
        return verify(config, token, LINK, now, currentGeneration);
    }

    public static Verified verifySession(Configuration config, String token, Instant now, int currentGeneration) {
        return verify(config, token, SESSION, now, currentGeneration);
    }

    /** The case id a link token names, before it is verified: only to load the case whose generation it needs. */
    public static Optional<String> unverifiedCaseId(String token) {
        return peek(token).map(p -> p.split("~", -1)[0]);
    }

    /** The anti-forgery token of a session: forms carry it, POSTs must return it. */
    public static String csrfToken(Configuration config, String sessionToken) {
        LinkKey key = config.signingKey().orElseThrow(() -> new IllegalStateException("no link key"));
        return key.kid() + "." + SignedTokens.mac(key, CSRF, sessionToken.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean verifyCsrf(Configuration config, String sessionToken, String presented) {
        if (presented == null || sessionToken == null) {
            return false;
        }
        int dot = presented.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        Optional<LinkKey> key = config.linkKey(presented.substring(0, dot));
        if (key.isEmpty()) {
            return false;
        }
        String expected = key.get().kid() + "." + SignedTokens.mac(key.get(), CSRF, sessionToken.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A manager's dashboard session, naming the API key that signed in (re-checked on every request). */
    public static String dashboardToken(LinkKey key, String apiKeyId, Instant now) {
        if (apiKeyId.contains("~")) {
            throw new IllegalArgumentException("ids must not contain '~'");
        }
        return SignedTokens.sign(key, DASHBOARD, apiKeyId + "~" + now.plus(DASHBOARD_LIFETIME).getEpochSecond());
    }

    /** The API key id of a valid, unexpired dashboard session. */
    public static Optional<String> verifyDashboard(Configuration config, String token, Instant now) {
        return SignedTokens.verify(token, DASHBOARD, config::linkKey).flatMap(payload -> {
            String[] parts = payload.split("~", -1);
            try {
                return parts.length == 2 && now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))
                        ? Optional.of(parts[0]) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Verified verify(Configuration config, String token, String purpose, Instant now, int currentGeneration) {
        Optional<String> payload = SignedTokens.verify(token, purpose, config::linkKey);
        if (payload.isEmpty()) {
            return new Verified(null, Refusal.INVALID);
        }
        String[] parts = payload.get().split("~", -1);
        if (parts.length != 4) {
            return new Verified(null, Refusal.INVALID);
        }
        Claims claims;
        try {
            claims = new Claims(parts[0], parts[1], Integer.parseInt(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[3])));
        } catch (RuntimeException e) {
            return new Verified(null, Refusal.INVALID);
        }
        if (!now.isBefore(claims.expiresAt())) {
            return new Verified(null, Refusal.EXPIRED);
        }
        if (claims.generation() != currentGeneration) {
            return new Verified(null, Refusal.REVOKED);
        }
        return new Verified(claims, null);
    }

    private static String payload(String caseId, String recipientId, int generation, Instant expiresAt) {
        if (caseId.contains("~") || recipientId.contains("~")) {
            throw new IllegalArgumentException("ids must not contain '~'");
        }
        return caseId + "~" + recipientId + "~" + generation + "~" + expiresAt.getEpochSecond();
    }

    private static Optional<String> peek(String token) {
        if (token == null || token.length() > SignedTokens.MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
