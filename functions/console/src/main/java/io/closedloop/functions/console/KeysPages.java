package io.closedloop.functions.console;

import io.closedloop.config.ApiScope;
import io.closedloop.config.Campaign;
import io.closedloop.console.ConsoleKeys;
import io.closedloop.console.ConsoleKeys.ApiKeyRow;
import io.closedloop.console.ConsoleKeys.Changed;
import io.closedloop.console.ConsoleKeys.Created;
import io.closedloop.console.ConsoleKeys.LinkKeyRow;
import io.closedloop.functions.console.ConsoleView.ApiKeyLine;
import io.closedloop.functions.console.ConsoleView.KeysView;
import io.closedloop.functions.console.ConsoleView.LinkKeyLine;
import io.closedloop.functions.console.ConsoleView.Option;
import io.closedloop.http.HttpResponse;
import io.closedloop.log.Log;
import io.closedloop.templates.console.JtekeyShownGenerated;
import io.closedloop.templates.console.JtekeysGenerated;
import io.closedloop.webui.CaseViews;
import io.closedloop.webui.FormBody;
import io.closedloop.webui.Pages;
import io.closedloop.webui.WebMessages;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keys page, {@code /console/admin/keys}: API keys (a new one is shown once, on the page that answers its POST, and
 * only its hash is kept; each can be revoked) and the keys that sign case links and sessions (rotate in a new one;
 * retire one that no longer signs).
 */
final class KeysPages {

    static final String BASE = "/console/admin/keys";
    static final String SCOPE = "scope.";
    static final String CAMPAIGN = "campaign.";
    /** The notices a redirect back to the page may ask for. */
    private static final Set<String> DONE = Set.of("revoked", "rotated", "retired");
    private static final Pattern REVOKE = Pattern.compile(Pattern.quote(BASE) + "/api/([A-Za-z0-9._-]{1,64})/revoke");
    private static final Pattern RETIRE = Pattern.compile(Pattern.quote(BASE) + "/link/([A-Za-z0-9._-]{1,64})/retire");

    /** The new-key form as typed. */
    record NewKey(String name, Set<ApiScope> scopes, Set<String> campaignIds) {
        static final NewKey BLANK = new NewKey("", Set.of(ApiScope.CASES_READ), Set.of());
    }

    private final ConsoleKeys keys;
    private final Supplier<Instant> clock;

