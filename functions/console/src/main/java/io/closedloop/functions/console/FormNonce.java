package io.closedloop.functions.console;

import io.closedloop.config.Configuration;
import io.closedloop.http.HttpRequest;
import io.closedloop.links.CaseLinks;
import io.closedloop.webui.FormBody;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * CSRF before there is a session: the sign-in pages set a random pre-session cookie, and their forms carry a token
 * bound to it under the link key; a POST must bring both. Another site can neither read the cookie nor forge the token.
 */
record FormNonce(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** The request's nonce, or a new one; the page sends {@link #setCookie} either way. */
    static FormNonce of(HttpRequest request) {
        return request.cookie(ConsoleHandler.FORM_COOKIE).filter(v -> SHAPE.matcher(v).matches())
                .map(v -> new FormNonce(v))
                .orElseGet(() -> {
                    byte[] bytes = new byte[16];
                    RANDOM.nextBytes(bytes);
                    return new FormNonce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                });
    }

    String csrf(Configuration config) {
        return CaseLinks.csrfToken(config, "signin." + value);
    }

    String setCookie() {
        return ConsoleHandler.FORM_COOKIE + "=" + value + "; Path=/console/sign-in; Max-Age=3600; HttpOnly; Secure; SameSite=Strict";
    }

    static String clearCookie() {
        return ConsoleHandler.FORM_COOKIE + "=; Path=/console/sign-in; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
    }

    static boolean valid(HttpRequest request, Configuration config, FormBody form) {
        return request.cookie(ConsoleHandler.FORM_COOKIE).filter(v -> SHAPE.matcher(v).matches())
                .map(v -> CaseLinks.verifyCsrf(config, "signin." + v, form.field("csrf").orElse(null)))
                .orElse(false);
    }
}
