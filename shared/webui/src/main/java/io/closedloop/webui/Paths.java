package io.closedloop.webui;

import java.nio.charset.StandardCharsets;

/** URL paths built from ids: every byte outside the unreserved set is percent-encoded, so an id stays one segment. */
public final class Paths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Paths() {}

    public static String segment(String id) {
        StringBuilder out = new StringBuilder(id.length() + 8);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }
}
