package io.cairn.models;

import java.nio.file.Path;
import java.util.Map;

import io.cairn.warehouse.spark.SparkWarehouse;

/**
 * Spark warehouses for this module's tests. One warehouse stays open for the JVM's life, so the Spark context it
 * starts (local[2], two shuffle partitions) serves every test class instead of restarting per class.
 */
final class SparkTestContext {
    private static final Map<String, String> SPARK = Map.of("spark.sql.shuffle.partitions", "2",
            "spark.ui.enabled", "false", "spark.log.level", "WARN");

    static {
        open(folder("context"));
    }

    private SparkTestContext() {}

    /**
     * A new folder under {@code target/spark-tests} for a warehouse. Not a JUnit temporary folder: Iceberg's catalog
     * keeps its H2 database open while the Spark context lives, so the folder cannot be deleted after each class.
     */
    static Path folder(String name) {
        return Path.of("target", "spark-tests", name + "-" + java.util.UUID.randomUUID()).toAbsolutePath();
    }

    /** A new warehouse in {@code folder}; the caller closes it. */
    static SparkWarehouse open(Path folder) {
        return SparkWarehouse.open(new SparkWarehouse.Options(folder, "local[2]", null, SPARK));
    }
}
