package io.cairn.warehouse.postgres;

import java.nio.file.Path;

import io.cairn.spi.raw.RawLoaderContractTest;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/** The shared raw-loader contract on DuckDB, proving the suite is engine-neutral (the reference engine). */
class DuckDbRawLoaderContractTest extends RawLoaderContractTest {
    @Override
    protected Warehouse newWarehouse(Path dir) {
        return DuckDbWarehouse.open(dir.resolve("w.duckdb"), null, null);
    }

    @Override
    protected String jsonField(String column, String field) {
        return column + "->>'$." + field + "'";
    }

    @Override
    protected String utcTimestamp(String column) {
        return "strftime(" + column + ", '%Y-%m-%dT%H:%M:%S')";
    }

    @Override
    protected String storedPayload(String json) {
        return json;
    }
}
