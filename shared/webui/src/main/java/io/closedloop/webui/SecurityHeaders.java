package io.closedloop.webui;

import java.util.Map;

/**
 * The headers every answer of the web function carries. The policy allows no script at all, only the one inline
 * stylesheet (by its hash), images from this origin or data: URLs, forms posting back here, and no framing.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(WebStyle.CSS);

    /** For HTML pages and redirects: the link token must never leave in a Referer, no page may be cached. */
    public static final Map<String, String> ALL = of(CONTENT_SECURITY_POLICY, "no-referrer");

    private SecurityHeaders() {}

    /**
     * The policy that allows exactly these inline stylesheets (by their SHA-256) and nothing else to run or load:
     * no script, images from this origin or data: URLs, forms posting back here, no framing, no {@code <base>}.
     */
    public static String contentSecurityPolicy(String... stylesheets) {
        StringBuilder styles = new StringBuilder();
        for (String css : stylesheets) {
            styles.append(' ').append(WebStyle.cspHash(css));
        }
        return "default-src 'none'; style-src" + styles + "; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The headers of every HTML answer and redirect, with this policy and referrer policy; never cached. */
    public static Map<String, String> of(String contentSecurityPolicy, String referrerPolicy) {
        return Map.of(
                "content-security-policy", contentSecurityPolicy,
                "referrer-policy", referrerPolicy,
                "x-content-type-options", "nosniff",
                "x-frame-options", "DENY",
                "cache-control", "no-store");
    }
}
