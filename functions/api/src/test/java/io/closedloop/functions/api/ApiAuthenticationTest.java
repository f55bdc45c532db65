package io.closedloop.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.app.ApiKeys;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.log.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiAuthenticationTest {

    private ApiFixture api;
    private final List<String> logLines = new ArrayList<>();
    private Consumer<String> previousSink;

    @BeforeEach
    void setUp() {
        api = new ApiFixture();
        previousSink = Log.sink(logLines::add);
    }

    @AfterEach
    void restoreLog() {
        Log.sink(previousSink);
    }

    @Test
    void request_withoutKey_is401WithBearerChallenge() {
        ApiFixture.Reply reply = api.get("/admin/sources", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("www-authenticate")).startsWith("Bearer");
        assertThat(reply.header("content-type")).isEqualTo("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith("/unauthenticated");
    }

    @Test
    void request_withBasicAuthorization_is401() {
        ApiFixture.Reply reply = api.call("GET", "/api/cases", null, null, Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("www-authenticate")).isEqualTo("Bearer realm=\"closedloop\"");
    }

    @Test
    void request_withWrongSecretOfKnownKey_is401InvalidToken() {
        String wrong = api.adminKey.substring(0, api.adminKey.length() - 4) + "AAAA";

        ApiFixture.Reply reply = api.get("/admin/sources", wrong);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("www-authenticate")).contains("error=\"invalid_token\"");
        assertThat(reply.text()).doesNotContain(wrong).doesNotContain(ApiFixture.keyId(wrong));
    }

    @Test
    void request_withUnknownOrMalformedKey_is401() {
        assertThat(api.get("/admin/sources", ApiKeys.generate().key()).status()).isEqualTo(401);
        assertThat(api.get("/admin/sources", "cl_").status()).isEqualTo(401);
        assertThat(api.get("/admin/sources", "not-a-key").status()).isEqualTo(401);
    }

    @Test
    void request_withRevokedKey_is401() {
        ApiKeys.NewKey generated = ApiKeys.generate();
        api.put(new ApiKey(generated.keyId(), "Old CRM key", generated.hash(), Set.of(ApiScope.CASES_READ), Set.of(), true));

        ApiFixture.Reply reply = api.get("/api/cases?campaignId=" + ApiFixture.NPS, generated.key());

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void adminRoute_withCaseScopedKey_is403NamingTheScope() {
        String crm = api.key("CRM", Set.of(ApiScope.CASES_READ, ApiScope.CASES_WRITE), Set.of());

        ApiFixture.Reply reply = api.get("/admin/campaigns", crm);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("detail").asText()).contains("ADMIN");
        assertThat(reply.header("www-authenticate")).contains("insufficient_scope").contains("ADMIN");
    }

    @Test
    void caseRoutes_needTheirOwnScopes() {
        String reports = api.key("BI", Set.of(ApiScope.REPORTS), Set.of());
        String reader = api.key("Reader", Set.of(ApiScope.CASES_READ), Set.of());
        String caseId = api.openCase(ApiFixture.NPS, 2).id();

        assertThat(api.get("/api/cases?campaignId=" + ApiFixture.NPS, reports).status()).isEqualTo(403);
        assertThat(api.get("/api/cases/" + caseId, reader).status()).isEqualTo(200);
        assertThat(api.post("/api/cases/" + caseId + "/note", reader, "{\"text\":\"Called\"}", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/kpis?campaignId=" + ApiFixture.NPS, reader).status()).isEqualTo(403);
    }

    @Test
    void adminRoute_withAdminKeyLimitedToCampaigns_is403() {
        String scopedAdmin = api.key("Scoped admin stored by hand", Set.of(ApiScope.ADMIN), Set.of(ApiFixture.NPS));

        assertThat(api.get("/admin/api-keys", scopedAdmin).status()).isEqualTo(403);
    }

    @Test
    void validKey_onUnknownRoute_is404_andWrongMethod_is405WithAllow() {
        assertThat(api.get("/admin/nothing-here", api.adminKey).status()).isEqualTo(404);

        ApiFixture.Reply reply = api.post("/admin/campaigns", api.adminKey, "{}", Map.of());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("allow")).isEqualTo("GET");
    }

    @Test
    void openApiDocument_isServedToAnyValidKey() {
        String reader = api.key("Reader", Set.of(ApiScope.CASES_READ), Set.of(ApiFixture.NPS));

        ApiFixture.Reply reply = api.get("/api/openapi.yaml", reader);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).startsWith("application/yaml");
        assertThat(reply.text()).startsWith("openapi: 3.1");
        assertThat(api.get("/api/openapi.yaml", null).status()).isEqualTo(401);
    }

    @Test
    void logs_neverContainThePresentedKey() {
        String wrong = api.adminKey.substring(0, api.adminKey.length() - 2) + "xx";

        api.get("/admin/sources", api.adminKey);
        api.get("/admin/sources", wrong);
        api.post("/admin/api-keys", api.adminKey, "{\"name\":\"CRM\",\"scopes\":[\"CASES_READ\"]}", Map.of());

        assertThat(logLines).hasSizeGreaterThanOrEqualTo(3);
        String secretPart = api.adminKey.substring(api.adminKey.lastIndexOf('_') + 1);
        assertThat(String.join("\n", logLines)).doesNotContain(secretPart).doesNotContain(wrong.substring(wrong.lastIndexOf('_') + 1))
                .doesNotContain("cl_");
    }
}
