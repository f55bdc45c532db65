package io.closedloop.testing;

import io.closedloop.app.LinkKeys;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.ApiKey;
import io.closedloop.config.ApiScope;
import io.closedloop.config.BusinessCalendar;
import io.closedloop.config.Campaign;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.EscalationStep;
import io.closedloop.config.EscalationTarget;
import io.closedloop.config.FieldMapping;
import io.closedloop.config.Goal;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.config.Role;
import io.closedloop.config.RootCause;
import io.closedloop.config.Secret;
import io.closedloop.config.SlaPolicy;
import io.closedloop.config.SlaTargets;
import io.closedloop.config.Source;
import io.closedloop.config.Team;
import io.closedloop.config.TimeBasis;
import io.closedloop.config.WebhookFormat;
import io.closedloop.config.WorkingHours;
import io.closedloop.domain.ScoreType;
import io.closedloop.json.Json;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.rules.Assignment;
import io.closedloop.rules.AttributeOp;
import io.closedloop.rules.Condition;
import io.closedloop.rules.PriorityOverride;
import io.closedloop.rules.Rule;
import io.closedloop.rules.RuleOutcome;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo configuration the local stack starts with, and that tests build on: the seed-000 action plan "Resolution for detractors", a
 * detractor rule with a 48 h first-response target, a generic webhook source, a team with a lead and a manager
 * (the escalation chain), a two-level root-cause taxonomy, and an admin API key. Local only: the secrets below are
 * published in the README on purpose and never used anywhere else.
 */
public final class DemoConfiguration {

    public static final String SOURCE_ID = "demo";
    public static final String CAMPAIGN_ID = "demo-nps";
    /** whsec_ + base64 of 32 fixed bytes; local only. */
    public static final String SOURCE_SECRET = "whsec_Y2xvc2VkbG9vcC1sb2NhbC1kZW1vLXNlY3JldC0zMmI=";
    /** The demo admin who signs in to the console (the link lands in the local outbox). */
    public static final String ADMIN_EMAIL = "admin@closedloop.local";
    public static final String ADMIN_KEY = "cl_localadmin_cmVhZC10aGUtcmVhZG1lLWxvY2FsLW9ubHkta2V5";

    private DemoConfiguration() {}

    /** @return true when the configuration was empty and the demo was written */
    public static boolean seedIfEmpty(ConfigStore store, ConfigCache cache, Instant now) {
        if (!store.loadAll().isEmpty()) {
            return false;
        }
        new LinkKeys(cache, store).create(now);

        BusinessCalendar paris = new BusinessCalendar("paris-office", "Paris office", ZoneId.of("Europe/Paris"), weekdays(9, 17),
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
        put(store, paris);
        put(store, new Team("support", "Customer support", List.of("ana", "louis"), "carla", "marc", null));
        put(store, new Responder("ana", "Ana Souza", "ana@closedloop.local", "en", "support", true, null));
        put(store, new Responder("louis", "Louis Martin", "louis@closedloop.local", "fr", "support", true, "paris-office"));
        put(store, new Responder("carla", "Carla Lead", "carla@closedloop.local", "en", "support", true, null));
        put(store, new Responder("marc", "Marc Manager", "marc@closedloop.local", "fr", "support", true, null, Role.MANAGER, "Europe/Paris"));
        put(store, new Responder("vera", "Vera Viewer", "vera@closedloop.local", "en", "support", false, null, Role.VIEWER, null));
        put(store, new Responder("admin", "Alex Admin", ADMIN_EMAIL, "en", null, true, null, Role.ADMIN, "Europe/Lisbon"));

        put(store, SeedPlans.resolutionForDetractors());
        put(store, new SlaPolicy("detractor-48h", "Detractors: first response within 48 h", TimeBasis.CALENDAR, null,
                new SlaTargets(Duration.ofHours(48), Duration.ofDays(5)), Map.of(Priority.URGENT, new SlaTargets(Duration.ofHours(8), Duration.ofHours(48))),
                0.75,
                List.of(new EscalationStep(EscalationTarget.TEAM_LEAD, null, Duration.ZERO),
                        new EscalationStep(EscalationTarget.MANAGER, null, Duration.ofHours(24))),
                false));
        put(store, new Campaign(CAMPAIGN_ID, "Demo NPS survey", SeedPlans.resolutionForDetractors().id(), "detractor-48h",
                new Goal(0.85, Duration.ofHours(24))));
        put(store, new Source(SOURCE_ID, CAMPAIGN_ID, WebhookFormat.GENERIC, List.of(new Secret("demo-1", SOURCE_SECRET, now)),
                null, ScoreType.NPS, null, FieldMapping.NONE, true));
        put(store, new Rule("detractors", 1, CAMPAIGN_ID, "Detractors (NPS 0–6) open a case", 100, true,
                new Condition.ScoreBetween(ScoreType.NPS, 0, 6),
                new RuleOutcome(true, Priority.NORMAL,
                        List.of(new PriorityOverride(new Condition.Attribute("accountValue", AttributeOp.GT, List.of("100000")), Priority.URGENT)),
                        new Assignment.Lookup("country", Map.of("FR", "louis")), "ana", "detractor-48h", true, List.of(), "detractor-recovery")));
        put(store, new Rule("promoters", 1, CAMPAIGN_ID, "Promoters (NPS 9–10): invite to review", 10, true,
                new Condition.ScoreBetween(ScoreType.NPS, 9, 10),
                new RuleOutcome(false, Priority.LOW, List.of(), null, null, null, false, List.of(), "promoter-review")));

        put(store, new RootCause("delivery", "Delivery", null));
        put(store, new RootCause("delivery-late", "Late delivery", "delivery"));
        put(store, new RootCause("delivery-damaged", "Damaged parcel", "delivery"));
        put(store, new RootCause("service", "Customer service", null));
        put(store, new RootCause("service-unreachable", "Could not reach us", "service"));
        put(store, new RootCause("service-attitude", "Staff attitude", "service"));
        put(store, new RootCause("product", "Product", null));
        put(store, new RootCause("product-quality", "Quality", "product"));
        put(store, new RootCause("product-price", "Price", "product"));

        String keyId = ADMIN_KEY.split("_")[1];
        put(store, new ApiKey(keyId, "Local admin (demo)", io.closedloop.app.ApiKeys.hash(ADMIN_KEY), Set.of(ApiScope.values()), Set.of(), false));
        cache.invalidate();
        return true;
    }

    private static Map<DayOfWeek, List<WorkingHours>> weekdays(int from, int to) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new WorkingHours(LocalTime.of(from, 0), LocalTime.of(to, 0))));
        }
        return week;
    }

    private static void put(ConfigStore store, Object value) {
        store.put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
    }
}
