package io.cairn.core.config;

import io.cairn.core.controlplane.Tenancy;
import io.cairn.spi.TenantId;

import java.time.ZoneId;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One tenant as declared in {@code tenants.yml}.
 *
 * @param currency the ISO 4217 reporting currency, e.g. {@code USD}
 */
public record TenantSpec(
        TenantId id,
        String name,
        Tenancy tenancy,
        ZoneId timezone,
        String currency,
        List<SourceSpec> sources) {
    public TenantSpec {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(tenancy, "tenancy is null");
        requireNonNull(timezone, "timezone is null");
        requireNonNull(currency, "currency is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }
}
