package io.cairn.warehouse.spark;

import java.nio.file.Path;
import java.util.Map;

/**
 * Spark warehouses for tests. One Spark context serves every test class of the JVM: this class holds one reference
 * to it for the JVM's life, so test classes that open and close warehouses do not restart Spark each time.
 */
public final class SparkTestWarehouses {
    static {
        SparkSessions.acquire("local[2]", Path.of(System.getProperty("java.io.tmpdir"), "cairn-spark-tests"),
                Map.of("spark.sql.shuffle.partitions", "2"));
    }

    private SparkTestWarehouses() {}

    /** A new warehouse in {@code folder} (for example a JUnit temporary folder); the caller closes it. */
    public static SparkWarehouse open(Path folder) {
        return SparkWarehouse.open(new SparkWarehouse.Options(folder, "local[2]", null, Map.of()));
    }
}
