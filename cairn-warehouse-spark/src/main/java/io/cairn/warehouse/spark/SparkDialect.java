package io.cairn.warehouse.spark;

import io.cairn.spi.warehouse.Dialect;

/**
 * Spark SQL's spelling. Sessions run with {@code spark.sql.ansi.doubleQuotedIdentifiers}, so identifiers are quoted
 * with double quotes as on the other engines; string literals are single-quoted, and Spark also treats a backslash
 * in a literal as an escape, so backslashes are doubled.
 */
public final class SparkDialect implements Dialect {
    public static final SparkDialect INSTANCE = new SparkDialect();

    private SparkDialect() {}

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
