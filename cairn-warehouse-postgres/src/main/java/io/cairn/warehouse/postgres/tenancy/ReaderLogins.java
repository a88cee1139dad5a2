package io.cairn.warehouse.postgres.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresDialect;

/**
 * Turns a tenant's reader role into a login for BI tools and back. The password is hashed (SCRAM-SHA-256) by the
 * driver before it is sent, so it never appears in the server's statement log. The role must exist: run
 * {@link RowLevelSecurity#apply} for the tenant first.
 */
public final class ReaderLogins {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderLogins.class);

    private ReaderLogins() {}

    /** Lets the tenant's reader role log in with the given password; returns the role name. */
    public static String grant(Connection connection, TenantId tenant, char[] password) {
        String role = TenantRoles.reader(tenant);
        try {
            execute(connection, "ALTER ROLE " + PostgresDialect.INSTANCE.quote(role) + " LOGIN");
            connection.unwrap(PGConnection.class).alterUserPassword(role, password, "scram-sha-256");
            LOG.info("Reader login {} granted for tenant {}", role, tenant);
            return role;
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot grant a reader login to tenant %s: %s", tenant,
                    e.getMessage());
        }
    }

    /** Stops the tenant's reader role from logging in; sessions already open are not ended. */
    public static void revoke(Connection connection, TenantId tenant) {
        String role = TenantRoles.reader(tenant);
        try {
            execute(connection, "ALTER ROLE " + PostgresDialect.INSTANCE.quote(role) + " NOLOGIN PASSWORD NULL");
            LOG.info("Reader login {} revoked for tenant {}", role, tenant);
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot revoke the reader login of tenant %s: %s",
                    tenant, e.getMessage());
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
