package io.cairn.server;

import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.serving.TenantData;
import io.cairn.spi.warehouse.Warehouse;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens the {@link TenantData} {@code cairn serve} answers data routes with, registered in
 * {@code META-INF/services/io.cairn.server.TenantDataProvider} by the module that implements tenant serving, so the
 * CLI needs no compile-time dependency on it.
 */
public interface TenantDataProvider {
    /** The tenant data of {@code warehouse}, with tenants checked against {@code controlPlane}. */
    TenantData open(Warehouse warehouse, ControlPlane controlPlane);

    /** The providers on the class path, in class-path order. */
    static List<TenantDataProvider> all() {
        return ServiceLoader.load(TenantDataProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
