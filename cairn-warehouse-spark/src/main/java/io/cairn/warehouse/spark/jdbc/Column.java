package io.cairn.warehouse.spark.jdbc;

/**
 * One column of a result: its label, {@link java.sql.Types} code and the engine's type name.
 *
 * @param precision decimal precision (or 0), {@code scale} decimal scale
 */
record Column(String label, int sqlType, String typeName, int precision, int scale) {
    static Column of(String label, int sqlType, String typeName) {
        return new Column(label, sqlType, typeName, 0, 0);
    }
}
