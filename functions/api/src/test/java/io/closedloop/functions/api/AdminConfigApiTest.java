package io.closedloop.functions.api;

import static io.closedloop.functions.api.ApiFixture.ifMatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.closedloop.cases.Case;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ApiScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminConfigApiTest {

    private static final String SOURCE = """
            {"campaignId": "nps-br", "format": "GENERIC", "scoreType": "NPS",
             "mapping": {"respondent": {}, "attributes": {"store": "answer:store"}}}""";

    private ApiFixture api;

    @BeforeEach
    void setUp() {
        api = new ApiFixture();
    }

    private static List<String> fields(ApiFixture.Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void putSource_withoutIfMatch_createsIt_version1_withLocation() {
        ApiFixture.Reply reply = api.put("/admin/sources/src-web", api.adminKey, SOURCE, Map.of());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.etag()).isEqualTo("\"1\"");
        assertThat(reply.header("location")).isEqualTo("/admin/sources/src-web");
        assertThat(reply.json().path("enabled").asBoolean()).isTrue();
        assertThat(reply.json().path("secrets")).isEmpty();
        assertThat(api.get("/admin/sources/src-web", api.adminKey).json().path("campaignId").asText()).isEqualTo("nps-br");
    }

    @Test
    void putSource_thatExists_withoutIfMatch_is409_withStaleIfMatch_is409_withCurrentIfMatch_replaces() {
        api.put("/admin/sources/src-web", api.adminKey, SOURCE, Map.of());
        String disabled = SOURCE.replace("\"scoreType\"", "\"enabled\": false, \"scoreType\"");

        ApiFixture.Reply again = api.put("/admin/sources/src-web", api.adminKey, disabled, Map.of());
        ApiFixture.Reply replaced = api.put("/admin/sources/src-web", api.adminKey, disabled, ifMatch("\"1\""));
        ApiFixture.Reply stale = api.put("/admin/sources/src-web", api.adminKey, SOURCE, ifMatch("\"1\""));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("/already-exists");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).isEqualTo("\"2\"");
        assertThat(replaced.json().path("enabled").asBoolean()).isFalse();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("type").asText()).endsWith("/version-conflict");
        assertThat(stale.json().path("detail").asText()).contains("version 2, not 1");
        assertThat(api.get("/admin/sources/src-web", api.adminKey).json().path("enabled").asBoolean()).isFalse();
    }

    @Test
    void putSource_invalid_namesEachBadField() {
        ApiFixture.Reply reply = api.put("/admin/sources/src-web", api.adminKey, """
                {"campaignId": "nps-xx", "format": "GENERIC",
                 "mapping": {"respondent": {"mail": "answer:email"}, "attributes": {"store": "hidden:store"}}}""", Map.of());
        ApiFixture.Reply badFormat = api.put("/admin/sources/src-web", api.adminKey, "{\"campaignId\": \"nps-br\", \"format\": \"QUALTRICS\"}", Map.of());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("content-type")).isEqualTo("application/problem+json");
        assertThat(fields(reply)).containsExactlyInAnyOrder("campaignId", "mapping.respondent.mail", "mapping.attributes.store");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo("unknown campaign nps-xx");
        assertThat(badFormat.status()).isEqualTo(422);
        assertThat(fields(badFormat)).containsExactly("format");
        assertThat(badFormat.json().path("errors").get(0).path("message").asText()).contains("GENERIC, FORMBRICKS");
    }

    @Test
    void sourceSecrets_areWriteOnly_generatedOnceThenOnlyIdAndFingerprint() {
        api.put("/admin/sources/src-web", api.adminKey, SOURCE, Map.of());

        ApiFixture.Reply added = api.post("/admin/sources/src-web/secrets", api.adminKey, "{}", Map.of());
        String value = added.json().path("secret").path("value").asText();
        ApiFixture.Reply supplied = api.post("/admin/sources/src-web/secrets", api.adminKey,
                "{\"id\": \"rotated\", \"value\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}", ifMatch(added.etag()));

        assertThat(added.status()).isEqualTo(201);
        assertThat(value).startsWith("whsec_");
        assertThat(supplied.status()).isEqualTo(201);
        assertThat(supplied.json().path("secret").has("value")).isFalse();
        assertThat(supplied.json().path("secret").path("fingerprint").asText()).hasSize(8);
        assertThat(supplied.etag()).isEqualTo("\"3\"");
        for (ApiFixture.Reply read : List.of(api.get("/admin/sources/src-web", api.adminKey), api.get("/admin/sources", api.adminKey), supplied)) {
            assertThat(read.text()).doesNotContain(value).doesNotContain(value.substring(6))
                    .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").doesNotContain("\"value\"");
        }
        JsonNode secrets = api.get("/admin/sources/src-web", api.adminKey).json().path("secrets");
        assertThat(secrets).hasSize(2);
        assertThat(secrets.get(1).path("id").asText()).isEqualTo("rotated");
        assertThat(secrets.get(1).path("createdAt").asText()).isEqualTo(api.clock.instant().toString());
        assertThat(api.stores.configCache().current().source("src-web").orElseThrow().secrets().get(0).value()).isEqualTo(value);
    }

    @Test
    void sourceSecrets_unusableValueIs422_andTheLastSecretCannotBeRemoved() {
        api.put("/admin/sources/src-web", api.adminKey, SOURCE, Map.of());
        String first = api.post("/admin/sources/src-web/secrets", api.adminKey, "{\"id\": \"first\"}", Map.of()).json().path("secret").path("id").asText();

        ApiFixture.Reply unusable = api.post("/admin/sources/src-web/secrets", api.adminKey, "{\"value\": \"not base64 at all!\"}", Map.of());
        ApiFixture.Reply last = api.delete("/admin/sources/src-web/secrets/" + first, api.adminKey, Map.of());
        api.post("/admin/sources/src-web/secrets", api.adminKey, "{\"id\": \"second\"}", Map.of());
        ApiFixture.Reply rotated = api.delete("/admin/sources/src-web/secrets/" + first, api.adminKey, Map.of());

        assertThat(unusable.status()).isEqualTo(422);
        assertThat(fields(unusable)).containsExactly("value");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().path("type").asText()).endsWith("/last-secret");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("secrets")).extracting(s -> s.path("id").asText()).containsExactly("second");
    }

    @Test
    void putRule_invalid_namesEachBadFieldByPath() {
        ApiFixture.Reply reply = api.put("/admin/rules/late-delivery", api.adminKey, """
                {"campaignId": "nps-br", "name": "Late delivery", "priority": 5,
                 "condition": {"type": "all", "conditions": [
                    {"type": "score", "scale": "NPS", "max": 6},
                    {"type": "attribute", "name": "country", "op": "EQ", "values": ["BR", "PT"]}]},
                 "outcome": {"assignment": {"type": "fixed", "responderId": "zoe"}}}""", Map.of());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("detail").asText()).isEqualTo("The rule is not valid.");
        assertThat(fields(reply)).containsExactlyInAnyOrder("condition.conditions[1].values", "outcome.assignment.responderId");
    }

    @Test
    void putRule_everyChangeIncrementsTheRuleVersion() {
        String rule = """
                {"campaignId": "nps-br", "name": "Passives", "priority": 1,
                 "condition": {"type": "category", "scale": "NPS", "categories": ["PASSIVE"]},
                 "outcome": {"assignment": {"type": "fixed", "responderId": "ana"}}}""";

        ApiFixture.Reply created = api.put("/admin/rules/passives", api.adminKey, rule, Map.of());
        ApiFixture.Reply changed = api.put("/admin/rules/passives", api.adminKey, rule.replace("\"priority\": 1", "\"priority\": 2"), ifMatch(created.etag()));

        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(changed.etag()).isEqualTo("\"2\"");
        assertThat(api.stores.configCache().current().rule("passives").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void putPlan_invalid_namesEachBadField() {
        ApiFixture.Reply reply = api.put("/admin/action-plans/callback", api.adminKey, """
                {"name": "Call back",
                 "actions": [
                   {"id": "call", "name": "Call", "closesPlan": "YES", "statuses": [{"id": "done", "name": "Done", "closesAction": true}]},
                   {"id": "call", "name": "Call again", "statuses": []}],
                 "exitStates": []}""", Map.of());

        assertThat(reply.status()).isEqualTo(422);
        assertThat(fields(reply)).containsExactlyInAnyOrder("actions[1].id", "actions[1].statuses", "exitStates");
        assertThat(api.get("/admin/action-plans/callback", api.adminKey).status()).isEqualTo(404);
    }

    @Test
    void putPlan_createsANewVersion_whileAnOpenCaseKeepsItsVersion() {
        Case opened = api.openCase(ApiFixture.NPS, 3);
        String plan = api.get("/admin/action-plans/" + ApiFixture.PLAN, api.adminKey).text();
        String edited = plan.replace("\"Send an email\"", "\"Send an apology email\"").replace("\"exitStates\":[", "\"exitStates\":[{\"id\":\"lost\",\"name\":\"Customer lost\"},");

        ApiFixture.Reply stale = api.put("/admin/action-plans/" + ApiFixture.PLAN, api.adminKey, edited, ifMatch("\"7\""));
        ApiFixture.Reply v2 = api.put("/admin/action-plans/" + ApiFixture.PLAN, api.adminKey, edited, ifMatch("\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.etag()).isEqualTo("\"2\"");
        assertThat(v2.json().path("version").asInt()).isEqualTo(2);
        JsonNode versions = api.get("/admin/action-plans/" + ApiFixture.PLAN + "/versions", api.adminKey).json().path("items");
        assertThat(versions).extracting(v -> v.path("version").asInt()).containsExactly(1, 2);
        assertThat(api.get("/admin/action-plans/" + ApiFixture.PLAN + "/versions/1", api.adminKey).json().path("actions").get(0).path("name").asText())
                .isEqualTo("Send an email");
        String reader = api.key("CRM", Set.of(ApiScope.CASES_READ, ApiScope.CASES_WRITE), Set.of());
        JsonNode theCase = api.get("/api/cases/" + opened.id(), reader).json();
        assertThat(theCase.path("plan").path("version").asInt()).isEqualTo(1);
        assertThat(theCase.path("available").path("actions").get(0).path("name").asText()).isEqualTo("Send an email");
        assertThat(theCase.path("available").path("exitStates")).extracting(e -> e.path("id").asText())
                .containsExactly(SeedPlans.NOT_STARTED, SeedPlans.IN_PROGRESS, SeedPlans.CLOSED);
        Case newer = api.openCase(ApiFixture.NPS, 1);
        assertThat(newer.plan().planVersion()).isEqualTo(2);
    }

    @Test
    void deletePlan_usedByCampaigns_is409NamingThem_andNothingIsDeleted() {
        ApiFixture.Reply reply = api.delete("/admin/action-plans/" + ApiFixture.PLAN, api.adminKey, Map.of());

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("type").asText()).endsWith("/referenced");
        assertThat(reply.json().path("detail").asText()).contains("campaign nps-br (actionPlanId)").contains("campaign nps-fr (actionPlanId)");
        assertThat(api.get("/admin/action-plans/" + ApiFixture.PLAN, api.adminKey).status()).isEqualTo(200);
    }

    @Test
    void deleteResponder_referencedByRuleAndTeam_is409_unreferencedIs204() {
        ApiFixture.Reply used = api.delete("/admin/responders/ana", api.adminKey, Map.of());
        ApiFixture.Reply unused = api.delete("/admin/responders/vera", api.adminKey, ifMatch("\"1\""));

        assertThat(used.status()).isEqualTo(409);
        assertThat(used.json().path("detail").asText()).contains("team support (memberIds)").contains("rule detractors-nps-br (outcome.assignment.responderId)");
        assertThat(unused.status()).isEqualTo(204);
        assertThat(api.get("/admin/responders/vera", api.adminKey).status()).isEqualTo(404);
    }

    @Test
    void rootCauses_areTwoLevels() {
        ApiFixture.Reply causeUnderCause = api.put("/admin/root-causes/late-by-a-week", api.adminKey,
                "{\"name\": \"Late by a week\", \"parentId\": \"late-delivery\"}", Map.of());
        ApiFixture.Reply categoryBecomingCause = api.put("/admin/root-causes/delivery", api.adminKey,
                "{\"name\": \"Delivery\", \"parentId\": \"late-delivery\"}", ifMatch("\"1\""));
        ApiFixture.Reply category = api.put("/admin/root-causes/product", api.adminKey, "{\"name\": \"Product\"}", Map.of());
        ApiFixture.Reply deleteCategory = api.delete("/admin/root-causes/delivery", api.adminKey, Map.of());

        assertThat(causeUnderCause.status()).isEqualTo(422);
        assertThat(causeUnderCause.json().path("errors").get(0).path("message").asText()).contains("is a cause, not a category");
        assertThat(categoryBecomingCause.status()).isEqualTo(422);
        assertThat(category.status()).isEqualTo(201);
        assertThat(deleteCategory.status()).isEqualTo(409);
        assertThat(deleteCategory.json().path("detail").asText()).contains("root cause late-delivery (parentId)");
    }

    @Test
    void slaPoliciesAndCalendars_areValidatedByField() {
        ApiFixture.Reply policy = api.put("/admin/sla-policies/fast", api.adminKey, """
                {"name": "Fast", "targets": {"firstResponse": "PT0S", "resolution": "2 days"}, "reminderAt": 1.5,
                 "escalations": [{"target": "RESPONDER"}]}""", Map.of());
        ApiFixture.Reply calendar = api.put("/admin/calendars/sao-paulo", api.adminKey, """
                {"name": "São Paulo", "zone": "America/Sao_Paulo",
                 "week": {"MONDAY": [{"start": "09:00", "end": "13:00"}, {"start": "12:00", "end": "18:00"}]}}""", Map.of());
        ApiFixture.Reply goodCalendar = api.put("/admin/calendars/sao-paulo", api.adminKey, """
                {"name": "São Paulo", "zone": "America/Sao_Paulo", "holidays": ["2026-12-25"],
                 "week": {"MONDAY": [{"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}]}}""", Map.of());

        assertThat(policy.status()).isEqualTo(422);
        assertThat(fields(policy)).containsExactly("targets.resolution");
        assertThat(policy.json().path("errors").get(0).path("message").asText()).contains("ISO-8601 duration");
        assertThat(calendar.status()).isEqualTo(422);
        assertThat(fields(calendar)).containsExactly("week.MONDAY");
        assertThat(goodCalendar.status()).isEqualTo(201);
        ApiFixture.Reply policyFixedDuration = api.put("/admin/sla-policies/fast", api.adminKey, """
                {"name": "Fast", "targets": {"firstResponse": "PT0S", "resolution": "P2D"}, "reminderAt": 1.5,
                 "escalations": [{"target": "RESPONDER"}]}""", Map.of());
        assertThat(fields(policyFixedDuration)).containsExactlyInAnyOrder("targets.firstResponse", "reminderAt", "escalations[0].responderId");
    }

    @Test
    void apiKey_isShownOnce_storedHashed_andAuthenticatesUntilRevoked() {
        ApiFixture.Reply created = api.post("/admin/api-keys", api.adminKey,
                "{\"name\": \"Salesforce sync\", \"scopes\": [\"CASES_READ\"], \"campaignIds\": [\"nps-br\"]}", Map.of());
        String key = created.json().path("key").asText();
        String id = created.json().path("id").asText();

        assertThat(created.status()).isEqualTo(201);
        assertThat(key).startsWith("cl_" + id + "_");
        assertThat(api.get("/api/cases", key).status()).isEqualTo(200);
        ApiFixture.Reply listed = api.get("/admin/api-keys", api.adminKey);
        assertThat(listed.text()).doesNotContain(key.substring(key.lastIndexOf('_') + 1)).doesNotContain("secretHash").doesNotContain("\"key\"");
        assertThat(listed.json().path("items")).extracting(k -> k.path("name").asText()).contains("Salesforce sync", "Test admin");
        assertThat(api.stores.configCache().current().apiKeys().get(id).secretHash()).hasSize(64).doesNotContain(key);

        ApiFixture.Reply revoked = api.post("/admin/api-keys/" + id + "/revoke", api.adminKey, null, Map.of());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("revoked").asBoolean()).isTrue();
        assertThat(api.get("/api/cases", key).status()).isEqualTo(401);
    }

    @Test
    void apiKey_adminLimitedToCampaigns_isRefused_andAKeyCannotRevokeItself() {
        ApiFixture.Reply scopedAdmin = api.post("/admin/api-keys", api.adminKey,
                "{\"name\": \"Scoped admin\", \"scopes\": [\"ADMIN\"], \"campaignIds\": [\"nps-br\"]}", Map.of());
        ApiFixture.Reply unknownScope = api.post("/admin/api-keys", api.adminKey, "{\"name\": \"X\", \"scopes\": [\"OWNER\"]}", Map.of());
        ApiFixture.Reply self = api.post("/admin/api-keys/" + ApiFixture.keyId(api.adminKey) + "/revoke", api.adminKey, null, Map.of());

        assertThat(scopedAdmin.status()).isEqualTo(422);
        assertThat(fields(scopedAdmin)).containsExactly("scopes");
        assertThat(unknownScope.status()).isEqualTo(422);
        assertThat(fields(unknownScope)).containsExactly("scopes[0]");
        assertThat(self.status()).isEqualTo(409);
        assertThat(api.get("/admin/api-keys", api.adminKey).status()).isEqualTo(200);
    }

    @Test
    void linkKeys_rotateRetireAndDelete_neverShowSecretBytes() {
        ApiFixture.Reply first = api.post("/admin/link-keys/rotate", api.adminKey, null, Map.of());
        api.clock.advance(Duration.ofMinutes(1));
        ApiFixture.Reply second = api.post("/admin/link-keys/rotate", api.adminKey, null, Map.of());
        String firstId = first.json().path("id").asText();

        ApiFixture.Reply deleteActive = api.delete("/admin/link-keys/" + firstId, api.adminKey, Map.of());
        ApiFixture.Reply retired = api.post("/admin/link-keys/" + firstId + "/retire", api.adminKey, null, Map.of());
        JsonNode listed = api.get("/admin/link-keys", api.adminKey).json().path("items");
        ApiFixture.Reply deleted = api.delete("/admin/link-keys/" + firstId, api.adminKey, Map.of());

        assertThat(first.status()).isEqualTo(201);
        assertThat(deleteActive.status()).isEqualTo(409);
        assertThat(retired.json().path("retired").asBoolean()).isTrue();
        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).doesNotContain("secret");
        assertThat(listed).filteredOn(k -> k.path("signing").asBoolean()).extracting(k -> k.path("id").asText())
                .containsExactly(second.json().path("id").asText());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.put("/admin/link-keys/" + firstId, api.adminKey, "{}", Map.of()).status()).isEqualTo(405);
    }

    @Test
    void body_thatIsNotJson_is400_andIdInBodyMustMatchPath() {
        ApiFixture.Reply malformed = api.put("/admin/teams/night", api.adminKey, "{\"name\": ", Map.of());
        ApiFixture.Reply mismatched = api.put("/admin/teams/night", api.adminKey, "{\"id\": \"day\", \"name\": \"Night\"}", Map.of());
        ApiFixture.Reply badIfMatch = api.put("/admin/teams/night", api.adminKey, "{\"name\": \"Night\"}", ifMatch("*"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(mismatched.status()).isEqualTo(422);
        assertThat(fields(mismatched)).containsExactly("id");
        assertThat(badIfMatch.status()).isEqualTo(400);
    }
}
