package io.cairn.core.serving;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;

/**
 * The one call model commands make after a build: publish every tenant's data (DuckDB: per-tenant copies;
 * PostgreSQL: row-level security and serving logins). A failure does not fail the build: tenants keep reading what
 * was published before, and the next tenant read retries a stale DuckDB copy.
 */
public final class TenantPublishing {
    private static final Logger LOG = LoggerFactory.getLogger(TenantPublishing.class);

    private TenantPublishing() {}

    /** Publishes every tenant of the control plane; returns one line saying what happened. */
    public static String publishAll(Warehouse warehouse, ControlPlane controlPlane) {
        List<TenantId> tenants = controlPlane.tenants().list().stream().map(Tenant::id).toList();
        try {
            warehouse.tenantScope().locate(TenantLocations.schemaPrefixes(controlPlane));
            warehouse.tenantScope().publish(tenants);
            return "Published the data of " + tenants.size() + " tenant" + (tenants.size() == 1 ? "" : "s")
                    + " for tenant access (" + warehouse.type() + ").";
        }
        catch (CairnException e) {
            if (e.code() == ErrorCode.UNSUPPORTED) {
                return "Tenant data not published: " + e.getMessage();
            }
            LOG.warn("Publishing tenant data failed; tenants read what was published before", e);
            return "Warning: tenant data not published; tenants read what was published before: " + e.getMessage();
        }
    }
}
