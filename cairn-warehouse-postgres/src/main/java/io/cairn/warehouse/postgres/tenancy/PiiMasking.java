package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.cairn.warehouse.postgres.PostgresDialect;

/**
 * Masks PII columns of tables in reader schemas. Enforcement is PostgreSQL's column privileges: tenant readers
 * ({@code cairn_readers}) may select only the non-PII columns of such a table; its PII columns are granted to
 * {@value TenantRoles#PII_READERS}, whose members are the PII roles of tenants granted PII access. Rows stay limited
 * to the reader's tenant by the table's policy either way. For BI tools, which select every column, each such table
 * gets a masking view {@code <schema>_masked.<table>} ({@code security_barrier}, read with its owner's rights):
 * the reader's own rows only (the view filters on the tenant of {@code current_user}, as the policy does), PII
 * columns in clear when the reader holds PII access, otherwise text as a keyed hash {@code masked:<16 hex>} (stable,
 * so masked readers can still count distinct values and join marts on them; the key, in {@value #KEY_TABLE}, is
 * readable by the views' owner only) and other types as null.
 */
final class PiiMasking {
    /** Starts the comment of every view this class creates: the rest describes the view, to tell when it is stale. */
    static final String VIEW_MARK = "cairn masking view: ";
    static final String MASKED_SUFFIX = "_masked";
    /** One random key per database, made once; readers cannot read it, so they cannot recompute a hash. */
    static final String KEY_TABLE = "cairn_private.mask_key";

    private final PostgresDialect dialect = PostgresDialect.INSTANCE;
    private final IsolationLayout layout;

    PiiMasking(IsolationLayout layout) {
        this.layout = layout;
    }

    /** The schema holding the masking views of a reader schema's tables. */
    static String maskedSchema(String readerSchema) {
        return readerSchema + MASKED_SUFFIX;
    }

