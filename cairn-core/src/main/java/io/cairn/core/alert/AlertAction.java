package io.cairn.core.alert;

import java.util.Locale;

/** Whether an alert opens a problem or says it is over. */
public enum AlertAction {
    TRIGGER,
    RESOLVE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
