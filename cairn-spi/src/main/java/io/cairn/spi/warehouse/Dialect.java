package io.cairn.spi.warehouse;

/** How an engine spells the SQL that Cairn generates. */
public interface Dialect {
    /** The engine name, e.g. {@code duckdb}. */
    String name();

    /** Quotes an identifier, doubling embedded quotes. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, both quoted. */
    default String relation(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** A string literal, doubling embedded single quotes. */
    default String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
