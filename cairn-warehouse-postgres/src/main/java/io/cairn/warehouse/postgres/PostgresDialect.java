package io.cairn.warehouse.postgres;

import io.cairn.spi.warehouse.Dialect;

/** PostgreSQL's SQL spelling. */
public final class PostgresDialect implements Dialect {
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {}

    @Override
    public String name() {
        return "postgres";
    }

    /**
     * A text path for {@code #>>} from a dotted field name: {@code MetaData.LastUpdatedTime} becomes
     * {@code '{MetaData,LastUpdatedTime}'}, each element double-quoted so commas and braces in names are safe.
     */
    public String jsonPath(String dottedField) {
        StringBuilder path = new StringBuilder("{");
        String[] parts = dottedField.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                path.append(',');
            }
            path.append('"').append(parts[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal(path.append('}').toString());
    }
}
