package io.cairn.core.alert;

import io.cairn.spi.TenantId;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One message to a channel: a problem opening ({@link AlertAction#TRIGGER}) or ending ({@link AlertAction#RESOLVE}).
 *
 * @param key the deduplication key: every message about one problem carries the same key
 * @param tenant the tenant the problem is about, null for a platform alert
 * @param details one line per failed task (empty for a resolve)
 */
public record Alert(String key, AlertAction action, Severity severity, String summary, TenantId tenant,
        String pipeline, String runId, Instant at, List<String> details) {
    public Alert {
        requireNonNull(key, "key is null");
        requireNonNull(action, "action is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(at, "at is null");
        details = List.copyOf(details);
    }

    public boolean resolved() {
        return action == AlertAction.RESOLVE;
    }

    /** The summary prefixed with what happened, for plain-text channels. */
    public String title() {
        return (resolved() ? "RESOLVED: " : "FAILING: ") + summary;
    }
}
