package io.cairn.connectors.http;

import java.time.Duration;

import io.cairn.spi.source.SourceException;

/** Waits; tests substitute a recorder to see how long the client chose to wait. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()), Math.max(0, duration.toNanosPart() % 1_000_000));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SourceException.transientFailure("Cannot wait %s before the next request: interrupted", duration);
        }
    };

    void sleep(Duration duration);
}
