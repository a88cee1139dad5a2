package io.cairn.spi.warehouse;

/** Opens warehouses of one engine type; registered in {@code META-INF/services}. */
public interface WarehouseFactory {
    /** The type name used in {@code cairn.yml} ({@code warehouse.type}), e.g. {@code duckdb}. */
    String type();

    Warehouse open(WarehouseSettings settings);
}
