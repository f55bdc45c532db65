package io.closedloop.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The local stack's clock: real time plus an offset a tester can move forward to see reminders and breaches
 * without waiting. The offset is kept on disk with the data, so a restart does not turn time back.
 */
final class LocalClock implements InstantSource {

    private final Path file;
    private volatile Duration offset;

    LocalClock(Path file) {
        this.file = file;
        Duration stored = Duration.ZERO;
        try {
            if (Files.exists(file)) {
                stored = Duration.parse(Files.readString(file).trim());
            }
        } catch (IOException | RuntimeException e) {
            stored = Duration.ZERO;
        }
        this.offset = stored;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    synchronized Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(by);
        try {
            Files.writeString(file, offset.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instant();
    }

    Duration offset() {
        return offset;
    }
}
