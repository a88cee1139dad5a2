package io.cairn.core.orchestrate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a pipeline step does. Types that are declared but not available yet fail pipeline validation. */
public enum ProcessorType {
    /** Syncs every enabled source of every tenant: one task per tenant and source. */
    SYNC(true),
    /** Builds the models (seeds, models, tests). */
    BUILD(true),
    /** Runs the model tests. */
    TEST(true),
    /** Runs the statement in {@code sql} on the warehouse. */
    SQL(true),
    /** Sends the text in {@code message}. */
    NOTIFY(true),
    FRESHNESS(false),
    EXPORT(false),
    WAIT_FOR_FILES(false);

    private final boolean available;

    ProcessorType(boolean available) {
        this.available = available;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean available() {
        return available;
    }

    public static Optional<ProcessorType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key().equals(key)).findFirst();
    }
}
