package io.cairn.server.tenants;

import io.cairn.core.alert.AlertChannels;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.spi.TenantId;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Offboards a tenant from the control plane only: its row, and through the foreign keys its sources, credentials,
 * stream cursors, loads, runs, API keys and plan. Warehouse data and raw files stay; the full {@code Offboarding}
 * service replaces this.
 */
public final class ControlPlaneOffboarder implements TenantOffboarder {
    private final ControlPlane controlPlane;

    public ControlPlaneOffboarder(ControlPlane controlPlane) {
        this.controlPlane = requireNonNull(controlPlane, "controlPlane is null");
    }

    @Override
    public List<String> preview(TenantId tenant) {
        List<SourceDefinition> sources = controlPlane.sources().list(tenant);
        int credentials = controlPlane.credentials().keys(tenant, AlertChannels.SOURCE).size();
        for (SourceDefinition source : sources) {
            credentials += controlPlane.credentials().keys(tenant, source.name()).size();
        }
        List<String> plan = new ArrayList<>();
        plan.add("control plane: tenant " + tenant);
        plan.add("control plane: " + sources.size() + " sources with their stream cursors and load history");
        plan.add("control plane: " + credentials + " encrypted credentials");
        plan.add("control plane: " + controlPlane.apiKeys().list(tenant).size() + " API keys");
        return plan;
    }

    @Override
    public List<String> offboard(TenantId tenant) {
        List<String> done = preview(tenant);
        controlPlane.tenants().remove(tenant);
        return done;
    }
}
