package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.webui.FormBody.MalformedFormException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    private static FormBody parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void parse_browserEncodedForm_decodesPlusPercentAndUtf8() {
        FormBody form = parse("version=3&text=Appel%C3%A9+le+client%2C+%C3%A0+10h&closePlan=yes");

        assertThat(form.fields()).containsExactly(
                org.assertj.core.api.Assertions.entry("version", "3"),
                org.assertj.core.api.Assertions.entry("text", "Appelé le client, à 10h"),
                org.assertj.core.api.Assertions.entry("closePlan", "yes"));
    }

    @Test
    void text_blankValue_isAbsentAndLineBreaksAreNormalized() {
        FormBody form = parse("exitStateId=&comment=+++&text=one%0D%0Atwo%0Dthree");

        assertThat(form.text("exitStateId")).isNull();
        assertThat(form.text("comment")).isNull();
        assertThat(form.text("missing")).isNull();
        assertThat(form.text("text")).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void parse_emptyBodyAndStrayAmpersands_giveNoFields() {
        assertThat(parse("").fields()).isEmpty();
        assertThat(parse("&&a=1&").fields()).containsOnlyKeys("a");
    }

    @Test
    void parse_fieldSentTwice_isMalformed() {
        assertThatThrownBy(() -> parse("version=1&version=2")).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void parse_badPercentEscapes_areMalformed() {
        assertThatThrownBy(() -> parse("text=100%")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> parse("text=%G1")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> parse("text=%C3")).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void parse_rawNonAsciiByte_isMalformed() {
        assertThatThrownBy(() -> FormBody.parse(new byte[] {'t', '=', (byte) 0xE9})).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void parse_emptyName_isMalformed() {
        assertThatThrownBy(() -> parse("=value")).isInstanceOf(MalformedFormException.class);
    }

    @Test
    void parse_overTheLimit_isMalformed() {
        assertThatThrownBy(() -> FormBody.parse(new byte[FormBody.MAX_BYTES + 1])).isInstanceOf(MalformedFormException.class);
    }
}
