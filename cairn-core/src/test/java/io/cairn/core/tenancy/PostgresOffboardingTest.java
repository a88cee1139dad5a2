package io.cairn.core.tenancy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.TestPostgres;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.landing.LandingListener;
import io.cairn.core.landing.LandingService;
import io.cairn.core.landing.SyncReport;
import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.postgres.PostgresWarehouse;
import io.cairn.warehouse.postgres.tenancy.IsolationLayout;
import io.cairn.warehouse.postgres.tenancy.MaskedColumns;
import io.cairn.warehouse.postgres.tenancy.ReaderLogins;
import io.cairn.warehouse.postgres.tenancy.RowLevelSecurity;
import io.cairn.warehouse.postgres.tenancy.TenantRoles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offboarding on PostgreSQL (embedded server, PostgreSQL control plane): two shared tenants and a dedicated one land
 * raw files through COPY (the dedicated one into its own raw schema) and have rows in ops tables.
 */
class PostgresOffboardingTest {
    private static final String ORDERS = """
            {"id": 1, "updated_at": "2024-01-01T00:00:00Z", "total_price": "10.00", "currency": "USD"}
            {"id": 2, "updated_at": "2024-01-02T00:00:00Z", "total_price": "20.00", "currency": "USD"}
            not json at all
            """;

    @TempDir
    Path dir;
    private ControlPlane controlPlane;
    private PostgresWarehouse warehouse;
    private RawZone rawZone;
    private WarehouseTables tables;

