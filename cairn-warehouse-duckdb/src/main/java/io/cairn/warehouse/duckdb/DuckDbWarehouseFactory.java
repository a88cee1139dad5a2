package io.cairn.warehouse.duckdb;

import java.nio.file.Path;

import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseFactory;
import io.cairn.spi.warehouse.WarehouseSettings;

/**
 * Opens DuckDB warehouses. Options: {@code path} (database file, relative to the project folder; {@code :memory:}
 * for an in-memory database), {@code threads}, {@code memory_limit}. Tenant copies are published under
 * {@code <projectDir>/.cairn/published/}.
 */
public final class DuckDbWarehouseFactory implements WarehouseFactory {
    public static final String TYPE = "duckdb";

    /** Where tenant copies are published: {@code <projectDir>/.cairn/published} (offboarding deletes them there). */
    public static Path publishedFolder(Path projectDir) {
        return projectDir.resolve(".cairn").resolve("published").toAbsolutePath().normalize();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Warehouse open(WarehouseSettings settings) {
        String path = settings.option("path").orElse("warehouse.duckdb");
        Path file = ":memory:".equals(path) ? null : settings.projectDir().resolve(path).toAbsolutePath().normalize();
        return DuckDbWarehouse.open(file, settings.option("threads").orElse(null),
                settings.option("memory_limit").orElse(null), publishedFolder(settings.projectDir()));
    }
}
