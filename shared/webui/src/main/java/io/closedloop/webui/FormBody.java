package io.closedloop.webui;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body, decoded strictly: a bad percent escape, bytes that are not
 * UTF-8 or a field sent twice make the whole form malformed instead of being guessed at.
 */
public record FormBody(Map<String, String> fields) {

    /** Largest body accepted, in bytes: the longest texts (4000 characters) fit with room for escaping. */
    public static final int MAX_BYTES = 16 * 1024;

    public FormBody {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The form does not follow the encoding; the message says how, for the 400 page's log, never the content. */
    public static final class MalformedFormException extends RuntimeException {
        public MalformedFormException(String message) {
            super(message, null, false, false);
        }
    }

    public static FormBody parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new MalformedFormException("body too large");
        }
        String text = new String(body, StandardCharsets.US_ASCII);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.isEmpty()) {
                throw new MalformedFormException("empty field name");
            }
            if (fields.putIfAbsent(name, value) != null) {
                throw new MalformedFormException("field sent twice");
            }
        }
        return new FormBody(fields);
    }

    /** The value, or empty when the field is absent. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The value, or null when the field is absent or blank (the commands treat blank as absent). */
    public String text(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new MalformedFormException("truncated percent escape");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedFormException("bad percent escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7f) {
                throw new MalformedFormException("unencoded non-ASCII byte");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("not UTF-8");
        }
    }
}
