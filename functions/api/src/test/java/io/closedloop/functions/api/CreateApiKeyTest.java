package io.closedloop.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateApiKeyTest {

    private ApiFixture api;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        api = new ApiFixture();
    }

    private int run(String... args) {
        Map<String, String> options = CreateApiKey.options(args, new PrintStream(err, true, StandardCharsets.UTF_8));
        if (options == null) {
            return CreateApiKey.USAGE;
        }
        return CreateApiKey.run(options, api.stores.client(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void createsAHashedAdminKey_printsItOnce_andItAuthenticates() {
        int exit = run("--table", api.stores.table(), "--name", "First admin", "--scopes", "admin");

        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).isZero();
        assertThat(key).matches("cl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(key.substring(key.lastIndexOf('_') + 1)).contains("First admin");
        ApiKey stored = api.stores.configCache().current().apiKeys().get(ApiFixture.keyId(key));
        assertThat(stored.scopes()).containsExactly(ApiScope.ADMIN);
        assertThat(stored.secretHash()).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
        assertThat(api.get("/admin/api-keys", key).status()).isEqualTo(200);
    }

    @Test
    void campaignKey_isLimitedToItsCampaigns() {
        int exit = run("--table", api.stores.table(), "--name", "BR reports", "--scopes", "REPORTS,CASES_READ", "--campaigns", "nps-br");

        String key = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).isZero();
        assertThat(api.stores.configCache().current().apiKeys().get(ApiFixture.keyId(key)).campaignIds()).isEqualTo(Set.of("nps-br"));
        assertThat(api.get("/api/cases?campaignId=nps-fr", key).status()).isEqualTo(403);
    }

    @Test
    void invalidRequest_isRefusedNamingTheField_andNothingIsPrintedOnStdout() {
        int refused = run("--table", api.stores.table(), "--name", "Scoped admin", "--scopes", "ADMIN", "--campaigns", "nps-br");
        int usage = run("--table", api.stores.table(), "--scopes", "ADMIN");
        int unknownOption = run("--tabel", api.stores.table());

        assertThat(refused).isEqualTo(CreateApiKey.REFUSED);
        assertThat(usage).isEqualTo(CreateApiKey.USAGE);
        assertThat(unknownOption).isEqualTo(CreateApiKey.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scopes: ADMIN cannot be limited to campaigns");
        assertThat(api.stores.configCache().current().apiKeys()).hasSize(1);
    }
}
