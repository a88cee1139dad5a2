package io.cairn.core.serving;

import java.util.function.Function;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.tenancy.TenantLayout;
import io.cairn.spi.TenantId;

/** Where tenants' data lives, for {@link io.cairn.spi.warehouse.TenantScope#locate}: from the control plane. */
final class TenantLocations {
    private TenantLocations() {}

    /**
     * Each tenant's schema prefix under its current tenancy ({@code ""} shared, {@code <tenant>_} dedicated), read
     * from the control plane on every call so that a move takes effect at once; an unknown tenant is shared.
     */
    static Function<TenantId, String> schemaPrefixes(ControlPlane controlPlane) {
        return tenant -> TenantLayout.of(tenant, controlPlane.tenants().find(tenant).map(Tenant::tenancy)
                .orElse(Tenancy.SHARED)).prefix();
    }
}
