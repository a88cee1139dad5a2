package io.cairn.core.controlplane;

import io.cairn.spi.TenantId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The {@code tenants} table. */
public final class TenantStore {
    private static final String COLUMNS = "tenant_id, name, tenancy, time_zone, currency, created_at";

    private final Jdbc jdbc;
    private final Clock clock;

    TenantStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers {@code tenant} or updates its name, tenancy, time zone and currency; its creation time stays. */
    public void upsert(Tenant tenant) {
        requireNonNull(tenant, "tenant is null");
        jdbc.upsert("save tenant " + tenant.id(), connection -> {
            upsert(connection, tenant);
            return null;
        });
    }

    void upsert(Connection connection, Tenant tenant) throws SQLException {
        Instant now = clock.instant();
        int updated = Sql.update(connection,
                "UPDATE tenants SET name = ?, tenancy = ?, time_zone = ?, currency = ?, updated_at = ? "
                        + "WHERE tenant_id = ?",
                tenant.name(), tenant.tenancy(), tenant.timezone().getId(), tenant.currency(), now, tenant.id());
        if (updated == 0) {
            Sql.update(connection, "INSERT INTO tenants (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenant.id(), tenant.name(), tenant.tenancy(), tenant.timezone().getId(), tenant.currency(),
                    tenant.createdAt() == null ? now : tenant.createdAt(), now);
        }
    }

    public Optional<Tenant> find(TenantId id) {
        requireNonNull(id, "id is null");
        return jdbc.call("read tenant " + id, connection -> find(connection, id));
    }

    Optional<Tenant> find(Connection connection, TenantId id) throws SQLException {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM tenants WHERE tenant_id = ?",
                TenantStore::tenant, id);
    }

    /** Every tenant, ordered by id. */
    public List<Tenant> list() {
        return jdbc.call("list tenants", connection -> Sql.query(connection,
                "SELECT " + COLUMNS + " FROM tenants ORDER BY tenant_id", TenantStore::tenant));
    }

    /** Removes the tenant with its sources, stream state, loads and runs; false when there was no such tenant. */
    public boolean remove(TenantId id) {
        requireNonNull(id, "id is null");
        // The foreign keys cascade to sources, stream_state, loads and runs.
        return jdbc.call("remove tenant " + id, connection ->
                Sql.update(connection, "DELETE FROM tenants WHERE tenant_id = ?", id) > 0);
    }

    private static Tenant tenant(ResultSet row) throws SQLException {
        return new Tenant(
                Sql.tenant(row, "tenant_id"),
                row.getString("name"),
                Sql.enumOf(Tenancy.class, row.getString("tenancy")),
                ZoneId.of(row.getString("time_zone")),
                row.getString("currency"),
                Sql.instant(row, "created_at"));
    }
}
