package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresDialect;

/**
 * Turns a tenant's reader role into a login for BI tools and back. The password is hashed (SCRAM-SHA-256) by the
 * driver before it is sent, so it never appears in the server's statement log. The roles must exist: run
 * {@link RowLevelSecurity#apply} for the tenant first.
 */
public final class ReaderLogins {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderLogins.class);
    private static final PostgresDialect DIALECT = PostgresDialect.INSTANCE;

    private ReaderLogins() {}

    /** Lets the tenant's reader role log in with the given password, without PII access; returns the role name. */
    public static String grant(Connection connection, TenantId tenant, char[] password) {
        return grant(connection, tenant, password, false, IsolationLayout.DEFAULT);
    }

    /**
     * Lets the tenant's reader role log in with the given password (replacing any previous one), with or without
     * PII access (membership of the tenant's PII role), and sets its {@code search_path} to {@link #schemas}, so
     * that a table with PII columns resolves to its masking view. Returns the role name.
     */
    public static String grant(Connection connection, TenantId tenant, char[] password, boolean pii,
            IsolationLayout layout) {
        String role = TenantRoles.reader(tenant);
        String quoted = DIALECT.quote(role);
        try {
            Sql.execute(connection, "ALTER ROLE " + quoted + " LOGIN");
            // The driver wipes the array it is given; the caller keeps its own to show the password once.
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.clone(), "scram-sha-256");
            Sql.execute(connection, (pii ? "GRANT " : "REVOKE ") + DIALECT.quote(TenantRoles.pii(tenant))
                    + (pii ? " TO " : " FROM ") + quoted);
            pointAt(connection, tenant, layout);
            LOG.info("Reader login {} granted for tenant {} ({})", role, tenant, pii ? "with PII" : "PII masked");
            return role;
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot grant a reader login to tenant %s: %s", tenant,
                    e.getMessage());
        }
    }

    /** Sets the {@code search_path} of the tenant's reader role to {@link #schemas} of {@code layout}. */
    static void pointAt(Connection connection, TenantId tenant, IsolationLayout layout) throws SQLException {
        Sql.execute(connection, "ALTER ROLE " + DIALECT.quote(TenantRoles.reader(tenant)) + " SET search_path = "
                + String.join(", ", schemas(layout).stream().map(DIALECT::quote).toList()));
    }

    /** Whether the tenant's reader role may log in (it was granted a reader login). */
    static boolean canLogin(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?")) {
            statement.setString(1, TenantRoles.reader(tenant));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The schemas a reader login may read, masking schemas first: its {@code search_path}. */
    public static List<String> schemas(IsolationLayout layout) {
        List<String> schemas = new ArrayList<>();
        layout.readerSchemas().forEach(schema -> schemas.add(PiiMasking.maskedSchema(schema)));
        schemas.addAll(layout.readerSchemas());
        return schemas;
    }

    /**
     * Stops the tenant's reader role from logging in, removes its password and PII access, and ends its open
     * sessions; returns how many sessions were ended.
     */
    public static int revoke(Connection connection, TenantId tenant) {
        String role = TenantRoles.reader(tenant);
        try {
            Sql.execute(connection, "ALTER ROLE " + DIALECT.quote(role) + " NOLOGIN PASSWORD NULL");
            Sql.execute(connection, "REVOKE " + DIALECT.quote(TenantRoles.pii(tenant)) + " FROM " + DIALECT.quote(role));
            int ended = terminateSessions(connection, role);
            LOG.info("Reader login {} revoked for tenant {}; {} open sessions ended", role, tenant, ended);
            return ended;
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot revoke the reader login of tenant %s: %s",
                    tenant, e.getMessage());
        }
    }

    static int terminateSessions(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FILTER (WHERE "
                + "pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, role);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
