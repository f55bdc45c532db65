package io.closedloop.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CompactTest {

    private static final byte[] DOCUMENT = ("{\"id\":\"r-1\",\"campaignId\":\"nps\",\"comment\":\"Délai trop long 😞 <script>\","
            + "\"attributes\":{\"country\":\"BR\"}}").getBytes(StandardCharsets.UTF_8);

    @Test
    void encode_thenDecode_givesTheDocumentBack_repeatedly() {
        for (int i = 0; i < 3; i++) {
            assertThat(Compact.decode(Compact.encode(DOCUMENT))).isEqualTo(DOCUMENT);
        }
    }

    @Test
    void encode_typicalDocument_isSmallerThanTheJson() {
        byte[] json = ("{\"id\":\"r\",\"comment\":\"" + "The delivery was late and nobody answered. ".repeat(20) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(Compact.encode(json).length).isLessThan(json.length / 4);
    }

    @Test
    void decode_plainJson_isReadAsIs() {
        assertThat(Compact.decode(DOCUMENT)).isEqualTo(DOCUMENT);
    }

    @Test
    void decode_truncatedOrUnknown_isRefused() {
        byte[] encoded = Compact.encode(DOCUMENT);

        assertThatThrownBy(() -> Compact.decode(Arrays.copyOf(encoded, encoded.length / 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Compact.decode(new byte[] {7, 1, 2})).isInstanceOf(IllegalArgumentException.class);
    }
}
