package io.cairn.core.warehouse;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseFactory;
import io.cairn.spi.warehouse.WarehouseSettings;

/** Opens the warehouse named by {@code warehouse.type} with the first factory of that type on the class path. */
public final class Warehouses {
    private Warehouses() {}

    public static Warehouse open(WarehouseSettings settings) {
        List<WarehouseFactory> factories = ServiceLoader.load(WarehouseFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return factories.stream()
                .filter(factory -> factory.type().equals(settings.type()))
                .findFirst()
                .orElseThrow(() -> new CairnException(ErrorCode.CONFIG,
                        "Cannot open warehouse of type '%s': no adapter for it is installed (installed: %s)",
                        settings.type(), factories.stream().map(WarehouseFactory::type).sorted()
                                .collect(Collectors.joining(", "))))
                .open(settings);
    }
}
