package io.cairn.core.orchestrate;

import java.util.Locale;

/** Which tasks a step expands into. */
public enum StepScope {
    /** One task for the whole run. */
    GLOBAL,
    /** One task per tenant of the run. */
    TENANT,
    /** One task per enabled source of each tenant of the run (how {@code sync} always runs). */
    SOURCE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
