package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageBundleTest {

    @Test
    void problems_nameEachMissingKeyAndEachPlaceholderMismatch() {
        MessageBundle extra = MessageBundle.load("io/closedloop/webui/extra");

        assertThat(extra.problems()).containsExactlyInAnyOrder(
                "io/closedloop/webui/extra: fr lacks extra.onlyEnglish",
                "io/closedloop/webui/extra: en lacks extra.onlyFrench",
                "io/closedloop/webui/extra: fr extra.count has placeholders [0, 2], English has [0, 1]");
    }

    @Test
    void load_fileNotUtf8_fails() {
        assertThatThrownBy(() -> MessageBundle.load("io/closedloop/webui/latin1")).hasMessageContaining("latin1_fr.properties");
    }

    @Test
    void load_missingLanguage_fails() {
        assertThatThrownBy(() -> MessageBundle.load("io/closedloop/webui/nothing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing.properties");
    }

    @Test
    void placeholders_eachNumberOnce() {
        assertThat(MessageBundle.placeholders("{1} and {0}, then {1} again")).containsExactly(0, 1);
        assertThat(MessageBundle.placeholders("none")).isEmpty();
    }
}
