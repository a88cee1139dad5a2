package io.cairn.warehouse.duckdb;

import io.cairn.spi.warehouse.Dialect;

/** DuckDB's SQL spelling. */
public final class DuckDbDialect implements Dialect {
    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {}

    @Override
    public String name() {
        return "duckdb";
    }

    /** A JSON path for a dotted field name: {@code MetaData.LastUpdatedTime} becomes {@code $."MetaData"."LastUpdatedTime"}. */
    public String jsonPath(String dottedField) {
        StringBuilder path = new StringBuilder("$");
        for (String part : dottedField.split("\\.")) {
            path.append(".\"").append(part.replace("\"", "\\\"")).append('"');
        }
        return path.toString();
    }
}
