package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A source of a tenant whose sync failed in this run: steps after it see that tenant's rows of that source only as
 * landed up to {@code visibleUntil} (the end of its last successful sync), and models downstream of it are recorded
 * as skipped for the tenant.
 *
 * @param reason why, for the task history
 */
public record SourceFence(TenantId tenant, String source, Instant visibleUntil, String reason) {
    public SourceFence {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(visibleUntil, "visibleUntil is null");
        requireNonNull(reason, "reason is null");
    }
}
