package io.cairn.core.tenancy;

import io.cairn.spi.warehouse.Dialect;

import static java.util.Objects.requireNonNull;

/** A warehouse table by schema and name. */
public record TableRef(String schema, String name) implements Comparable<TableRef> {
    public TableRef {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
    }

    /** {@code "schema"."name"} in the dialect's quoting. */
    public String sql(Dialect dialect) {
        return dialect.relation(schema, name);
    }

    @Override
    public int compareTo(TableRef other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
