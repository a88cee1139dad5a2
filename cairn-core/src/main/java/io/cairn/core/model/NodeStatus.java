package io.cairn.core.model;

import java.util.Locale;

/** A node's outcome, spelled as in dbt's run_results.json. */
public enum NodeStatus {
    SUCCESS, ERROR, SKIPPED, PASS, FAIL, WARN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this outcome makes the command fail (exit code 1). */
    public boolean isFailure() {
        return this == ERROR || this == FAIL;
    }
}
