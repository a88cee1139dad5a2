package io.cairn.warehouse.postgres.tenancy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresDialect;

/**
 * The roles Cairn's isolation is built on. All are {@code NOLOGIN} groups except the per-tenant readers, which get
 * {@code LOGIN} only when access is granted. A login role for the platform or a pipeline is made a member of one
 * of the groups by the operator.
 */
public final class TenantRoles {
    /** Platform administration: every privilege on Cairn's schemas, every row (by policy, not {@code BYPASSRLS}). */
    public static final String ADMIN = "cairn_admin";
    /** Landing: creates raw tables and inserts into them; sees every tenant's raw rows (duplicate checks). */
    public static final String LOADER = "cairn_loader";
    /** Model builds: reads raw, owns staging, intermediate and marts; sees every tenant's rows. */
    public static final String TRANSFORMER = "cairn_transformer";
    /** The group of all tenant readers: holds their {@code SELECT} grants; its policy admits one tenant's rows. */
    public static final String READERS = "cairn_readers";
    /** Prefix of a tenant's reader role, {@code cairn_reader_<tenant>}. */
    public static final String READER_PREFIX = "cairn_reader_";
    /** The group holding {@code SELECT} on PII columns; only tenants' PII roles are its members. */
    public static final String PII_READERS = "cairn_pii_readers";
    /** Prefix of a tenant's PII role, {@code cairn_pii_<tenant>}: granted to its reader when PII access is granted. */
    public static final String PII_PREFIX = "cairn_pii_";
    /** Prefix of a tenant's serving login, {@code cairn_serve_<tenant>} (see {@code PostgresTenantScope}). */
    public static final String SERVING_PREFIX = "cairn_serve_";
    /** Suffix of the masking schemas of a dedicated tenant's reader schemas. */
    private static final List<String> MASKED_SCHEMAS = List.of("marts", "ops");
    /** PostgreSQL's longest role name; a longer one would be silently truncated and could collide. */
    static final int MAX_NAME = 63;

    private TenantRoles() {}

    /** The reader role of a tenant. Refuses a tenant whose role name would be truncated. */
    public static String reader(TenantId tenant) {
        String role = READER_PREFIX + tenant.value();
        if (role.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot create the PostgreSQL reader role for tenant %s: "
                    + "%s is longer than %d bytes; tenant ids of up to %d characters can have a reader role", tenant,
                    role, MAX_NAME, MAX_NAME - READER_PREFIX.length());
        }
        return role;
    }

    /** The PII role of a tenant; its reader sees PII columns in clear while it is a member. */
    public static String pii(TenantId tenant) {
        reader(tenant);
        return PII_PREFIX + tenant.value();
    }

    /**
     * The tenant id the current role reads, as SQL: the role name after the prefix, or null (no rows) for any role
     * that is not a tenant reader, including {@code cairn_readers} itself, which a reader may {@code SET ROLE} to.
     * Keyed on {@code current_user}, which only {@code SET ROLE} to a role the session belongs to can change; not
     * on a setting such as {@code cairn.tenant}, which any session could {@code set_config}.
     */
    static String currentTenantSql() {
        return "(CASE WHEN current_user::text LIKE 'cairn\\_reader\\_%' THEN substr(current_user::text, "
                + (READER_PREFIX.length() + 1) + ") END COLLATE \"default\")";
    }

    /**
     * The group roles, and each tenant's reader and PII roles; returns the ones created. A reader joins the group
     * {@value #READERS} (the shared schemas' grants) when {@code joinReaders}, else leaves it: a dedicated tenant's
     * reader is granted its own schemas only.
     */
    static List<String> create(Connection connection, Collection<TenantId> tenants, boolean joinReaders)
            throws SQLException {
        List<String> roles = new ArrayList<>();
        for (String group : List.of(ADMIN, LOADER, TRANSFORMER, READERS, PII_READERS)) {
            createRole(connection, group, roles);
        }
        for (TenantId tenant : tenants.stream().sorted().toList()) {
            createRole(connection, reader(tenant), roles);
            if (joinReaders) {
                Sql.execute(connection, "GRANT " + READERS + " TO " + reader(tenant));
            }
            else if (isMember(connection, reader(tenant), READERS)) {
                Sql.execute(connection, "REVOKE " + READERS + " FROM " + reader(tenant));
            }
            createRole(connection, pii(tenant), roles);
            Sql.execute(connection, "GRANT " + PII_READERS + " TO " + pii(tenant));
        }
        return roles;
    }

    /** The tenant's roles and masking schemas that exist, as {@code role <name>} and {@code schema <name>}. */
    public static List<String> accessObjects(Connection connection, TenantId tenant) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String role : List.of(SERVING_PREFIX + tenant.value(), reader(tenant), pii(tenant))) {
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                found.add("role " + role);
            }
        }
        for (String schema : maskingSchemas(tenant)) {
            if (schemaExists(connection, schema)) {
                found.add("schema " + schema);
            }
        }
        return found;
    }

    /** The masking schemas of a tenant's dedicated layout, {@code <tenant>_marts_masked} and {@code <tenant>_ops_masked}. */
    static List<String> maskingSchemas(TenantId tenant) {
        return MASKED_SCHEMAS.stream().map(layer -> PiiMasking.maskedSchema(tenant.value() + "_" + layer)).toList();
    }

    static boolean roleExists(Connection connection, String role) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
    }

    static boolean schemaExists(Connection connection, String schema) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema);
    }

    /**
     * Drops the tenant's roles (after ending their sessions and dropping their privileges in this database) and
     * its masking schemas; returns what was dropped, as {@link #accessObjects} names it.
     */
    public static List<String> drop(Connection connection, TenantId tenant) throws SQLException {
        List<String> dropped = accessObjects(connection, tenant);
        for (String object : dropped) {
            String name = PostgresDialect.INSTANCE.quote(object.substring(object.indexOf(' ') + 1));
            if (object.startsWith("schema ")) {
                Sql.execute(connection, "DROP SCHEMA " + name + " CASCADE");
            }
            else {
                ReaderLogins.terminateSessions(connection, object.substring("role ".length()));
                Sql.execute(connection, "DROP OWNED BY " + name);
                Sql.execute(connection, "DROP ROLE " + name);
            }
        }
        return dropped;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean isMember(Connection connection, String role, String group) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_auth_members m "
                + "JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
                + "WHERE r.rolname = ? AND g.rolname = ?")) {
            statement.setString(1, role);
            statement.setString(2, group);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void createRole(Connection connection, String role, List<String> created) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        Sql.execute(connection, "CREATE ROLE " + PostgresDialect.INSTANCE.quote(role) + " NOLOGIN");
        created.add(role);
    }
}
