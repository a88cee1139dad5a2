package io.cairn.warehouse.spark;

import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseFactory;
import io.cairn.spi.warehouse.WarehouseSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens Spark warehouses: Iceberg tables in a local or cluster Spark. Options: {@code master} (default
 * {@code local[2]}), {@code path} (the warehouse folder, relative to the project folder; default
 * {@code spark-warehouse}), {@code catalog_url} (the JDBC URL of Iceberg's catalog database; default an H2 file in
 * the warehouse folder), and any {@code spark.*} key, passed to Spark as is.
 */
public final class SparkWarehouseFactory implements WarehouseFactory {
    public static final String TYPE = "spark";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Warehouse open(WarehouseSettings settings) {
        Path folder = settings.projectDir().resolve(settings.option("path").orElse("spark-warehouse"))
                .toAbsolutePath().normalize();
        Map<String, String> sparkOptions = new TreeMap<>();
        settings.options().forEach((key, value) -> {
            if (key.startsWith("spark.")) {
                sparkOptions.put(key, value);
            }
        });
        return SparkWarehouse.open(new SparkWarehouse.Options(folder, settings.option("master").orElse("local[2]"),
                settings.option("catalog_url").orElse(null), sparkOptions));
    }
}
