package io.cairn.core.tenancy;

import java.util.List;

import io.cairn.core.controlplane.Tenant;

/**
 * Builds the model set of one tenancy layout. The bundled package's implementation lives in cairn-models
 * ({@code io.cairn.models.LayoutBuild}); core only needs to ask for a build when it moves a tenant.
 */
@FunctionalInterface
public interface LayoutBuilder {
    /**
     * Builds every model of {@code layout} for the tenants in {@code directory} (the tenant directory the models
     * read time zones and currencies from).
     *
     * @param fullRefresh rebuild incremental models from scratch (needed when history was copied in)
     * @throws io.cairn.spi.CairnException when a model fails to build, naming it
     */
    void build(TenantLayout layout, List<Tenant> directory, boolean fullRefresh);
}
