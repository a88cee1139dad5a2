package io.cairn.warehouse.spark;

import java.nio.file.Path;

import io.cairn.spi.raw.RawLoaderContractTest;
import io.cairn.spi.warehouse.Warehouse;

/** The shared raw-loader contract on Spark with Iceberg tables. */
class SparkRawLoaderContractTest extends RawLoaderContractTest {
    @Override
    protected Warehouse newWarehouse(Path dir) {
        return SparkTestWarehouses.open(SparkTestFolders.newFolder());
    }

    @Override
    protected String jsonField(String column, String field) {
        return "get_json_object(" + column + ", '$." + field + "')";
    }

    @Override
    protected String utcTimestamp(String column) {
        return "date_format(" + column + ", " + SparkDialect.INSTANCE.literal("yyyy-MM-dd'T'HH:mm:ss") + ")";
    }

    /** Payloads are stored as text: a JSONL line as received, a JSON-array element or CSV row as compact JSON. */
    @Override
    protected String storedPayload(String json) {
        return json;
    }

    @Override
    protected String text(String column) {
        return "CAST(" + column + " AS STRING)";
    }

    @Override
    protected String joinArray(String column, String separator) {
        return "array_join(" + column + ", " + SparkDialect.INSTANCE.literal(separator) + ")";
    }
}