    KeysPages(ConsoleKeys keys, Supplier<Instant> clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Optional<HttpResponse> get(String path, Map<String, String> query, ConsoleVisit visit) {
        if (!path.equals(BASE)) {
            return Optional.empty();
        }
        String notice = Optional.ofNullable(query.get("done")).filter(DONE::contains).map(done -> visit.m().t("keys.done." + done)).orElse(null);
        return Optional.of(page(200, visit, NewKey.BLANK, Map.of(), notice));
    }

    Optional<HttpResponse> post(String path, FormBody form, ConsoleVisit visit) {
        WebMessages m = visit.m();
        long version = form.field("version").filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(0L);
        if (path.equals(BASE + "/api/new")) {
            NewKey typed = read(form);
            return Optional.of(switch (keys.createApiKey(visit.access(), typed.name(), typed.scopes(), typed.campaignIds())) {
                case Created.Done done -> {
                    Log.info("console api key created", Map.of("key", done.row().id(), "scopes", done.row().scopes().toString()));
                    yield ConsolePages.framed(200, visit.nav(), m.t("keys.shown.title", done.row().name()), output -> JtekeyShownGenerated
                            .render(Pages.html(output), null, new ConsoleView.KeyShown(m, done.row().name(), done.key())));
                }
                case Created.Refused refused -> page(422, visit, typed, FormErrors.of(refused.errors(), m, "keys.error."), null);
            });
        }
        if (path.equals(BASE + "/link/rotate")) {
            LinkKeyRow rotated = keys.rotateLinkKey(visit.access(), clock.get());
            Log.info("console link key rotated", Map.of("key", rotated.id()));
            return Optional.of(Pages.redirect(BASE + "?done=rotated"));
        }
        Matcher revoke = REVOKE.matcher(path);
        if (revoke.matches()) {
            return Optional.of(changed(keys.revokeApiKey(visit.access(), revoke.group(1), version), "revoked", visit));
        }
        Matcher retire = RETIRE.matcher(path);
        if (retire.matches()) {
            return Optional.of(changed(keys.retireLinkKey(visit.access(), retire.group(1), version), "retired", visit));
        }
        return Optional.empty();
    }

    private HttpResponse changed(Changed changed, String done, ConsoleVisit visit) {
        return switch (changed) {
            case DONE -> Pages.redirect(BASE + "?done=" + done);
            case CONFLICT -> page(409, visit, NewKey.BLANK, Map.of(), visit.m().t("keys.conflict"));
            case STILL_SIGNING -> page(409, visit, NewKey.BLANK, Map.of(), visit.m().t("keys.stillSigning"));
        };
    }

    private HttpResponse page(int status, ConsoleVisit visit, NewKey typed, Map<String, String> errors, String notice) {
        WebMessages m = visit.m();
        DateTimeFormatter dates = CaseViews.dates(m, CaseViews.zoneOf(visit.access().person(), visit.config()));
        List<ApiKeyLine> apiKeys = keys.apiKeys(visit.access()).stream().map(k -> apiKeyLine(k, visit, m)).toList();
        List<LinkKeyLine> linkKeys = keys.linkKeys(visit.access()).stream()
                .map(k -> new LinkKeyLine(k.id(), k.createdAt() == null ? "" : dates.format(k.createdAt()),
                        m.t(k.retired() ? "keys.link.retired" : k.signing() ? "keys.link.signing" : "keys.link.verifying"), k.signing(),
                        k.retired() || k.signing() ? null : BASE + "/link/" + k.id() + "/retire", k.version()))
                .toList();
        List<Option> scopes = Arrays.stream(ApiScope.values()).map(s -> new Option(SCOPE + s.name(), m.t("keys.scope." + s.name()),
                typed.scopes().contains(s))).toList();
        List<Option> campaigns = visit.config().campaigns().values().stream().sorted(Comparator.comparing(Campaign::name))
                .map(c -> new Option(CAMPAIGN + c.id(), c.name(), typed.campaignIds().contains(c.id()))).toList();
        KeysView view = new KeysView(m, apiKeys, linkKeys, typed.name(), scopes, campaigns, errors, notice, status == 409, visit.csrf());
        return ConsolePages.framed(status, visit.nav(), m.t("keys.title"), output -> JtekeysGenerated.render(Pages.html(output), null, view));
    }

    private static ApiKeyLine apiKeyLine(ApiKeyRow k, ConsoleVisit visit, WebMessages m) {
        String scopes = k.scopes().stream().map(s -> m.t("keys.scope." + s.name())).collect(Collectors.joining(", "));
        String campaigns = k.campaignIds().isEmpty() ? m.t("keys.allCampaigns")
                : k.campaignIds().stream().map(id -> Optional.ofNullable(visit.config().campaigns().get(id)).map(Campaign::name).orElse(id))
                        .collect(Collectors.joining(", "));
        return new ApiKeyLine(k.id(), k.name(), scopes, campaigns, k.revoked(), k.revoked() ? null : BASE + "/api/" + k.id() + "/revoke",
                k.version());
    }

    private static NewKey read(FormBody form) {
        Set<ApiScope> scopes = new TreeSet<>();
        Set<String> campaigns = new TreeSet<>();
        for (String field : form.fields().keySet()) {
            if (field.startsWith(SCOPE)) {
                Arrays.stream(ApiScope.values()).filter(s -> s.name().equals(field.substring(SCOPE.length()))).forEach(scopes::add);
            } else if (field.startsWith(CAMPAIGN)) {
                campaigns.add(field.substring(CAMPAIGN.length()));
            }
        }
        return new NewKey(FormText.text(FormText.strip(form.text("name"))), scopes, campaigns);
    }
}
