package io.cairn.core.orchestrate;

import io.cairn.spi.TenantId;

import java.util.List;

/** The tenants a pipeline runs over and their enabled sources. */
public interface Fleet {
    /** Every tenant, in a stable order. */
    List<TenantId> tenants();

    /** The enabled sources of {@code tenant} this build can sync. */
    List<String> sources(TenantId tenant);
}
