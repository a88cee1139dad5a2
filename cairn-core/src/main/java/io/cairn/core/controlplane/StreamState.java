package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The saved cursor of one stream of a tenant's source; it advances only once the data it covers is durable.
 *
 * @param cursor the connector's own cursor text (often an ISO-8601 time), null for "from the start"
 * @param updatedAt when the cursor was saved; null in {@link StateStore#put} means "now"
 */
public record StreamState(TenantId tenant, String source, String stream, String cursor, Instant updatedAt) {
    public StreamState {
        requireNonNull(tenant, "tenant is null");
        requireNonNull(source, "source is null");
        requireNonNull(stream, "stream is null");
    }
}
