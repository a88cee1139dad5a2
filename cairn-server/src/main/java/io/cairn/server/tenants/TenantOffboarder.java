package io.cairn.server.tenants;

import io.cairn.spi.TenantId;

import java.util.List;

/**
 * Removes a tenant and its data from the platform. The server asks first what would go ({@link #preview}) and shows
 * it with a confirmation token; only a second request with that token calls {@link #offboard}.
 */
public interface TenantOffboarder {
    /** What offboarding {@code tenant} would delete, one line per kind of thing, without changing anything. */
    List<String> preview(TenantId tenant);

    /** Deletes the tenant and its data; returns what was deleted, one line per kind of thing. */
    List<String> offboard(TenantId tenant);
}
