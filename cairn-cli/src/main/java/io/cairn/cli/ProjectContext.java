package io.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.cairn.core.config.ProjectConfig;
import io.cairn.core.config.TenantSpec;
import io.cairn.core.config.TenantsFile;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.rawzone.RawZone;
import io.cairn.core.schedule.ControlPlaneDataSource;
import io.cairn.core.warehouse.Warehouses;
import io.cairn.spi.warehouse.Warehouse;

/**
 * An opened project: its configuration, and (opened on first use) its control plane and warehouse. Tenants
 * defined in {@code tenants.yml} are imported into the control plane when it opens.
 */
final class ProjectContext implements AutoCloseable {
    static final String TENANTS_FILE = "tenants.yml";

    private final ProjectConfig config;
    private ControlPlane controlPlane;
    private Warehouse warehouse;
    private ControlPlaneDataSource dataSource;

    private ProjectContext(ProjectConfig config) {
        this.config = config;
    }

    static ProjectContext open(Path projectDir) {
        return new ProjectContext(ProjectConfig.load(projectDir.toAbsolutePath().normalize()));
    }

    ProjectConfig config() {
        return config;
    }

    RawZone rawZone() {
        return new RawZone(config.root());
    }

    List<TenantSpec> tenantsFile() {
        Path file = config.projectDir().resolve(TENANTS_FILE);
        return Files.exists(file) ? TenantsFile.load(file) : List.of();
    }

    synchronized ControlPlane controlPlane() {
        if (controlPlane == null) {
            controlPlane = ControlPlane.open(config.controlPlane(), masterKeys());
            List<TenantSpec> specs = tenantsFile();
            if (!specs.isEmpty()) {
                controlPlane.importTenants(specs);
            }
        }
        return controlPlane;
    }

    /** {@code CAIRN_MASTER_KEY}, else {@code <project>/.cairn/master.key} (created on first use). */
    MasterKeys masterKeys() {
        return MasterKeys.forProject(config.projectDir().resolve(".cairn").resolve("master.key"), System::getenv);
    }

    /**
     * The pooled data source of the schedule tables and run guards ({@link ControlPlaneDataSource}), with the
     * control plane opened first (migrated, and for an H2 file kept open). Closed with this context.
     */
    synchronized ControlPlaneDataSource controlPlaneDataSource() {
        controlPlane();
        if (dataSource == null) {
            dataSource = new ControlPlaneDataSource(config.controlPlane());
        }
        return dataSource;
    }

    synchronized Warehouse warehouse() {
        if (warehouse == null) {
            warehouse = Warehouses.open(config.warehouse());
        }
        return warehouse;
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
    }
}
