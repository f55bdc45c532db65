package io.closedloop.admin;

import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.http.Problem;
import io.closedloop.http.ProblemException;
import java.util.Objects;
import java.util.Optional;

/**
 * The API key a request was authenticated with: what it may do (scopes) and which campaigns it may see. Campaign
 * checks live here so every route applies them the same way.
 */
public record ApiCaller(ApiKey key) {

    public ApiCaller {
        Objects.requireNonNull(key, "key");
    }

    public String keyId() {
        return key.id();
    }

    public boolean has(ApiScope scope) {
        return key.scopes().contains(scope);
    }

    /** Whether the key may see this campaign's cases and reports (a key without campaigns sees all). */
    public boolean sees(String campaignId) {
        return campaignId != null && key.allowsCampaign(campaignId);
    }

    /** The one campaign a key is limited to, when it is limited to exactly one. */
    public Optional<String> onlyCampaign() {
        return key.campaignIds().size() == 1 ? Optional.of(key.campaignIds().iterator().next()) : Optional.empty();
    }

    /**
     * The campaign a list or report request is about: the one asked for, else the key's only campaign. Refused with
     * 422 when neither names one, and with 403 when the key may not see the campaign asked for.
     */
    public String campaignFor(String requested) {
        if (requested == null || requested.isBlank()) {
            return onlyCampaign().orElseThrow(() -> new ProblemException(Problem.field(422, "campaignId", "is required")));
        }
        if (!sees(requested)) {
            throw new ProblemException(Problem.of(403, "campaign-not-allowed", "Campaign not allowed",
                    "This API key may not see campaign " + FieldChecks.shown(requested) + "."));
        }
        return requested;
    }
}
