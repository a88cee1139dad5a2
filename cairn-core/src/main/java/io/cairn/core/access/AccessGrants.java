package io.cairn.core.access;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cairn.core.controlplane.SortableIds;
import io.cairn.core.controlplane.Sql;
import io.cairn.spi.TenantId;

import static java.util.Objects.requireNonNull;

/**
 * The {@code tenant_access} table of the control plane: grants of tenants' reader logins for BI tools. A grant
 * closes the tenant's grant in force, if any, and opens a new one; a revoke closes it. Rows are never deleted.
 */
public final class AccessGrants {
    /** Runs one piece of work in one control-plane transaction. */
    public interface Database {
        <T> T transaction(String action, Work<T> work);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;
    private final Clock clock;

    public AccessGrants(Database database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Records a grant, closing the tenant's grant in force (if any) as revoked by the same actor. */
    public AccessGrant grant(TenantId tenant, String login, boolean pii, String actor) {
        AccessGrant grant = new AccessGrant(SortableIds.next(clock), tenant, login, pii, now(), actor,
                Optional.empty(), Optional.empty());
        return database.transaction("record the access grant of tenant " + tenant, connection -> {
            close(connection, tenant, grant.grantedAt(), actor);
            Sql.update(connection, "INSERT INTO tenant_access (access_id, tenant_id, login, pii, granted_at, "
                    + "granted_by) VALUES (?, ?, ?, ?, ?, ?)", grant.id(), tenant, login, pii, grant.grantedAt(),
                    actor);
            return grant;
        });
    }

    /** Closes the tenant's grant in force; returns it as closed, or empty when none was in force. */
    public Optional<AccessGrant> revoke(TenantId tenant, String actor) {
        Instant at = now();
        return database.transaction("record the access revoke of tenant " + tenant, connection -> {
            Optional<AccessGrant> active = Sql.queryOne(connection, "SELECT * FROM tenant_access WHERE tenant_id = ? "
                    + "AND revoked_at IS NULL", AccessGrants::grant, tenant);
            close(connection, tenant, at, actor);
            return active.map(grant -> new AccessGrant(grant.id(), tenant, grant.login(), grant.pii(),
                    grant.grantedAt(), grant.grantedBy(), Optional.of(at), Optional.of(actor)));
        });
    }

    /**
     * Grants, newest first: of one tenant or (when {@code tenant} is null) of every tenant, only those in force
     * unless {@code history} is set.
     */
    public List<AccessGrant> list(TenantId tenant, boolean history) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tenant_access WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (tenant != null) {
            sql.append(" AND tenant_id = ?");
            params.add(tenant);
        }
        if (!history) {
            sql.append(" AND revoked_at IS NULL");
        }
        sql.append(" ORDER BY access_id DESC");
        return database.transaction("list access grants", connection -> Sql.query(connection, sql.toString(),
                AccessGrants::grant, params.toArray()));
    }

    private static void close(Connection connection, TenantId tenant, Instant at, String actor) throws SQLException {
        Sql.update(connection, "UPDATE tenant_access SET revoked_at = ?, revoked_by = ? WHERE tenant_id = ? "
                + "AND revoked_at IS NULL", at, actor, tenant);
    }

    private Instant now() {
        return Sql.truncate(clock.instant());
    }

    private static AccessGrant grant(ResultSet row) throws SQLException {
        return new AccessGrant(row.getString("access_id"), Sql.tenant(row, "tenant_id"), row.getString("login"),
                row.getBoolean("pii"), Sql.instant(row, "granted_at"), row.getString("granted_by"),
                Optional.ofNullable(Sql.instant(row, "revoked_at")), Optional.ofNullable(row.getString("revoked_by")));
    }
}
