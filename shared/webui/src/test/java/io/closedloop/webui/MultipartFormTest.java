package io.closedloop.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.closedloop.webui.FormBody.MalformedFormException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryq2Zx8bRkT0pM5sYd";

    private static byte[] body(String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("------WebKitFormBoundaryq2Zx8bRkT0pM5sYd\r\n").append(part).append("\r\n");
        }
        return body.append("------WebKitFormBoundaryq2Zx8bRkT0pM5sYd--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_browserBody_givesEachFieldAndTheFilesText() {
        FormBody form = MultipartForm.parse(TYPE, body(
                "Content-Disposition: form-data; name=\"csrf\"\r\n\r\nt0ken",
                "Content-Disposition: form-data; name=\"name\"\r\n\r\nSupport Paris – été",
                "Content-Disposition: form-data; name=\"ics\"; filename=\"fr.ics\"\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR",
                "Content-Disposition: form-data; name=\"empty\"\r\n\r\n"));

        assertThat(form.fields()).containsEntry("csrf", "t0ken").containsEntry("name", "Support Paris – été")
                .containsEntry("ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR").containsEntry("empty", "");
    }

    @Test
    void parse_refusesWhatDoesNotFollowTheFormat() {
        byte[] twice = body("Content-Disposition: form-data; name=\"a\"\r\n\r\n1", "Content-Disposition: form-data; name=\"a\"\r\n\r\n2");
        byte[] unnamed = body("Content-Disposition: form-data\r\n\r\n1");
        byte[] unclosed = "------WebKitFormBoundaryq2Zx8bRkT0pM5sYd\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"
                .getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = body("Content-Disposition: form-data; name=\"a\"\r\n\r\n?");
        notUtf8[new String(notUtf8, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n?") + 4] = (byte) 0xE9; // "é" in Latin-1

        assertThatThrownBy(() -> MultipartForm.parse(TYPE, twice)).isInstanceOf(MalformedFormException.class).hasMessage("field sent twice");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, unnamed)).hasMessage("part without a name");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, unclosed)).hasMessage("part without a closing boundary");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, notUtf8)).hasMessage("not UTF-8");
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", body())).hasMessage("no boundary");
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, new byte[MultipartForm.MAX_BYTES + 1])).hasMessage("body too large");
    }
}
