package io.cairn.core.serving;

import java.nio.file.Path;

import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;

/** {@link TenantData} on DuckDB, through per-tenant published copies. */
class DuckDbTenantDataTest extends TenantDataContract {
    @Override
    Warehouse openWarehouse(Path dir) {
        return DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "2", null,
                DuckDbWarehouseFactory.publishedFolder(dir));
    }

    @Override
    String endlessQuery() {
        return "SELECT sum(a.range * b.range) FROM range(1000000000) a, range(1000000000) b";
    }
}
