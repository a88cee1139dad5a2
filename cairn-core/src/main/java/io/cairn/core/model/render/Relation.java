package io.cairn.core.model.render;

import io.cairn.spi.warehouse.Dialect;

/**
 * A relation as Jinja sees it: renders as the quoted {@code schema.identifier} (or a bare CTE name for an
 * ephemeral model) and exposes {@code schema}, {@code identifier} and {@code name} to templates.
 */
public final class Relation {
    private final String schema;
    private final String identifier;
    private final String rendered;

    private Relation(String schema, String identifier, String rendered) {
        this.schema = schema;
        this.identifier = identifier;
        this.rendered = rendered;
    }

    public static Relation of(Dialect dialect, String schema, String identifier) {
        return new Relation(schema, identifier, dialect.relation(schema, identifier));
    }

    /** A name that is not a warehouse relation: an ephemeral model's CTE. */
    public static Relation cte(String name) {
        return new Relation(null, name, name);
    }

    public String getSchema() {
        return schema;
    }

    public String getIdentifier() {
        return identifier;
    }

    public String getName() {
        return identifier;
    }

    public String getTable() {
        return identifier;
    }

    @Override
    public String toString() {
        return rendered;
    }
}
