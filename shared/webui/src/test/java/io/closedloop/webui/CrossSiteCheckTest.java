package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {

    private final CrossSiteCheck check = new CrossSiteCheck("https://abc123.execute-api.eu-west-1.amazonaws.com");

    private static HttpRequest post(String... headerPairs) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new HttpRequest("POST /cases/{caseId}/{command}", "POST", "/cases/c1/note", "", headers, List.of(), Map.of(),
                Map.of(), new byte[0], "r1", "203.0.113.24", 0);
    }

    @Test
    void refuses_sameOriginFetchMetadataAndOwnOrigin_accepts() {
        assertThat(check.refuses(post("sec-fetch-site", "same-origin", "origin", "https://abc123.execute-api.eu-west-1.amazonaws.com",
                "host", "abc123.execute-api.eu-west-1.amazonaws.com"))).isFalse();
    }

    @Test
    void refuses_fetchMetadataOfAnotherSite_refuses() {
        assertThat(check.refuses(post("sec-fetch-site", "cross-site"))).isTrue();
        assertThat(check.refuses(post("sec-fetch-site", "same-site"))).isTrue();
    }

    @Test
    void refuses_userTypedNavigation_accepts() {
        assertThat(check.refuses(post("sec-fetch-site", "none"))).isFalse();
    }

    @Test
    void refuses_originOfTheRequestHostBehindCustomDomain_accepts() {
        assertThat(check.refuses(post("origin", "https://cx.example.com", "host", "cx.example.com", "x-forwarded-proto", "https")))
                .isFalse();
        assertThat(check.refuses(post("origin", "https://CX.example.com:443", "host", "cx.example.com"))).isFalse();
    }

    @Test
    void refuses_foreignOrLookAlikeOrigin_refuses() {
        assertThat(check.refuses(post("origin", "https://evil.example", "host", "cx.example.com"))).isTrue();
        assertThat(check.refuses(post("origin", "https://cx.example.com.evil.example", "host", "cx.example.com"))).isTrue();
        assertThat(check.refuses(post("origin", "http://cx.example.com", "host", "cx.example.com", "x-forwarded-proto", "https")))
                .isTrue();
    }

    @Test
    void refuses_opaqueOriginOfOurOwnFormUnderNoReferrerPolicy_accepts() {
        assertThat(check.refuses(post("sec-fetch-site", "same-origin", "origin", "null", "host", "cx.example.com"))).isFalse();
    }

    @Test
    void refuses_opaqueOriginFromAnotherSite_refuses() {
        assertThat(check.refuses(post("sec-fetch-site", "cross-site", "origin", "null", "host", "cx.example.com"))).isTrue();
    }

    @Test
    void refuses_noOriginNoFetchMetadata_leavesItToTheCsrfToken() {
        assertThat(check.refuses(post("host", "cx.example.com"))).isFalse();
    }

    @Test
    void refuses_localStackOverPlainHttp_acceptsItsPublicBaseUrl() {
        CrossSiteCheck local = new CrossSiteCheck("http://localhost:3000/");

        assertThat(local.refuses(post("origin", "http://localhost:3000", "host", "localhost:3000"))).isFalse();
        assertThat(local.refuses(post("origin", "http://localhost:4000", "host", "localhost:3000"))).isTrue();
    }

    @Test
    void originOf_normalizesCaseAndDefaultPorts() {
        assertThat(CrossSiteCheck.originOf("HTTPS://Example.COM:443/path")).contains("https://example.com");
        assertThat(CrossSiteCheck.originOf("http://example.com:8080")).contains("http://example.com:8080");
        assertThat(CrossSiteCheck.originOf("javascript:alert(1)")).isEmpty();
        assertThat(CrossSiteCheck.originOf("null")).isEmpty();
    }
}
