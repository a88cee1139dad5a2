package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.util.List;
import java.util.Map;

/** The tenants a pipeline runs over and their enabled sources. */
public interface Fleet {
    /** Every tenant, in a stable order. */
    List<TenantId> tenants();

    /** The enabled sources of {@code tenant} this build can sync. */
    List<String> sources(TenantId tenant);

    /**
     * The profile fields of {@code tenant} (see {@link Variables#TENANT_FIELDS}) that steps may use as
     * {@code {tenant.<field>}}; none by default.
     */
    default Map<String, String> profile(TenantId tenant) {
        return Map.of();
    }
}
