package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;

import io.closedloop.cases.CaseError;
import io.closedloop.config.Responder;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebMessagesTest {

    private static Responder speaking(String locale) {
        return new Responder("r", "R", "r@example.com", locale, null, true, null);
    }

    @Test
    void bundle_everyLanguageHasEveryKey_withTheSamePlaceholders() {
        assertThat(WebMessages.BUNDLE.problems()).isEmpty();
        assertThat(WebMessages.BUNDLE.table("fr")).hasSameSizeAs(WebMessages.BUNDLE.table("en")).hasSizeGreaterThan(200);
    }

    @Test
    void of_readsTheUtf8Files() {
        assertThat(WebMessages.of("fr").t("form.reassignTo")).isEqualTo("Attribuer à");
        assertThat(WebMessages.of("fr").t("notice.refused", "x")).isEqualTo("Non enregistré : x");
    }

    @Test
    void family_addsABundleOnTop_andFallsBackToEnglish() {
        WebMessages.Family family = WebMessages.family(MessageBundle.load("io/closedloop/webui/extra"));

        assertThat(family.of("fr").t("extra.greeting", "Ana")).isEqualTo("Bonjour Ana");
        assertThat(family.of("fr").t("extra.onlyEnglish")).isEqualTo("Only in English");
        assertThat(family.of("fr").t("form.reassignTo")).isEqualTo("Attribuer à");
        assertThat(family.of("fr").t("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void error_everyCaseErrorCode_isTranslated() throws IllegalAccessException {
        WebMessages french = WebMessages.of("fr");
        for (var field : Arrays.stream(CaseError.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers())).toList()) {
            String code = (String) field.get(null);
            assertThat(french.has("error." + code)).as("translation of %s", code).isTrue();
        }
    }

    @Test
    void error_unknownCode_fallsBackToTheDomainMessage() {
        assertThat(WebMessages.of("en").error(new CaseError("brand-new", null, "Something new."))).isEqualTo("Something new.");
    }

    @Test
    void choose_responderLanguageFirst_thenBrowser_thenEnglish() {
        assertThat(WebMessages.choose(speaking("fr-CA"), "en-US").language()).isEqualTo("fr");
        assertThat(WebMessages.choose(speaking("en"), "fr").language()).isEqualTo("en");
        assertThat(WebMessages.choose(speaking("pt-BR"), "pt-BR,fr;q=0.7,en;q=0.3").language()).isEqualTo("fr");
        assertThat(WebMessages.choose(speaking(null), "de-DE, de;q=0.9").language()).isEqualTo("en");
        assertThat(WebMessages.choose(null, "fr_FR;;q=x").language()).isEqualTo("en");
        assertThat(WebMessages.choose(null, null).language()).isEqualTo("en");
    }

    @Test
    void duration_readsAsPeopleSayIt() {
        WebMessages en = WebMessages.of("en");
        WebMessages fr = WebMessages.of("fr");

        assertThat(en.duration(Duration.ofMinutes(42))).isEqualTo("42 min");
        assertThat(en.duration(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(en.duration(Duration.ofHours(46).plusMinutes(59))).isEqualTo("46 h");
        assertThat(en.duration(Duration.ofHours(100))).isEqualTo("4 d 4 h");
        assertThat(fr.duration(Duration.ofHours(100))).isEqualTo("4 j 4 h");
        assertThat(en.duration(Duration.ofMinutes(-5))).isEqualTo("0 min");
    }

    @Test
    void sentence_capitalizesTheFirstLetterOnly() {
        WebMessages fr = WebMessages.of("fr");

        assertThat(fr.sentence("écrivez la note.")).isEqualTo("Écrivez la note.");
        assertThat(fr.sentence("")).isEmpty();
    }
}
