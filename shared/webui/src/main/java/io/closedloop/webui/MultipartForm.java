package io.closedloop.webui;

import io.closedloop.webui.FormBody.MalformedFormException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578), for the one kind of form that uploads a file: every part is a text
 * field, a file's content included (the files uploaded are text, such as an iCalendar file), decoded strictly as UTF-8.
 * A part without a name, a field sent twice, or a body that does not follow the boundary is malformed, never guessed at.
 */
public final class MultipartForm {

    public static final String MEDIA_TYPE = "multipart/form-data";
    /** Largest body accepted, in bytes: a few years of a country's public holidays fit many times over. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"?)([0-9A-Za-z'()+_,./:=?-]{1,70})\\1(?:;|$)");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");

    private MultipartForm() {}

    /** @param contentType the request's whole Content-Type header, which carries the boundary */
    public static FormBody parse(String contentType, byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new MalformedFormException("body too large");
        }
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!boundary.find()) {
            throw new MalformedFormException("no boundary");
        }
        byte[] delimiter = ("--" + boundary.group(2)).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new MalformedFormException("no first boundary");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return new FormBody(fields);
            }
            if (!startsWith(body, position, "\r\n")) {
                throw new MalformedFormException("boundary not followed by a line end");
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), position + 2);
            if (headersEnd < 0) {
                throw new MalformedFormException("part without headers");
            }
            String headers = new String(body, position + 2, headersEnd - position - 2, StandardCharsets.UTF_8);
            int next = indexOf(body, concat("\r\n".getBytes(StandardCharsets.US_ASCII), delimiter), headersEnd + 4);
            if (next < 0) {
                throw new MalformedFormException("part without a closing boundary");
            }
            String name = partName(headers);
            String value = utf8(Arrays.copyOfRange(body, headersEnd + 4, next));
            if (fields.putIfAbsent(name, value) != null) {
                throw new MalformedFormException("field sent twice");
            }
            position = next + 2 + delimiter.length;
        }
    }

    private static String partName(String headers) {
        for (String header : headers.split("\r\n")) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher name = NAME.matcher(header);
                if (name.find() && !name.group(1).isEmpty()) {
                    return name.group(1);
                }
            }
        }
        throw new MalformedFormException("part without a name");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("not UTF-8");
        }
    }

    private static boolean startsWith(byte[] body, int position, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        return position + expected.length <= body.length && Arrays.equals(body, position, position + expected.length, expected, 0, expected.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