    /** Creates the masked schemas: readers may use them, nobody but the platform may create in them. */
    void prepareSchemas(Connection connection) throws SQLException {
        Sql.execute(connection, "CREATE SCHEMA IF NOT EXISTS cairn_private");
        Sql.execute(connection, "REVOKE ALL ON SCHEMA cairn_private FROM PUBLIC");
        Sql.execute(connection, "CREATE TABLE IF NOT EXISTS " + KEY_TABLE + " (key text NOT NULL)");
        Sql.execute(connection, "INSERT INTO " + KEY_TABLE + " SELECT gen_random_uuid()::text || gen_random_uuid()::text "
                + "WHERE NOT EXISTS (SELECT 1 FROM " + KEY_TABLE + ")");
        for (String schema : layout.readerSchemas()) {
            String quoted = dialect.quote(maskedSchema(schema));
            Sql.execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quoted);
            Sql.execute(connection, "REVOKE ALL ON SCHEMA " + quoted + " FROM PUBLIC");
            Sql.execute(connection, "GRANT ALL ON SCHEMA " + quoted + " TO " + TenantRoles.ADMIN);
            Sql.execute(connection, "GRANT USAGE ON SCHEMA " + quoted + " TO " + layout.readerRole());
        }
    }

    /**
     * Brings one secured table's reader privileges and masking view in line with its declared PII columns; records
     * a created or dropped view, and a table granted whole again, in {@code changes}.
     */
    void apply(Connection connection, Relation table, Set<String> declared, RowLevelSecurity.Changes changes)
            throws SQLException {
        List<Column> columns = Column.list(connection, table);
        Set<String> pii = columns.stream().map(Column::name).filter(declared::contains).collect(Collectors.toSet());
        String view = dialect.relation(maskedSchema(table.schema()), table.name());
        String viewDisplay = maskedSchema(table.schema()) + "." + table.name();
        String current = viewComment(connection, maskedSchema(table.schema()), table.name());
        if (pii.isEmpty()) {
            if (current != null) {
                Sql.execute(connection, "DROP VIEW " + view);
                changes.maskingViews.add(viewDisplay + " (dropped: no PII columns)");
            }
            if (!tableGranted(connection, table)) {
                Sql.execute(connection, "GRANT SELECT ON " + table.qualified() + " TO " + layout.readerRole());
                changes.grants.add(table.display());
            }
            return;
        }
        String piiNames = names(columns, column -> pii.contains(column.name()));
        String plainNames = names(columns, column -> !pii.contains(column.name()));
        Sql.execute(connection, "REVOKE SELECT ON " + table.qualified() + " FROM " + layout.readerRole());
        Sql.execute(connection, "REVOKE SELECT (" + piiNames + ") ON " + table.qualified() + " FROM "
                + layout.readerRole());
        if (!plainNames.isEmpty()) {
            Sql.execute(connection, "GRANT SELECT (" + plainNames + ") ON " + table.qualified() + " TO "
                    + layout.readerRole());
        }
        Sql.execute(connection, "GRANT SELECT ON " + table.qualified() + " TO " + TenantRoles.PII_READERS);
        String description = VIEW_MARK + "keyed hash; " + columns.stream()
                .map(column -> column.name() + " " + column.type() + (pii.contains(column.name()) ? " pii" : ""))
                .collect(Collectors.joining(", "));
        if (description.equals(current)) {
            return;
        }
        Sql.execute(connection, "DROP VIEW IF EXISTS " + view);
        Sql.execute(connection, "CREATE VIEW " + view + " WITH (security_barrier = true) AS SELECT "
                + columns.stream().map(column -> select(column, pii.contains(column.name())))
                        .collect(Collectors.joining(", "))
                + " FROM " + table.qualified() + " t WHERE t.tenant_id = " + TenantRoles.currentTenantSql());
        Sql.execute(connection, "COMMENT ON VIEW " + view + " IS " + dialect.literal(description));
        Sql.execute(connection, "REVOKE ALL ON " + view + " FROM PUBLIC");
        Sql.execute(connection, "GRANT SELECT ON " + view + " TO " + layout.readerRole());
        changes.maskingViews.add(viewDisplay);
    }

    /** Drops every masking view (before a build replaces the tables they read); returns how many. */
    int dropViews(Connection connection) throws SQLException {
        int dropped = 0;
        for (String schema : layout.readerSchemas()) {
            for (String name : markedViews(connection, maskedSchema(schema))) {
                Sql.execute(connection, "DROP VIEW " + dialect.relation(maskedSchema(schema), name));
                dropped++;
            }
        }
        return dropped;
    }

    private String select(Column column, boolean pii) {
        String name = "t." + dialect.quote(column.name());
        if (!pii) {
            return name;
        }
        String mask = column.text() ? "'masked:' || left(md5((SELECT k.key FROM " + KEY_TABLE + " k LIMIT 1) || "
                + name + "), 16)" : "NULL::" + column.type();
        return "CASE WHEN " + piiAccessSql() + " THEN " + name + " ELSE " + mask + " END AS "
                + dialect.quote(column.name());
    }

    /**
     * Whether the current role holds its tenant's PII role, as SQL. An uncorrelated sub-query (computed once per
     * query); checked through {@code pg_roles} so that a missing role means "no" rather than an error.
     */
    static String piiAccessSql() {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = '" + TenantRoles.PII_PREFIX + "' || "
                + TenantRoles.currentTenantSql() + " AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))";
    }

    private String names(List<Column> columns, Predicate<Column> keep) {
        return columns.stream().filter(keep).map(column -> dialect.quote(column.name()))
                .collect(Collectors.joining(", "));
    }

    private boolean tableGranted(Connection connection, Relation table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT has_table_privilege(?, ?::regclass, 'SELECT')")) {
            statement.setString(1, layout.readerRole());
            statement.setString(2, table.qualified());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static String viewComment(Connection connection, String schema, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT obj_description(c.oid, 'pg_class') "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'v'")) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getString(1) != null && rows.getString(1).startsWith(VIEW_MARK)
                        ? rows.getString(1) : null;
            }
        }
    }

    private static List<String> markedViews(Connection connection, String schema) throws SQLException {
        List<String> views = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'v' "
                + "AND obj_description(c.oid, 'pg_class') LIKE 'cairn masking view: %' ORDER BY 1")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    views.add(rows.getString(1));
                }
            }
        }
        return views;
    }


    /** A column of a secured table: its name, its type as SQL, and whether it holds text (masked as '***'). */
    record Column(String name, String type, boolean text) {
        static List<Column> list(Connection connection, Relation table) throws SQLException {
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname, "
                    + "format_type(a.atttypid, a.atttypmod), t.typcategory = 'S' FROM pg_attribute a "
                    + "JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ?::regclass AND a.attnum > 0 "
                    + "AND NOT a.attisdropped ORDER BY a.attnum")) {
                statement.setString(1, table.qualified());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        columns.add(new Column(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
                    }
                }
            }
            return columns;
        }
    }
}
