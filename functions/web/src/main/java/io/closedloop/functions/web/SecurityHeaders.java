package io.closedloop.functions.web;

import java.util.Map;

/**
 * The headers every answer of the web function carries. The policy allows no script at all, only the one inline
 * stylesheet (by its hash), images from this origin or data: URLs, forms posting back here, and no framing.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + WebStyle.CSP_HASH
            + "; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** For HTML pages and redirects: the link token must never leave in a Referer, no page may be cached. */
    public static final Map<String, String> ALL = Map.of(
            "content-security-policy", CONTENT_SECURITY_POLICY,
            "referrer-policy", "no-referrer",
            "x-content-type-options", "nosniff",
            "x-frame-options", "DENY",
            "cache-control", "no-store");

    private SecurityHeaders() {}
}
