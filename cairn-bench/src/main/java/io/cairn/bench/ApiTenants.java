package io.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cairn.core.apikeys.Role;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;

/**
 * The tenants of the API benchmark: {@code tenants} shared tenants registered in the control plane, each with a
 * tenant_admin key, and a {@code marts.fct_sales_by_day} of 365 days per tenant in the DuckDB warehouse, every
 * tenant's copy published before any request is timed. {@link #republished()} tells whether a copy was written again
 * since (a read that found its copy stale would have paid a publish inside the timed phase).
 */
final class ApiTenants {
    static final String MART = "fct_sales_by_day";
    static final int DAYS = 365;
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

    private final Path publishedFolder;
    private final Map<TenantId, String> keys;
    private final Map<TenantId, FileTime> published = new LinkedHashMap<>();

    private ApiTenants(Path publishedFolder, Map<TenantId, String> keys) {
        this.publishedFolder = publishedFolder;
        this.keys = keys;
    }

    /** Registers the tenants, creates the mart and publishes every tenant's copy. */
    static ApiTenants create(ControlPlane controlPlane, Warehouse warehouse, Path projectDir, int tenants)
            throws SQLException {
        Map<TenantId, String> keys = new LinkedHashMap<>();
        for (int t = 0; t < tenants; t++) {
            TenantId tenant = id(t);
            controlPlane.tenants().upsert(new Tenant(tenant, "Tenant " + t, Tenancy.SHARED, ZoneId.of("UTC"), "USD",
                    null));
            keys.put(tenant, controlPlane.apiKeys().create(Role.TENANT_ADMIN, tenant, "bench", null).secret());
        }
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA marts");
            statement.execute("CREATE TABLE marts." + MART + " AS SELECT printf('tenant_%02d', t::INTEGER) AS "
                    + "tenant_id, DATE '" + FIRST_DAY + "' + d::INTEGER AS day, (d * 7 + t) % 97 AS orders, "
                    + "CAST((d * 7 + t) * 1.25 AS DECIMAL(12,2)) AS revenue FROM range(" + tenants + ") a(t), "
                    + "range(" + DAYS + ") b(d) ORDER BY tenant_id, day");
            statement.execute("CHECKPOINT");
        }
        ApiTenants result = new ApiTenants(DuckDbWarehouseFactory.publishedFolder(projectDir), keys);
        warehouse.tenantScope().publish(keys.keySet());
        for (TenantId tenant : keys.keySet()) {
            result.published.put(tenant, result.modified(tenant));
        }
        return result;
    }

    /** The {@code t}-th tenant: {@code tenant_00}, {@code tenant_01}, ... */
    static TenantId id(int t) {
        return TenantId.of(String.format(Locale.ROOT, "tenant_%02d", t));
    }

    List<TenantId> ids() {
        return new ArrayList<>(keys.keySet());
    }

    String key(TenantId tenant) {
        return keys.get(tenant);
    }

    /** The tenants whose published copy was written again after {@link #create} published it. */
    List<TenantId> republished() {
        return published.entrySet().stream().filter(entry -> !modified(entry.getKey()).equals(entry.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private FileTime modified(TenantId tenant) {
        Path copy = publishedFolder.resolve(tenant.value() + ".duckdb");
        try {
            return Files.getLastModifiedTime(copy);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the modification time of the published copy " + copy, e);
        }
    }
}
