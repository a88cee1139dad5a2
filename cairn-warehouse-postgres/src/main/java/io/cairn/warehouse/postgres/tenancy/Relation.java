package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.cairn.warehouse.postgres.PostgresDialect;

/**
 * One table, view, materialized view or foreign table in a secured schema, as the catalog describes it now.
 *
 * @param kind {@code pg_class.relkind}: {@code r} table, {@code p} partitioned table, {@code v} view,
 *        {@code m} materialized view, {@code f} foreign table
 * @param readable whether a tenant reader (through {@code cairn_readers}, {@code PUBLIC} or a direct grant) may
 *        select from it
 * @param readerPolicyVersion the comment on its reader policy (which version of the expression it has), or null
 */
record Relation(String schema, String name, char kind, boolean rowSecurity, boolean forced, boolean hasTenantId,
        boolean readable, boolean securityInvoker, Set<String> policies, String readerPolicyVersion) {
    String qualified() {
        return PostgresDialect.INSTANCE.relation(schema, name);
    }

    String display() {
        return schema + "." + name;
    }

    boolean isTable() {
        return kind == 'r' || kind == 'p';
    }

    boolean isView() {
        return kind == 'v';
    }

    /** Every relation in the given schemas, ordered by schema and name. */
    static List<Relation> list(Connection connection, List<String> schemas) throws SQLException {
        String sql = "SELECT n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, "
                + "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' "
                + "AND a.attnum > 0 AND NOT a.attisdropped), "
                + "EXISTS (SELECT 1 FROM pg_roles r WHERE (r.rolname = '" + TenantRoles.READERS + "' "
                + "OR r.rolname LIKE 'cairn\\_reader\\_%') AND has_any_column_privilege(r.oid, c.oid, 'SELECT')), "
                + "coalesce(c.reloptions @> ARRAY['security_invoker=true'] "
                + "OR c.reloptions @> ARRAY['security_invoker=on'], false), "
                + "coalesce((SELECT array_agg(p.polname::text) FROM pg_policy p WHERE p.polrelid = c.oid), '{}'), "
                + "(SELECT obj_description(p.oid, 'pg_policy') FROM pg_policy p WHERE p.polrelid = c.oid "
                + "AND p.polname = '" + RowLevelSecurity.READER_POLICY + "') "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1, 2";
        List<Relation> relations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    relations.add(new Relation(rows.getString(1), rows.getString(2), rows.getString(3).charAt(0),
                            rows.getBoolean(4), rows.getBoolean(5), rows.getBoolean(6), rows.getBoolean(7),
                            rows.getBoolean(8), Set.copyOf(Arrays.asList((String[]) rows.getArray(9).getArray())),
                            rows.getString(10)));
                }
            }
        }
        return relations;
    }
}
