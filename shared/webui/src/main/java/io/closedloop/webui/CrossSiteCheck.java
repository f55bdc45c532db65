package io.closedloop.webui;

import io.closedloop.http.HttpRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a state-changing request sent by another site, before the CSRF token is even looked at. Browsers tell
 * where a request comes from in {@code Sec-Fetch-Site} and {@code Origin}; a request that names another site in
 * either is refused. A client that sends neither (an old browser, curl) still needs the CSRF token.
 *
 * <p>The deployment's own origin is the origin of {@code PUBLIC_BASE_URL} (what the emailed links point at) and,
 * as well, the origin the request itself was addressed to: the {@code Host} header with the scheme of
 * {@code X-Forwarded-Proto} (HTTPS when absent, as API Gateway only serves HTTPS). A page on another site cannot make
 * a browser send our Host with its own Origin, so both identify this deployment, also behind a custom domain.
 */
public final class CrossSiteCheck {

    private final String publicOrigin;
    private final boolean refusesOpaqueOrigin;

    /**
     * For pages sent with {@code Referrer-Policy: no-referrer} (the emailed link's), under which browsers send
     * {@code Origin: null} on their own form posts: an opaque origin is left to the fetch metadata and the CSRF token.
     *
     * @param publicBaseUrl the PUBLIC_BASE_URL setting, or null when the deployment has none
     */
    public CrossSiteCheck(String publicBaseUrl) {
        this(publicBaseUrl, false);
    }

    private CrossSiteCheck(String publicBaseUrl, boolean refusesOpaqueOrigin) {
        this.publicOrigin = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : originOf(publicBaseUrl).orElse(null);
        this.refusesOpaqueOrigin = refusesOpaqueOrigin;
    }

    /**
     * For pages sent with {@code Referrer-Policy: strict-origin} (the console's), under which browsers send the real
     * origin on their own form posts: {@code Origin: null} then only comes from a sandboxed or privacy-redirected
     * context, and is refused like another site.
     */
    public static CrossSiteCheck strict(String publicBaseUrl) {
        return new CrossSiteCheck(publicBaseUrl, true);
    }

    /**
     * Whether the request comes from another site and must be refused. Our pages send {@code Referrer-Policy:
     * no-referrer}, under which browsers send {@code Origin: null} on their own form posts; so a browser's
     * {@code Sec-Fetch-Site: same-origin} decides, and an opaque origin is refused only when the browser says
     * nothing else (an opaque origin with no fetch metadata is left to the CSRF token, like a request without Origin).
     */
    public boolean refuses(HttpRequest request) {
        Optional<String> site = request.header("sec-fetch-site").map(v -> v.trim().toLowerCase(Locale.ROOT));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return true;
        }
        Optional<String> origin = request.header("origin").map(String::trim);
        if (origin.isEmpty()) {
            return false;
        }
        if (origin.get().equals("null")) {
            return refusesOpaqueOrigin;
        }
        Optional<String> presented = originOf(origin.get().trim());
        if (presented.isEmpty()) {
            return true;
        }
        return !presented.get().equals(publicOrigin) && !presented.equals(requestOrigin(request));
    }

    /** The origin this request was addressed to, from Host and X-Forwarded-Proto. */
    static Optional<String> requestOrigin(HttpRequest request) {
        Optional<String> host = request.header("host").map(String::trim).filter(h -> !h.isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String proto = request.header("x-forwarded-proto")
                .map(p -> p.split(",")[0].trim().toLowerCase(Locale.ROOT))
                .filter(p -> p.equals("http") || p.equals("https"))
                .orElse("https");
        return originOf(proto + "://" + host.get());
    }

    /** scheme://host[:port], lower-case, without the scheme's default port; empty for "null" or anything unparsable. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
