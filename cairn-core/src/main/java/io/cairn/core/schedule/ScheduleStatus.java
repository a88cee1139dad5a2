package io.cairn.core.schedule;

import java.util.Locale;

/** How a scheduled run ended. */
public enum ScheduleStatus {
    SUCCEEDED,
    FAILED,
    /** Not started: another run of the same pipeline for the same tenant was still going. */
    OVERLAPPED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScheduleStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
