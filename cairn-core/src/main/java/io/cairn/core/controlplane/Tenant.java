package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;

import java.time.Instant;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * A tenant registered in the control plane.
 *
 * @param currency the ISO 4217 reporting currency
 * @param createdAt when the tenant was first registered; null on a new tenant means "now", and
 *         {@link TenantStore#upsert} keeps the stored value of an existing one
 */
public record Tenant(TenantId id, String name, Tenancy tenancy, ZoneId timezone, String currency, Instant createdAt) {
    public Tenant {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(tenancy, "tenancy is null");
        requireNonNull(timezone, "timezone is null");
        requireNonNull(currency, "currency is null");
    }
}