    @BeforeEach
    void deployment() throws Exception {
        controlPlane = ControlPlane.open(TestPostgres.newDatabase("offboard_control"));
        ControlPlaneSettings database = TestPostgres.newDatabase("offboard_warehouse");
        warehouse = PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(database.url(), "postgres", null,
                null, 2));
        rawZone = new RawZone(dir.resolve("data"));
        tables = new WarehouseTables(warehouse);
        for (String tenant : new String[] {"acme", "globex", "initech"}) {
            land(tenant, "globex".equals(tenant) ? Tenancy.DEDICATED : Tenancy.SHARED);
        }
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA ops");
            statement.execute("CREATE TABLE ops.dq_results (tenant_id text NOT NULL, check_name text, status text)");
            statement.execute("INSERT INTO ops.dq_results VALUES ('acme', 'freshness', 'pass'), "
                    + "('acme', 'reconciliation', 'pass'), ('initech', 'freshness', 'warn')");
            statement.execute("CREATE SCHEMA globex_ops");
            statement.execute("CREATE TABLE globex_ops.dq_results (tenant_id text NOT NULL, check_name text)");
            statement.execute("INSERT INTO globex_ops.dq_results VALUES ('globex', 'freshness')");
        }
    }

    @AfterEach
    void close() {
        warehouse.close();
        controlPlane.close();
    }

    @Test
    void dedicatedTenantLandsIntoItsOwnRawSchemaThroughCopy() {
        assertThat(rows("globex")).containsOnly(Map.entry("globex_ops.dq_results", 1L),
                Map.entry("globex_raw._dead_letter", 1L), Map.entry("globex_raw._loads", 1L),
                Map.entry("globex_raw.shopify__orders", 2L));
        assertThat(rows("acme")).containsOnly(Map.entry("ops.dq_results", 2L), Map.entry("raw._dead_letter", 1L),
                Map.entry("raw._loads", 1L), Map.entry("raw.shopify__orders", 2L));
    }

    @Test
    void offboardingASharedAndADedicatedTenantLeavesNothingOfThemAndTouchesNoOneElse() {
        Map<String, Long> initech = rows("initech");
        Map<String, Long> initechControlPlane = controlPlane.tenantRecords().count(TenantId.of("initech"));
        Offboarding offboarding = new Offboarding(controlPlane, warehouse, rawZone.root(), dir.resolve("project"));

        OffboardingReport acme = offboarding.offboard(TenantId.of("acme"), "test");
        OffboardingReport globex = offboarding.offboard(TenantId.of("globex"), "test");

        assertThat(acme.totalWarehouseRows()).isEqualTo(6);
        assertThat(acme.schemas()).isEmpty();
        assertThat(globex.schemas()).containsExactlyInAnyOrder("globex_raw", "globex_ops");
        assertThat(globex.totalWarehouseRows()).isEqualTo(5);
        for (String gone : new String[] {"acme", "globex"}) {
            assertThat(rows(gone)).as("warehouse rows of %s", gone).isEmpty();
            assertThat(controlPlane.tenantRecords().count(TenantId.of(gone)).values()).containsOnly(0L);
            assertThat(rawZone.root().resolve("raw").resolve(gone)).doesNotExist();
            assertThat(rawZone.root().resolve("inbox").resolve(gone)).doesNotExist();
        }
        assertThat(acme.totalFiles()).as("raw file and its _SUCCESS marker").isEqualTo(2);
        assertThat(acme.controlPlaneRows()).containsEntry("tenants", 1L).containsEntry("loads", 1L)
                .containsEntry("sources", 1L);
        assertThat(tables.existingSchemas(java.util.List.of("globex_raw", "globex_ops"))).isEmpty();
        assertThat(rows("initech")).as("the remaining tenant's rows").isEqualTo(initech);
        assertThat(controlPlane.tenantRecords().count(TenantId.of("initech"))).isEqualTo(initechControlPlane);
        assertThat(rawZone.root().resolve("raw").resolve("initech")).isDirectory();
        assertThat(controlPlane.audit().list(TenantId.of("acme"), Instant.EPOCH, "tenant.offboard", 5)).hasSize(1);
    }

    @Test
    void offboardingDropsTheTenantsRolesLoginsAndAccessGrants() throws Exception {
        TenantId wayne = TenantId.of("wayne");
        land("wayne", Tenancy.DEDICATED);
        IsolationLayout layout = IsolationLayout.DEFAULT.prefixed("wayne_", TenantRoles.reader(wayne));
        warehouse.tenantScope().locate(tenant -> tenant.equals(wayne) ? "wayne_" : "");
        warehouse.tenantScope().publish(List.of(wayne));
        try (Connection connection = warehouse.connect()) {
            new RowLevelSecurity(layout).apply(connection, List.of(wayne), new MaskedColumns(Map.of()));
            ReaderLogins.grant(connection, wayne, "wayne-bi-secret".toCharArray(), true, layout);
        }
        controlPlane.access().grant(wayne, TenantRoles.reader(wayne), true, "test");
        Offboarding offboarding = new Offboarding(controlPlane, warehouse, rawZone.root(), dir.resolve("project"));
        List<String> access = List.of("role cairn_serve_wayne", "role cairn_reader_wayne", "role cairn_pii_wayne",
                "schema wayne_marts_masked");

        try (Connection bi = DriverManager.getConnection(warehouse.settings().url(), TenantRoles.reader(wayne),
                "wayne-bi-secret")) {
            assertThat(offboarding.plan(wayne).warehouseAccess()).as("planned").isEqualTo(access);
            OffboardingReport report = offboarding.offboard(wayne, "test");

            assertThat(report.warehouseAccess()).as("dropped").isEqualTo(access);
            assertThat(report.controlPlaneRows()).as("the BI grant row").containsEntry("tenant_access", 1L);
            assertThatThrownBy(() -> bi.createStatement().executeQuery("SELECT 1"))
                    .as("the open BI session was ended").isInstanceOf(SQLException.class);
        }
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname LIKE "
                        + "'%wayne' UNION ALL SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'wayne%'")) {
            assertThat(rows.next() && rows.getLong(1) == 0 && rows.next() && rows.getLong(1) == 0)
                    .as("no role or schema of wayne left").isTrue();
        }
        assertThat(offboarding.offboard(wayne, "test").warehouseAccess()).as("rerun").isEmpty();
        assertThatThrownBy(() -> DriverManager.getConnection(warehouse.settings().url(), TenantRoles.reader(wayne),
                "wayne-bi-secret").close()).isInstanceOf(SQLException.class).hasMessageContaining("cairn_reader_wayne");
    }

    private void land(String tenant, Tenancy tenancy) throws Exception {
        TenantId id = TenantId.of(tenant);
        controlPlane.tenants().upsert(new Tenant(id, tenant, tenancy, ZoneId.of("UTC"), "USD", null));
        SourceDefinition source = new SourceDefinition(id, "shop", "files", "shopify", true, Map.of());
        controlPlane.sources().upsert(source);
        Path folder = rawZone.root().resolve("inbox").resolve(tenant).resolve("shop").resolve("orders");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("orders.jsonl"), ORDERS);
        Files.writeString(folder.resolve(RawZone.SUCCESS), "");
        SyncReport report = new LandingService(controlPlane, warehouse, rawZone, 1,
                Clock.fixed(Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC), LandingListener.NONE)
                .sync(java.util.List.of(source));
        assertThat(report.hasFailures()).as("landing of %s: %s", tenant, report).isFalse();
    }

    /** The tenant's rows per table, over every table with a tenant_id column. */
    private Map<String, Long> rows(String tenant) {
        Map<String, Long> rows = new TreeMap<>();
        tables.count(tables.withTenantColumn(), TenantId.of(tenant)).forEach((table, n) -> {
            if (n > 0) {
                rows.put(table.toString(), n);
            }
        });
        return rows;
    }
}
