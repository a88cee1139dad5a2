package io.cairn.warehouse.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one Spark context of this JVM, shared by every open Spark warehouse and stopped when the last one closes
 * (Spark allows one context per JVM). Settings that Spark reads once per context live here: Iceberg's SQL
 * extensions, ANSI SQL with double-quoted identifiers, UTC, {@code java.time} values and a shuffle width that suits
 * the cores at hand.
 */
public final class SparkSessions {
    private static SparkSession root;
    private static int users;

    private SparkSessions() {}

    /**
     * The shared root session, started with {@code master} when no warehouse holds it; the caller
     * {@link #release()}s it once. A context already running keeps its own master and settings.
     */
    public static synchronized SparkSession acquire(String master, Path folder, Map<String, String> settings) {
        if (root == null) {
            SparkSession.Builder builder = SparkSession.builder()
                    .master(master)
                    .appName("cairn")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.extensions",
                            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                    .config("spark.sql.ansi.enabled", "true")
                    .config("spark.sql.ansi.doubleQuotedIdentifiers", "true")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.datetime.java8API.enabled", "true")
                    .config("spark.sql.shuffle.partitions",
                            String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())))
                    .config("spark.sql.warehouse.dir", folder.resolve("spark-catalog").toUri().toString());
            if (master.startsWith("local")) {
                builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            }
            settings.forEach(builder::config);
            root = builder.getOrCreate();
        }
        users++;
        return root;
    }

    /** Gives back one {@link #acquire}; the last one stops the Spark context. */
    public static synchronized void release() {
        if (users > 0 && --users == 0 && root != null) {
            root.stop();
            root = null;
        }
    }
}
