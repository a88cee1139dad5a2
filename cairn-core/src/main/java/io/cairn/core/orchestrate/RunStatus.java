package io.cairn.core.orchestrate;

import java.util.Locale;

/** How a pipeline run or one of its tasks stands; stored in lower case. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** A task that exceeded its step's timeout and was interrupted. */
    TIMED_OUT,
    /** A task not run because a step it depends on failed. */
    SKIPPED,
    /** Left {@code running} by a process that died; closed when the next run of the pipeline started. */
    ABANDONED,
    /** A run cancelled on request, or a task it stopped or never started because of that. */
    CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** True for a task outcome that counts as a failure of the run. */
    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT || this == ABANDONED;
    }
}
