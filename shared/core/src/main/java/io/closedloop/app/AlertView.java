package io.closedloop.app;

import io.closedloop.text.Messages;
import java.util.List;

/** What an alert email shows, already localized; customer text is escaped by the template. */
public record AlertView(
        Messages messages,
        String subject,
        String intro,
        String scoreText,
        String categoryLabel,
        String comment,
        String customer,
        List<String> details,
        String deadline,
        String link,
        String linkNote) {}
