package io.cairn.core.tenancy;

import java.util.Optional;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;

/** The tenant scope of a warehouse, for callers that do their work without one on engines that have none. */
public final class TenantScopes {
    private TenantScopes() {}

    /** The warehouse's tenant scope; empty when the engine has none (it says so with {@code UNSUPPORTED}). */
    public static Optional<TenantScope> of(Warehouse warehouse) {
        try {
            return Optional.of(warehouse.tenantScope());
        }
        catch (CairnException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
