package io.cairn.core.tenancy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.config.TenantSpec;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.spi.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's tenancy changes only by moving its data: importing tenants.yml never flips it. */
class TenancyImportTest {
    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void importSetsTheTenancyOfANewTenantAndKeepsThatOfARegisteredOne(@TempDir Path dir) {
        try (ControlPlane controlPlane = ControlPlane.open(new ControlPlaneSettings(
                "jdbc:h2:file:" + dir.resolve("control").toAbsolutePath(), "sa", ""))) {
            controlPlane.importTenants(List.of(spec("Acme", Tenancy.DEDICATED)));
            assertThat(controlPlane.tenants().find(ACME).orElseThrow().tenancy()).isEqualTo(Tenancy.DEDICATED);

            controlPlane.importTenants(List.of(spec("Acme Retail", Tenancy.SHARED)));

            assertThat(controlPlane.tenants().find(ACME).orElseThrow())
                    .as("name updated, tenancy kept until the tenant is moved")
                    .satisfies(tenant -> {
                        assertThat(tenant.name()).isEqualTo("Acme Retail");
                        assertThat(tenant.tenancy()).isEqualTo(Tenancy.DEDICATED);
                    });
        }
    }

    @Test
    void layoutsNameTheirSchemas() {
        TenantLayout dedicated = TenantLayout.of(ACME, Tenancy.DEDICATED);
        assertThat(TenantLayout.of(ACME, Tenancy.SHARED)).isEqualTo(TenantLayout.SHARED);
        assertThat(TenantLayout.SHARED.rawSchema()).isEqualTo("raw");
        assertThat(dedicated.rawSchema()).isEqualTo("acme_raw");
        assertThat(dedicated.martsSchema()).isEqualTo("acme_marts");
        assertThat(dedicated.engineVars()).containsEntry(TenantLayout.SCHEMA_PREFIX_VAR, "acme_")
                .containsEntry(TenantLayout.TENANTS_SCHEMA_VAR, "acme_cairn");
        assertThat(new TenantLayout(TenantId.of("acme_raw")).schemas())
                .as("another tenant's schemas never collide with acme's")
                .doesNotContainAnyElementsOf(dedicated.schemas());
    }

    private static TenantSpec spec(String name, Tenancy tenancy) {
        return new TenantSpec(ACME, name, tenancy, ZoneId.of("UTC"), "USD", List.of());
    }
}
