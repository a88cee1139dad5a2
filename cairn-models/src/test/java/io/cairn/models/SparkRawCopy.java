package io.cairn.models;

import java.nio.file.Path;
import java.util.List;

/**
 * Copies the raw schema DuckDB landed into a Spark warehouse with the Spark raw layout (payload as JSON text,
 * dq_errors an array of strings, instants as timestamps, partitioned by tenant_id): every table through a Parquet
 * file written by DuckDB's {@code COPY} and read by Spark. Stands in for the Spark raw loader in model tests.
 */
final class SparkRawCopy {
    private SparkRawCopy() {}

    /** Replaces every Spark table of {@code schema} with DuckDB's current rows. */
    static void copy(ModelsFixture duck, ModelsFixture spark, String schema, Path folder) {
        spark.exec("create schema if not exists " + schema);
        List<List<Object>> tables = duck.rows("select table_name, bool_or(column_name = 'payload') from "
                + "information_schema.columns where table_schema = '" + schema + "' group by table_name");
        for (List<Object> table : tables) {
            String name = (String) table.get(0);
            Path parquet = folder.resolve(schema + "." + name + ".parquet").toAbsolutePath();
            String select = Boolean.TRUE.equals(table.get(1))
                    ? "select * replace (cast(payload as varchar) as payload)" : "select *";
            duck.exec("copy (" + select + " from " + schema + ".\"" + name + "\") to '" + parquet
                    + "' (format parquet)");
            String view = "\"raw_copy_" + name.replace("\"", "") + "\"";
            spark.exec("create or replace temporary view " + view + " using parquet options (path '" + parquet
                    + "')", "create or replace table " + schema + ".\"" + name + "\" using iceberg partitioned by "
                    + "(tenant_id) as select * from " + view);
        }
    }
}
