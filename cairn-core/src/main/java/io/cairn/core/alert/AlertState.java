package io.cairn.core.alert;

import io.cairn.spi.TenantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What is known about one alert key, as kept in {@code alert_state}.
 *
 * @param tenant null for the platform alert of a pipeline
 * @param consecutiveFailures failed runs in a row so far
 * @param open whether a trigger was delivered and no resolve yet
 * @param openedAt when it was opened, null while not open
 */
public record AlertState(String key, String pipeline, TenantId tenant, int consecutiveFailures, boolean open,
        Instant openedAt, Instant updatedAt, String lastRunId) {
    public AlertState {
        requireNonNull(key, "key is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    static AlertState fresh(String key, String pipeline, TenantId tenant, Instant now) {
        return new AlertState(key, pipeline, tenant, 0, false, null, now, null);
    }

    AlertState failedIn(String runId, Instant now) {
        return new AlertState(key, pipeline, tenant, consecutiveFailures + 1, open, openedAt, now, runId);
    }

    AlertState succeededIn(String runId, Instant now) {
        return new AlertState(key, pipeline, tenant, 0, open, openedAt, now, runId);
    }

    AlertState opened(Instant now) {
        return new AlertState(key, pipeline, tenant, consecutiveFailures, true, now, now, lastRunId);
    }

    AlertState closed(Instant now) {
        return new AlertState(key, pipeline, tenant, consecutiveFailures, false, null, now, lastRunId);
    }

    /** Nothing worth keeping: no failures counted and nothing open. */
    boolean quiet() {
        return consecutiveFailures == 0 && !open;
    }
}
