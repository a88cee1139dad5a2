package io.cairn.core.landing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.controlplane.ControlPlane;
import io.cairn.core.controlplane.SourceDefinition;
import io.cairn.core.controlplane.Tenancy;
import io.cairn.core.controlplane.Tenant;
import io.cairn.core.rawzone.RawZone;
import io.cairn.spi.TenantId;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/** One project folder for landing tests: an H2 control plane, a DuckDB warehouse file and a raw zone. */
final class LandingFixture implements AutoCloseable {
    final Path dir;
    final ControlPlane controlPlane;
    final DuckDbWarehouse warehouse;
    final RawZone rawZone;

    LandingFixture(Path dir) {
        this.dir = dir;
        this.controlPlane = ControlPlane.open(new ControlPlaneSettings(
                "jdbc:h2:file:" + dir.resolve("control").toAbsolutePath(), "sa", ""));
        this.warehouse = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "2", null);
        this.rawZone = new RawZone(dir.resolve("data"));
    }

    SourceDefinition addFileSource(String tenant, String source) {
        TenantId id = TenantId.of(tenant);
        if (controlPlane.tenants().find(id).isEmpty()) {
            controlPlane.tenants().upsert(new Tenant(id, tenant, Tenancy.SHARED, ZoneId.of("UTC"), "USD",
                    Instant.parse("2024-01-01T00:00:00Z")));
        }
        SourceDefinition definition = new SourceDefinition(id, source, "files", source, true, Map.of());
        controlPlane.sources().upsert(definition);
        return definition;
    }

    LandingService service(LandingListener listener) {
        return new LandingService(controlPlane, warehouse, rawZone, 2, Clock.fixed(
                Instant.parse("2024-02-01T00:00:00Z"), ZoneOffset.UTC), listener);
    }

    /** Writes a complete drop: the files, then {@code _SUCCESS}. */
    void drop(String tenant, String source, String stream, String fileName, String content) throws Exception {
        Path folder = rawZone.root().resolve("inbox").resolve(tenant).resolve(source).resolve(stream);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(fileName), content);
        Files.writeString(folder.resolve(RawZone.SUCCESS), "");
    }

    List<String> query(String sql) throws SQLException {
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

    /** Every raw table's rows and the dead letters, without the per-run columns (load id, ingestion time, file). */
    List<String> warehouseContents() throws SQLException {
        List<String> contents = new ArrayList<>();
        for (String table : query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'raw' "
                + "AND table_name NOT IN ('_dead_letter', '_loads') ORDER BY 1")) {
            contents.add("table " + table);
            contents.addAll(query("SELECT tenant_id, source_system, stream, source_record_id, source_updated_at, "
                    + "record_hash, payload, dq_status, dq_errors, is_deleted FROM raw.\"" + table + "\" "
                    + "ORDER BY ALL"));
        }
        contents.add("dead letters");
        contents.addAll(query("SELECT tenant_id, source_system, stream, line_no, raw_text, reason "
                + "FROM raw._dead_letter ORDER BY ALL"));
        contents.add("ledger");
        contents.addAll(query("SELECT tenant_id, source_system, stream, records_read, rows_landed, rows_duplicate, "
                + "rows_dead_lettered, rows_warned, max_source_updated_at FROM raw._loads ORDER BY ALL"));
        return contents;
    }

    @Override
    public void close() {
        warehouse.close();
        controlPlane.close();
    }
}
