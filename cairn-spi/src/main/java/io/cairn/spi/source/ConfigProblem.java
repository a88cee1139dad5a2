package io.cairn.spi.source;

import static java.util.Objects.requireNonNull;

/** What is wrong with one configuration key (or with the connection as a whole when {@code field} is null). */
public record ConfigProblem(String field, String message) {
    public ConfigProblem {
        requireNonNull(message, "message is null");
    }
}
