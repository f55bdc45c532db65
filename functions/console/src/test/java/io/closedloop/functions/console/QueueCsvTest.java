package io.closedloop.functions.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueCsvTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Ana Souza|Ana Souza",
            "=HYPERLINK(1)|\"'=HYPERLINK(1)\"",
            "+33 6 12|\"'+33 6 12\"",
            "-5|-5",
            "-x|\"'-x\"",
            "@SUM(A1)|\"'@SUM(A1)\"",
            "late, again|\"late, again\"",
            "say \"hi\"|\"say \"\"hi\"\"\""})
    void cell_quotesWhatCsvNeeds_andDefusesFormulas(String value, String expected) {
        assertThat(QueueCsv.cell(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void cell_withALineBreak_isQuoted() {
        assertThat(QueueCsv.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
    }
}
