package io.cairn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.serving.ResultPage;
import io.cairn.core.serving.ScopedTenantData;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.spi.warehouse.WarehouseSettings;
import io.cairn.warehouse.duckdb.DuckDbWarehouseFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTenantsTest {
    @TempDir
    Path dir;

    @Test
    void registersTenantsAndPublishesTheirOwnRowsBeforeAnyRead() throws Exception {
        try (ControlPlane controlPlane = controlPlane(); Warehouse warehouse = warehouse()) {
            ApiTenants tenants = ApiTenants.create(controlPlane, warehouse, dir, 3);

            assertThat(tenants.ids()).containsExactly(TenantId.of("tenant_00"), TenantId.of("tenant_01"),
                    TenantId.of("tenant_02"));
            assertThat(tenants.ids()).allSatisfy(tenant -> {
                assertThat(controlPlane.tenants().find(tenant)).isPresent();
                assertThat(Files.exists(DuckDbWarehouseFactory.publishedFolder(dir).resolve(tenant.value()
                        + ".duckdb"))).isTrue();
            });
            assertThat(tenants.ids().stream().map(tenants::key).distinct()).hasSize(3);

            ResultPage page = new ScopedTenantData(warehouse, controlPlane).readMart(ApiTenants.id(1),
                    ApiTenants.MART, null, null, 100, 100);
            assertThat(page.columns()).containsExactly("tenant_id", "day", "orders", "revenue");
            assertThat(page.rows()).hasSize(100).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("tenant_01"));
            assertThat(page.rows().get(0).get(1)).isEqualTo(ApiTenants.FIRST_DAY.plusDays(100));
            assertThat(page.hasMore()).isTrue();
            assertThat(tenants.republished()).isEmpty();
        }
    }

    @Test
    void reportsACopyRepublishedByAReadAfterTheWarehouseChanged() throws Exception {
        try (ControlPlane controlPlane = controlPlane(); Warehouse warehouse = warehouse()) {
            ApiTenants tenants = ApiTenants.create(controlPlane, warehouse, dir, 2);
            try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO marts." + ApiTenants.MART + " VALUES ('tenant_01', DATE '2026-01-01', "
                        + "1, 1.00)");
                statement.execute("CHECKPOINT");
            }
            Files.setLastModifiedTime(dir.resolve("warehouse.duckdb"), FileTime.from(Instant.now().plusSeconds(60)));

            new ScopedTenantData(warehouse, controlPlane).readMart(ApiTenants.id(1), ApiTenants.MART, null, null, 0,
                    10);

            assertThat(tenants.republished()).isEqualTo(List.of(ApiTenants.id(1)));
        }
    }

    private ControlPlane controlPlane() {
        return ControlPlane.open(ControlPlaneSettings.of("jdbc:h2:file:" + dir.resolve("control")),
                MasterKeys.of(MasterKeys.generate()));
    }

    private Warehouse warehouse() {
        return new DuckDbWarehouseFactory().open(new WarehouseSettings(DuckDbWarehouseFactory.TYPE, dir,
                Map.of("path", "warehouse.duckdb")));
    }
}
