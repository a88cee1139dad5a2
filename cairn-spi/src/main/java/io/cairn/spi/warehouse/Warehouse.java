package io.cairn.spi.warehouse;

import java.sql.Connection;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.RawLoader;

/** An open warehouse. Thread-safe; close it once at the end. */
public interface Warehouse extends AutoCloseable {
    /** The engine type, matching {@link WarehouseFactory#type()}. */
    String type();

    Dialect dialect();

    /** A new JDBC connection; the caller closes it. */
    Connection connect();

    /** The bulk loader for raw files. */
    RawLoader rawLoader();

    /**
     * Hands out connections that see one tenant's data only (see {@link TenantScope}). Engines that cannot isolate
     * tenants throw {@code UNSUPPORTED}.
     */
    default TenantScope tenantScope() {
        throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot serve tenant data from a %s warehouse: it has no "
                + "tenant scope", type());
    }

    @Override
    void close();
}
