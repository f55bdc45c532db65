package io.closedloop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.closedloop.app.ApiKeys;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.Configuration;
import io.closedloop.http.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {

    private static final ApiKeys.NewKey CRM = ApiKeys.generate();
    private static final ApiKeys.NewKey OLD = ApiKeys.generate();

    private static final Configuration CONFIG = new Configuration(Map.of(), Map.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(),
            Map.of(), Map.of(), Map.of(
                    CRM.keyId(), new ApiKey(CRM.keyId(), "CRM", CRM.hash(), Set.of(ApiScope.CASES_READ), Set.of("nps-br"), false),
                    OLD.keyId(), new ApiKey(OLD.keyId(), "Old", OLD.hash(), Set.of(ApiScope.ADMIN), Set.of(), true)),
            List.of());

    private static ApiKeyAuthenticator.Authentication authenticate(String header) {
        return ApiKeyAuthenticator.authenticate(header, CONFIG);
    }

    @Test
    void bearerKey_authenticates_schemeCaseInsensitive() {
        assertThat(authenticate("Bearer " + CRM.key()).caller().keyId()).isEqualTo(CRM.keyId());
        assertThat(authenticate("bearer  " + CRM.key() + " ").authenticated()).isPresent();
    }

    @Test
    void missingOrOtherScheme_isMissing_wrongUnknownOrRevoked_isInvalid() {
        assertThat(authenticate(null).refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.MISSING);
        assertThat(authenticate("Basic " + CRM.key()).refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.MISSING);
        assertThat(authenticate("Bearer").refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.MISSING);
        assertThat(authenticate("Bearer " + CRM.key() + "x").refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.INVALID);
        assertThat(authenticate("Bearer " + "cl_" + CRM.keyId() + "_" + OLD.key().substring(OLD.key().lastIndexOf('_') + 1)).refusal())
                .isEqualTo(ApiKeyAuthenticator.Refusal.INVALID);
        assertThat(authenticate("Bearer " + ApiKeys.generate().key()).refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.INVALID);
        assertThat(authenticate("Bearer " + OLD.key()).refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.INVALID);
        assertThat(authenticate("Bearer cl_" + "x".repeat(300)).refusal()).isEqualTo(ApiKeyAuthenticator.Refusal.INVALID);
    }

    @Test
    void caller_campaignFor_defaultsToTheOnlyCampaign_andRefusesOthers() {
        ApiCaller caller = authenticate("Bearer " + CRM.key()).caller();
        ApiCaller unlimited = new ApiCaller(new ApiKey("k", "All", "h", Set.of(ApiScope.CASES_READ), Set.of(), false));

        assertThat(caller.campaignFor(null)).isEqualTo("nps-br");
        assertThat(caller.campaignFor("nps-br")).isEqualTo("nps-br");
        assertThat(((ProblemException) catchThrowable(() -> caller.campaignFor("nps-fr"))).problem().status())
                .isEqualTo(403);
        assertThat(((ProblemException) catchThrowable(() -> unlimited.campaignFor(" "))).problem().status())
                .isEqualTo(422);
        assertThat(unlimited.sees("nps-fr")).isTrue();
    }
}
