package io.closedloop.config;

import java.util.Set;

/**
 * An API key as stored: only the SHA-256 of its secret part (keys are 256-bit random, so a fast hash is enough), its
 * scopes, and the campaigns it may see (empty = all).
 */
public record ApiKey(String id, String name, String secretHash, Set<ApiScope> scopes, Set<String> campaignIds, boolean revoked) {

    public ApiKey {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        campaignIds = campaignIds == null ? Set.of() : Set.copyOf(campaignIds);
    }

    public boolean allowsCampaign(String campaignId) {
        return campaignIds.isEmpty() || campaignIds.contains(campaignId);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", scopes=" + scopes + "]";
    }
}
