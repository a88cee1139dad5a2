package io.cairn.connectors.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.landing.LandingListener;
import io.cairn.core.landing.LandingService;
import io.cairn.core.rawzone.RawZone;
import io.cairn.core.sync.ConnectorSync;
import io.cairn.core.sync.SourceFactories;
import io.cairn.core.sync.StreamSyncReport;
import io.cairn.core.sync.SyncListener;
import io.cairn.core.sync.SyncOptions;
import io.cairn.spi.TenantId;
import io.cairn.spi.source.Source;
import io.cairn.spi.source.SourceContext;
import io.cairn.spi.source.SourceFactory;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/** One project folder for connector syncs: an H2 control plane, a DuckDB warehouse and a raw zone. */
public final class SyncFixture implements AutoCloseable {
    public final ControlPlane controlPlane;
    public final DuckDbWarehouse warehouse;
    public final RawZone rawZone;
    public final LandingService landing;

    public SyncFixture(Path dir) {
        this.controlPlane = ControlPlane.open(new ControlPlaneSettings(
                "jdbc:h2:file:" + dir.resolve("control").toAbsolutePath(), "sa", ""),
                io.cairn.core.credentials.MasterKeys.of(io.cairn.core.credentials.MasterKeys.generate()));
        this.warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "2", null);
        this.rawZone = new RawZone(dir.resolve("data"));
        this.landing = new LandingService(controlPlane, warehouse, rawZone, 1, Clock.systemUTC(),
                LandingListener.NONE);
    }

    /** Registers the tenant (when new) and a source of it. */
    public SourceDefinition addSource(String tenant, String name, String type, Map<String, String> options) {
        TenantId id = TenantId.of(tenant);
        if (controlPlane.tenants().find(id).isEmpty()) {
            controlPlane.tenants().upsert(new Tenant(id, tenant, Tenancy.SHARED, ZoneId.of("UTC"), "USD",
                    Instant.parse("2024-01-01T00:00:00Z")));
        }
        SourceDefinition definition = new SourceDefinition(id, name, type, type, true, options);
        controlPlane.sources().upsert(definition);
        return definition;
    }

    public ConnectorSync runner(int checkpointsPerFile, SyncListener listener) {
        return new ConnectorSync(controlPlane, landing, rawZone, Clock.systemUTC(),
                new SyncOptions(checkpointsPerFile), listener);
    }

    /** Opens the source with {@code factory} and syncs all its streams. */
    public List<StreamSyncReport> sync(SourceDefinition definition, SourceFactory factory, SourceContext context,
            int checkpointsPerFile, SyncListener listener) {
        try (Source source = factory.open(SourceFactories.config(definition, factory), context)) {
            return runner(checkpointsPerFile, listener).sync(definition, source);
        }
    }

    public List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = warehouse.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(rows.getString(i));
                }
                values.add(row.toString());
            }
        }
        return values;
    }

    /** Every raw table's rows without the per-run columns, and the dead letters: what a sync leaves behind. */
    public List<String> rawContents() throws SQLException {
        List<String> contents = new ArrayList<>();
        for (String table : query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw' "
                + "AND table_name NOT IN ('_dead_letter', '_loads') ORDER BY 1")) {
            contents.add("table " + table);
            contents.addAll(query("SELECT tenant_id, source_system, stream, source_record_id, source_updated_at, "
                    + "record_hash, payload, dq_status, is_deleted FROM raw.\"" + table + "\" ORDER BY ALL"));
        }
        contents.add("dead letters");
        contents.addAll(query("SELECT tenant_id, stream, raw_text, reason FROM raw._dead_letter ORDER BY ALL"));
        return contents;
    }

    @Override
    public void close() {
        warehouse.close();
        controlPlane.close();
    }
}
