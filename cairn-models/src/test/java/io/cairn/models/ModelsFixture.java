package io.cairn.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import io.cairn.core.landing.LandingListener;
import io.cairn.core.landing.LandingService;
import io.cairn.core.landing.SyncReport;
import io.cairn.core.model.EngineOptions;
import io.cairn.core.model.ModelEngine;
import io.cairn.core.model.RunOptions;
import io.cairn.core.model.RunResult;
import io.cairn.core.model.Selection;
import io.cairn.core.rawzone.RawZone;
import io.cairn.datagen.GenerationSummary;
import io.cairn.datagen.Generator;
import io.cairn.datagen.GeneratorOptions;
import io.cairn.datagen.TenantProfile;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.Warehouse;
import io.cairn.warehouse.duckdb.DuckDbWarehouse;

/**
 * One platform folder for model tests: an H2 control plane, a warehouse (DuckDB unless given), a raw zone, the bundled
 * project extracted next to them, and the {@code cairn.tenants} table the platform writes before a build.
 */
final class ModelsFixture implements AutoCloseable {
    final Path dir;
    final ControlPlane controlPlane;
    final Warehouse warehouse;
    final RawZone rawZone;
    final Path project;
    private int loadClock;

    ModelsFixture(Path dir) {
        this(dir, DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"), "4", null));
    }

    /** A fixture on {@code warehouse}, which it closes. */
    ModelsFixture(Path dir, Warehouse warehouse) {
        this.dir = dir;
        this.controlPlane = ControlPlane.open(new ControlPlaneSettings(
                "jdbc:h2:file:" + dir.resolve("control").toAbsolutePath(), "sa", ""));
        this.warehouse = warehouse;
        this.rawZone = new RawZone(dir.resolve("data"));
        this.project = BundledProject.extractTo(dir.resolve("project"));
    }

    /** Generates tenants into the inbox, registers them and their file sources, lands everything. */
    GenerationSummary generateAndLand(int tenants, int days, long seed, LocalDate start) {
        GenerationSummary summary = new Generator(new GeneratorOptions(tenants, days, seed, start))
                .generate(inbox(), truthDir());
        List<SourceDefinition> sources = new ArrayList<>();
        for (TenantProfile tenant : summary.tenants()) {
            registerTenant(tenant.id(), tenant.timezone(), tenant.currency());
            tenant.sources().forEach(source -> sources.add(addFileSource(tenant.id(), source)));
        }
        land(sources);
        return summary;
    }

    /**
     * Generates tenants into {@code <dir>/generated} (not the inbox) and registers them and their sources; the test
     * then moves chosen files into the inbox with {@link #dropGenerated}.
     */
    GenerationSummary generateOnly(int tenants, int days, long seed, LocalDate start) {
        GenerationSummary summary = new Generator(new GeneratorOptions(tenants, days, seed, start))
                .generate(dir.resolve("generated"), truthDir());
        for (TenantProfile tenant : summary.tenants()) {
            registerTenant(tenant.id(), tenant.timezone(), tenant.currency());
            tenant.sources().forEach(source -> addFileSource(tenant.id(), source));
        }
        return summary;
    }

    /** Copies the generated data files whose name matches into the inbox as complete drops. */
    void dropGenerated(java.util.function.Predicate<String> fileName) {
        dropGeneratedFiles(relative -> fileName.test(relative.getFileName().toString()));
    }

    /** Same, choosing by the path under the generated folder ({@code <tenant>/<source>/<stream>/<file>}). */
    void dropGeneratedFiles(java.util.function.Predicate<Path> relativePath) {
        Path generated = dir.resolve("generated");
        try (java.util.stream.Stream<Path> walk = Files.walk(generated)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("_") || !relativePath.test(generated.relativize(file))) {
                    continue;
                }
                Path target = inbox().resolve(generated.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                Files.writeString(target.resolveSibling(RawZone.SUCCESS), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<SourceDefinition> sources(GenerationSummary summary) {
        List<SourceDefinition> sources = new ArrayList<>();
        for (TenantProfile tenant : summary.tenants()) {
            tenant.sources().forEach(source -> sources.add(addFileSource(tenant.id(), source)));
        }
        return sources;
    }

    Path inbox() {
        return rawZone.root().resolve("inbox");
    }

    Path truthDir() {
        return dir.resolve("truth");
    }

    /** The tenant in the control plane and in {@code cairn.tenants}, as the platform does before a build. */
    void registerTenant(String tenant, String timezone, String currency) {
        controlPlane.tenants().upsert(new Tenant(TenantId.of(tenant), tenant, Tenancy.SHARED, ZoneId.of(timezone),
                currency, Instant.parse("2024-01-01T00:00:00Z")));
        if (warehouse.type().equals("spark")) {
            return; // Spark tests write the directory as the platform does (PlatformInputs.writeTenantDirectory)
        }
        exec("CREATE SCHEMA IF NOT EXISTS cairn",
                "CREATE TABLE IF NOT EXISTS cairn.tenants (tenant_id VARCHAR PRIMARY KEY, timezone VARCHAR NOT NULL, "
                        + "currency VARCHAR NOT NULL)",
                "DELETE FROM cairn.tenants WHERE tenant_id = '" + tenant + "'",
                "INSERT INTO cairn.tenants VALUES ('" + tenant + "', '" + timezone + "', '" + currency + "')");
    }

    SourceDefinition addFileSource(String tenant, String source) {
        SourceDefinition definition = new SourceDefinition(TenantId.of(tenant), source, "files", source, true,
                Map.of());
        controlPlane.sources().upsert(definition);
        return definition;
    }

    SyncReport land(List<SourceDefinition> sources) {
        return land(sources, Instant.parse("2024-06-01T00:00:00Z").plusSeconds(3600L * loadClock++));
    }

    /** Lands with the landing clock at {@code now}: {@code ingested_at} of every row it lands. */
    SyncReport land(List<SourceDefinition> sources, Instant now) {
        SyncReport report = new LandingService(controlPlane, warehouse, rawZone, 2,
                Clock.fixed(now, ZoneOffset.UTC), LandingListener.NONE).sync(sources);
        if (report.hasFailures()) {
            throw new IllegalStateException("landing failed: " + report);
        }
        return report;
    }

    /** Writes a complete drop: the file, then {@code _SUCCESS}. */
    void drop(String tenant, String source, String stream, String fileName, String content) {
        try {
            Path folder = inbox().resolve(tenant).resolve(source).resolve(stream);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(fileName), content);
            Files.writeString(folder.resolve(RawZone.SUCCESS), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ModelEngine engine(Map<String, Object> vars) {
        return ModelEngine.load(project, EngineOptions.defaults(warehouse).withEnv(Map.of()).withVars(vars));
    }

    RunResult build(boolean fullRefresh) {
        return build(fullRefresh, Map.of());
    }

    RunResult build(boolean fullRefresh, Map<String, Object> vars) {
        return engine(vars).build(Selection.all(), RunOptions.defaults().withThreads(4)
                .withFullRefresh(fullRefresh).withTargetDir(project.resolve("target")));
    }

    /** Loads the seeds, then runs the selected models without their tests (dbt's {@code seed} + {@code run}). */
    RunResult run(boolean fullRefresh, String... select) {
        return run(fullRefresh, Map.of(), select);
    }

    RunResult run(boolean fullRefresh, Map<String, Object> vars, String... select) {
        ModelEngine engine = engine(vars);
        RunOptions options = RunOptions.defaults().withThreads(4).withFullRefresh(fullRefresh)
                .withTargetDir(project.resolve("target"));
        RunResult seeds = engine.seed(Selection.all(), options);
        if (!seeds.success()) {
            throw new IllegalStateException("seeds failed: " + seeds.results());
        }
        return engine.run(Selection.of(select), options);
    }

    void exec(String... sql) {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every row as a list of JDBC values. */
    List<List<Object>> rows(String sql) {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        warehouse.close();
        controlPlane.close();
    }
}
