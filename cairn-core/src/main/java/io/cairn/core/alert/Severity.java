package io.cairn.core.alert;

import java.util.Locale;

/** How bad an alert is; the keys are PagerDuty's severities. */
public enum Severity {
    CRITICAL,
    ERROR,
    WARNING,
    INFO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
