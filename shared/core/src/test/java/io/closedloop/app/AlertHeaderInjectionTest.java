package io.closedloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.cases.ActivityType;
import io.closedloop.cases.Alert;
import io.closedloop.cases.AlertKind;
import io.closedloop.cases.AlertState;
import io.closedloop.cases.Case;
import io.closedloop.cases.PlanProgress;
import io.closedloop.cases.SeedPlans;
import io.closedloop.config.Campaign;
import io.closedloop.config.ConfigEntry;
import io.closedloop.config.ConfigKind;
import io.closedloop.config.Configuration;
import io.closedloop.config.ConfigurationAssembler;
import io.closedloop.config.LinkKey;
import io.closedloop.config.Priority;
import io.closedloop.config.Responder;
import io.closedloop.domain.Respondent;
import io.closedloop.domain.Response;
import io.closedloop.domain.Score;
import io.closedloop.domain.ScoreType;
import io.closedloop.json.Json;
import io.closedloop.ports.CasePage;
import io.closedloop.ports.CaseQuery;
import io.closedloop.ports.CaseStore;
import io.closedloop.ports.CaseSummary;
import io.closedloop.ports.ConfigCache;
import io.closedloop.ports.ConfigStore;
import io.closedloop.ports.Email;
import io.closedloop.ports.Mailer;
import io.closedloop.sla.SlaEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Header injection through an alert email is impossible: customer text (respondent name, email, comment, attributes)
 * and configuration names carrying CR, LF, NEL, U+2028/2029, NUL or other control characters reach the subject only as
 * one clean line, never the recipient or the sender; a recipient address that is not one line is refused before
 * sending, and the mailer (SES) is never called with such a header.
 */
class AlertHeaderInjectionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String SENDER = "Closedloop <alerts@cx.example.com>";
    private static final Responder ANA = new Responder("ana", "Ana Souza", "ana@example.com", "en", null, true, null);

    /** Texts that would add a header, split one, or hide a line break, if they reached a header as they are. */
    static List<String> hostileTexts() {
        return List.of(
                "Ana\r\nBcc: everyone@evil.example",
                "Ana\nBcc: everyone@evil.example",
                "Ana\rBcc: everyone@evil.example",
                "Ana\r\n\r\n<html>a new body</html>",
                "Ana\u2028Bcc: everyone@evil.example",
                "Ana\u2029Bcc: everyone@evil.example",
                "Ana\u0085Bcc: everyone@evil.example",
                "Ana\u0000Bcc: everyone@evil.example",
                "Ana\u000BBcc\u000C: everyone@evil.example\t",
                "=?utf-8?Q?Ana=0D=0ABcc:_everyone@evil.example?=",
                "Ana%0D%0ABcc: everyone@evil.example",
                "\r\n".repeat(200) + "Bcc: everyone@evil.example",
                "Ana " + "x".repeat(5_000) + "\nBcc: everyone@evil.example");
    }

    /** The hostile texts that break a line by RFC 5322 or by Unicode: CR, LF, NUL, U+2028, U+2029. */
    static List<String> lineBreakingTexts() {
        return hostileTexts().stream()
                .filter(t -> t.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || c == '\u2028' || c == '\u2029'))
                .toList();
    }

    private static Case caseOf(String name, String email, String comment, Map<String, String> attributes) {
        Response response = new Response("src-web", "resp-1", "nps-br", NOW.minusSeconds(60),
                new Respondent("cust-1", email, name, "+55 11 91234-5678\r\nX-Injected: yes", "pt-BR"),
                new Score(ScoreType.NPS, 2), comment, Map.of(), attributes, 1);
        return new Case.Builder(response.id().caseId())
                .version(0)
                .campaignId("nps-br")
                .response(response)
                .priority(Priority.HIGH)
                .assigneeId(ANA.id())
                .plan(PlanProgress.start(SeedPlans.RESOLUTION_FOR_DETRACTORS, 1))
                .sla(SlaEngine.start(SlaEngine.DEFAULT_POLICY, Priority.HIGH, null, NOW.minusSeconds(60), NOW))
                .openedAt(NOW)
                .append(NOW, "system", ActivityType.CASE_OPENED, Map.of("ruleId", "detractors"))
                .alert(Alert.pending(AlertKind.NEW_CASE, "detractors", ANA.id(), NOW))
                .build();
    }

    private static Case caseOf(String hostile) {
        return caseOf(hostile, "joao@example.com", hostile, Map.of("country", hostile, "store", hostile, "segment", hostile));
    }

    private static Configuration configuration(Responder recipient, String campaignName) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (Object value : List.of(SeedPlans.resolutionForDetractors(), recipient,
                new Campaign("nps-br", campaignName, SeedPlans.RESOLUTION_FOR_DETRACTORS, null, null))) {
            entries.add(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
        }
        return ConfigurationAssembler.assemble(entries);
    }

    private static final LinkKey KEY = new LinkKey("k1", new byte[32], NOW, false);

    private static Email compose(Case c, AlertKind kind, Responder recipient, Configuration config) {
        Alert alert = Alert.pending(kind, "detractors", recipient.id(), NOW);
        return new AlertComposer(SENDER, "https://cx.example.com").compose(c, alert, recipient, config, KEY, NOW);
    }

    private static void assertHeadersAreSingleLines(Email email, Responder recipient) {
        assertThat(email.from()).isEqualTo(SENDER);
        assertThat(email.to()).isEqualTo(recipient.email());
        assertThat(email.subject()).hasSizeLessThanOrEqualTo(200);
        assertThat(email.subject().chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void compose_hostileCustomerText_everyKindOfAlert_subjectIsOneCleanLine(String hostile) {
        Case c = caseOf(hostile);
        for (AlertKind kind : AlertKind.values()) {
            if (kind.toCustomer()) {
                Case holding = c;
                String reason = kind == AlertKind.CHECK_IN ? "close-1" : "response";
                if (kind == AlertKind.CUSTOMER_MESSAGE) {
                    var written = io.closedloop.customer.CustomerMessages.write(c, io.closedloop.cases.Actor.of(ANA),
                            new io.closedloop.cases.CaseCommand.EmailCustomer("About " + clipped(hostile), clipped(hostile) + " <script>x</script>"), NOW);
                    holding = ((io.closedloop.cases.CommandResult.Applied) written).updated();
                    reason = holding.activities().getLast().seq() > 0 ? "log-" + holding.activities().getLast().seq() : reason;
                }
                Email toCustomer = new AlertComposer(SENDER, "https://cx.example.com")
                        .composeForCustomer(holding, Alert.pending(kind, reason, "customer", NOW), configuration(ANA, hostile), KEY, NOW);
                assertThat(toCustomer.to()).isEqualTo(c.response().respondent().email());
                assertThat(toCustomer.subject().chars()).noneMatch(ch -> Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029');
                assertThat(toCustomer.headers()).containsKey("List-Unsubscribe");
                assertThat(toCustomer.html()).doesNotContain("<script");
                continue;
            }
            Email email = compose(c, kind, ANA, configuration(ANA, hostile));

            assertHeadersAreSingleLines(email, ANA);
        }
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void compose_hostileRespondentEmailWithoutName_subjectIsOneCleanLine(String hostile) {
        Email email = compose(caseOf(" ", hostile, "Late", Map.of()), AlertKind.NEW_CASE, ANA, configuration(ANA, "NPS"));

        assertHeadersAreSingleLines(email, ANA);
    }

    @Test
    void compose_nameWithLineBreak_keepsTheReadableTextInTheSubjectAndTheWholeTextInTheBody() {
        Email email = compose(caseOf("João\r\nPereira", "joao@example.com", "Line one\r\nLine two", Map.of()), AlertKind.NEW_CASE, ANA,
                configuration(ANA, "NPS"));

        assertThat(email.subject()).contains("João  Pereira");
        assertThat(email.text()).contains("Line one\r\nLine two");
    }

    @ParameterizedTest
    @MethodSource("lineBreakingTexts")
    void compose_recipientAddressThatIsNotOneLine_isRefusedBeforeSending(String hostile) {
        Responder broken = new Responder("ana", hostile, "ana@example.com" + hostile.substring(3), "en", null, true, null);

        assertThatThrownBy(() -> compose(caseOf("João"), AlertKind.NEW_CASE, broken, configuration(broken, "NPS")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void email_headerWithLineBreak_cannotBeBuilt() {
        for (String hostile : List.of("a\rb", "a\nb", "a\u0000b", "a\u2028b", "a\u2029b")) {
            assertThatThrownBy(() -> new Email(hostile, "to@example.com", "s", "t", "h", Map.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Email("from@example.com", hostile, "s", "t", "h", Map.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Email("from@example.com", "to@example.com", hostile, "t", "h", Map.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AlertKind.class)
    void dispatch_hostileCustomerText_theMailerOnlyEverSeesSingleLineHeaders(AlertKind kind) {
        RecordingMailer mailer = new RecordingMailer();
        MemoryConfigStore store = new MemoryConfigStore(configuration(ANA, "NPS\r\nBcc: x@evil.example"));
        for (String hostile : hostileTexts()) {
            dispatcher(mailer, store).sendBeforeCreate(caseOf(hostile), NOW);
        }

        assertThat(mailer.sent).hasSize(hostileTexts().size());
        mailer.sent.forEach(email -> assertHeadersAreSingleLines(email, ANA));
    }

    @Test
    void dispatch_recipientAddressWithLineBreak_mailerNeverCalled_alertEndsAsFailed() {
        RecordingMailer mailer = new RecordingMailer();
        Responder broken = new Responder("ana", "Ana", "ana@example.com\r\nBcc: everyone@evil.example", "en", null, true, null);

        Case after = dispatcher(mailer, new MemoryConfigStore(configuration(broken, "NPS"))).sendBeforeCreate(caseOf("João"), NOW);

        assertThat(mailer.sent).isEmpty();
        assertThat(after.alerts().values()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.SENT));
        assertThat(after.activities()).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(ActivityType.ALERT_FAILED);
            assertThat(a.details()).containsEntry("failure", "invalid-address").containsEntry("final", "true");
        });
    }

    private static AlertDispatcher dispatcher(Mailer mailer, MemoryConfigStore store) {
        ConfigCache cache = new ConfigCache(store, InstantSource.fixed(NOW), Duration.ZERO);
        return new AlertDispatcher(new UnusedCaseStore(), mailer, new AlertComposer(SENDER, "https://cx.example.com"), cache,
                new LinkKeys(cache, store), new NoSuppressions());
    }

    /** Short enough for a message's subject: the subject's own limit is CustomerMessages' to check, not this test's. */
    private static String clipped(String text) {
        return text.codePoints().limit(100).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static final class NoSuppressions implements io.closedloop.ports.Suppressions {
        @Override
        public java.util.Optional<Suppression> find(String addressHash) {
            return java.util.Optional.empty();
        }

        @Override
        public void suppress(String addressHash, Reason reason, Instant at) {
            throw new AssertionError("nothing is suppressed here");
        }
    }

    /** What the mailer was asked to send: the SES adapter would receive exactly these. */
    private static final class RecordingMailer implements Mailer {
        final List<Email> sent = new ArrayList<>();

        @Override
        public String send(Email email) {
            sent.add(email);
            return "message-" + sent.size();
        }
    }

    /** Sending before create never touches the case store. */
    private static final class UnusedCaseStore implements CaseStore {
        @Override
        public boolean create(Case newCase) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Case> find(String caseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Case updated) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> dueCaseIds(Instant until, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CasePage list(CaseQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseSummary> byCustomer(String customerKey, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long openCases(String planId, int upTo) {
            throw new UnsupportedOperationException();
        }
    }

    /** A configuration store in memory, holding the entries of a configuration and the link key LinkKeys creates. */
    private static final class MemoryConfigStore implements ConfigStore {
        private final Map<String, ConfigEntry> entries = new TreeMap<>();

        MemoryConfigStore(Configuration config) {
            List<Object> values = new ArrayList<>();
            values.addAll(config.responders().values());
            values.addAll(config.campaigns().values());
            values.addAll(config.actionPlans());
            for (Object value : values) {
                put(new ConfigEntry(ConfigurationAssembler.kindOf(value), ConfigurationAssembler.storageId(value), 1, Json.string(value)));
            }
        }

        @Override
        public List<ConfigEntry> loadAll() {
            return new ArrayList<>(entries.values());
        }

        @Override
        public Optional<ConfigEntry> find(ConfigKind kind, String id) {
            return Optional.ofNullable(entries.get(kind + "#" + id));
        }

        @Override
        public void put(ConfigEntry entry) {
            entries.put(entry.kind() + "#" + entry.id(), entry);
        }

        @Override
        public void delete(ConfigKind kind, String id) {
            entries.remove(kind + "#" + id);
        }
    }
}
