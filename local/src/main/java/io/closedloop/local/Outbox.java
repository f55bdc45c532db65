package io.closedloop.local;

import io.closedloop.json.Json;
import io.closedloop.ports.Email;
import io.closedloop.ports.MailException;
import io.closedloop.ports.Mailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Captures email instead of sending it, kept on disk (one JSON line per message) so the outbox survives a restart.
 * A tester can make the next sends fail, as SES throttling would, to watch alerts stay pending and be retried.
 */
final class Outbox implements Mailer {

    /** @param replyTo and {@code headers} as SES would send them (Reply-To, List-Unsubscribe); absent in older outbox lines */
    record Message(String id, Instant at, String from, String to, String subject, String text, String html, String replyTo,
            java.util.Map<String, String> headers) {}

    private final Path file;
    private final InstantSource clock;
    private final List<Message> messages = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    Outbox(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        messages.add(Json.read(line, Message.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized String send(Email email) {
        if (failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new MailException("throttled", null);
        }
        Message message = new Message("local-" + (messages.size() + 1), clock.instant(), email.from(), email.to(), email.subject(),
                email.text(), email.html(), email.replyTo(), email.headers());
        messages.add(message);
        try {
            Files.writeString(file, Json.string(message) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return message.id();
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    synchronized Message message(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    void failNext(int count) {
        failNext.set(count);
    }
}
