package io.cairn.models;

import java.util.Locale;

/** The outcome of one data-quality check for one tenant, as written to {@code ops.dq_results.status}. */
public enum DqStatus {
    PASS,
    WARN,
    FAIL;

    /** {@code pass}, {@code warn} or {@code fail}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DqStatus of(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }

    /** The status of a breached check of this severity ({@code warn} warns, anything else fails). */
    public static DqStatus breach(String severity) {
        return "warn".equals(severity) ? WARN : FAIL;
    }
}
