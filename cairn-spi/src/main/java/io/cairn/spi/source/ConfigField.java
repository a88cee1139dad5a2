package io.cairn.spi.source;

import static java.util.Objects.requireNonNull;

/**
 * One declared configuration key of a connector.
 *
 * @param type {@code string}, {@code url}, {@code integer}, {@code boolean} or {@code date}
 * @param defaultValue the value when absent, or null
 * @param secret true when the value is a credential: stored encrypted, never logged or returned
 */
public record ConfigField(String name, String type, boolean required, String defaultValue, boolean secret,
        String description) {
    public ConfigField {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
    }
}
