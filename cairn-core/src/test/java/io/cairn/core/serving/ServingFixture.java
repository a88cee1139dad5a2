package io.cairn.core.serving;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;

/**
 * Two tenants' marts and quality results in one warehouse, the same SQL on DuckDB and PostgreSQL. Globex's rows
 * hold values (see {@link #GLOBEX_MARKERS}) that nothing acme gets back may contain.
 */
final class ServingFixture {
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final List<String> GLOBEX_MARKERS = List.of("globex", "777.77", "888.88", "999.99",
            "ceo@globex.example", "secret plan");

    static final List<String> TABLES = List.of(
            "CREATE SCHEMA IF NOT EXISTS marts",
            "CREATE SCHEMA IF NOT EXISTS ops",
            "CREATE TABLE marts.fct_sales_by_day (tenant_id VARCHAR NOT NULL, sales_date DATE NOT NULL, "
                    + "channel VARCHAR NOT NULL, net DECIMAL(18, 2) NOT NULL, note VARCHAR)",
            "INSERT INTO marts.fct_sales_by_day VALUES ('acme', DATE '2024-01-03', 'web', 30.00, 'has \"quote\"'), "
                    + "('globex', DATE '2024-01-01', 'web', 777.77, 'secret plan'), "
                    + "('acme', DATE '2024-01-01', 'web', 10.00, 'plain'), "
                    + "('acme', DATE '2024-01-03', 'pos', 5.00, 'multi' || chr(10) || 'line'), "
                    + "('globex', DATE '2024-01-02', 'web', 888.88, NULL), "
                    + "('acme', DATE '2024-01-02', 'pos', 20.00, 'has, comma')",
            "CREATE TABLE marts.fct_expenses_by_month (tenant_id VARCHAR NOT NULL, expense_month DATE NOT NULL, "
                    + "month VARCHAR NOT NULL, amount DECIMAL(18, 2) NOT NULL)",
            "INSERT INTO marts.fct_expenses_by_month VALUES ('acme', DATE '2024-01-01', '2024-01', 100.00), "
                    + "('acme', DATE '2024-02-01', '2024-02', 200.00), "
                    + "('globex', DATE '2024-02-01', '2024-02', 999.99)",
            "CREATE TABLE marts.dim_customers (tenant_id VARCHAR NOT NULL, email VARCHAR NOT NULL)",
            "INSERT INTO marts.dim_customers VALUES ('acme', 'buyer@acme.example'), ('globex', 'ceo@globex.example')",
            "CREATE TABLE marts.currency_rates (code VARCHAR NOT NULL, rate DECIMAL(9, 4) NOT NULL)",
            "INSERT INTO marts.currency_rates VALUES ('USD', 1)",
            "CREATE TABLE ops.dq_results (run_id VARCHAR NOT NULL, checked_at TIMESTAMPTZ NOT NULL, "
                    + "check_name VARCHAR NOT NULL, model VARCHAR NOT NULL, tenant_id VARCHAR, status VARCHAR NOT NULL, "
                    + "severity VARCHAR NOT NULL, observed_value DECIMAL(20, 4), threshold DECIMAL(20, 4), "
                    + "details VARCHAR)",
            "INSERT INTO ops.dq_results VALUES "
                    + "('r1', TIMESTAMPTZ '2024-01-01 00:00:00+00', 'not_null', 'fct_sales_by_day', 'acme', 'fail', "
                    + "'error', 2, 0, 'two nulls'), "
                    + "('r2', TIMESTAMPTZ '2024-01-02 00:00:00+00', 'not_null', 'fct_sales_by_day', 'acme', 'pass', "
                    + "'error', 0, 0, NULL), "
                    + "('r2', TIMESTAMPTZ '2024-01-02 00:00:01+00', 'reconciliation', 'fct_sales_by_day', 'acme', "
                    + "'pass', 'error', 0, 0, NULL), "
                    + "('r2', TIMESTAMPTZ '2024-01-02 00:00:02+00', 'anomaly', 'fct_sales_by_day', 'globex', 'warn', "
                    + "'warn', 777.77, 1, 'secret plan'), "
                    + "('r2', TIMESTAMPTZ '2024-01-02 00:00:03+00', 'stream_loads', 'raw', NULL, 'pass', 'warn', "
                    + "NULL, NULL, 'platform-wide')");

    private ServingFixture() {}

    /** An H2 control plane in {@code dir} with tenants acme and globex. */
    static ControlPlane controlPlane(Path dir) {
        ControlPlane controlPlane = ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:"
                + dir.resolve("control").toAbsolutePath()));
        for (TenantId tenant : List.of(ACME, GLOBEX)) {
            controlPlane.tenants().upsert(new Tenant(tenant, tenant.value(), Tenancy.SHARED, ZoneId.of("UTC"), "USD",
                    Instant.parse("2024-01-01T00:00:00Z")));
        }
        return controlPlane;
    }

    /** Creates the fixture's tables and rows in the warehouse, as the platform. */
    static void createTables(Warehouse warehouse) throws SQLException {
        execute(warehouse, TABLES);
    }

    static void execute(Warehouse warehouse, List<String> statements) throws SQLException {
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Asserts that text a tenant got back (rows, messages) holds none of globex's values. */
    static void assertNoGlobex(String attempt, String text) {
        for (String marker : GLOBEX_MARKERS) {
            org.assertj.core.api.Assertions.assertThat(text).as("%s must reveal nothing of globex", attempt)
                    .doesNotContain(marker);
        }
    }
}
