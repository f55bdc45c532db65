package io.closedloop.webui;

import java.util.List;

/** A page that only tells something: a refused link, an expired session, a refused form. */
public record MessageView(WebMessages m, String title, List<String> paragraphs) {

    public MessageView {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The page for a message key: {@code <key>.title} and {@code <key>.body}, {@code <key>.next} when defined. */
    public static MessageView of(WebMessages m, String key) {
        return m.has(key + ".next")
                ? new MessageView(m, m.t(key + ".title"), List.of(m.t(key + ".body"), m.t(key + ".next")))
                : new MessageView(m, m.t(key + ".title"), List.of(m.t(key + ".body")));
    }
}
