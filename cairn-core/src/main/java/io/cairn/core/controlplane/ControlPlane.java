package io.cairn.core.controlplane;

import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.config.SourceSpec;
import io.cairn.core.config.TenantSpec;
import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The control-plane database: tenants, their sources, loads, stream cursors and runs. {@link #open} brings the
 * schema up to date with the Flyway migrations in {@code classpath:db/controlplane} (the same scripts on H2 and
 * PostgreSQL). Thread-safe.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    static final String MIGRATIONS = "classpath:db/controlplane";

    private final Jdbc jdbc;
    private final TenantStore tenants;
    private final SourceStore sources;
    private final LoadStore loads;
    private final StateStore state;
    private final RunStore runs;

    private ControlPlane(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = new TenantStore(jdbc, clock);
        this.sources = new SourceStore(jdbc, clock);
        this.loads = new LoadStore(jdbc, clock);
        this.state = new StateStore(jdbc, clock);
        this.runs = new RunStore(jdbc, clock);
    }

    /** Connects, migrates the schema to the latest version and returns the ready control plane. */
    public static ControlPlane open(ControlPlaneSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    static ControlPlane open(ControlPlaneSettings settings, Clock clock) {
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        Jdbc jdbc = new Jdbc(settings);
        try {
            migrate(settings, jdbc.displayUrl());
            return new ControlPlane(jdbc, clock);
        } catch (RuntimeException e) {
            jdbc.close();
            throw e;
        }
    }

    private static void migrate(ControlPlaneSettings settings, String displayUrl) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(settings.url(), settings.user(), settings.password())
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated the control plane at {} to version {}", displayUrl, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new CairnException(ErrorCode.CONTROL_PLANE, e, "Cannot migrate the control plane at %s: %s",
                    displayUrl, e.getMessage());
        }
    }

    public TenantStore tenants() {
        return tenants;
    }

    public SourceStore sources() {
        return sources;
    }

    public LoadStore loads() {
        return loads;
    }

    public StateStore state() {
        return state;
    }

    public RunStore runs() {
        return runs;
    }

    /** Node results of model-engine commands, under their rows in {@link #runs()}. */
    public ModelResultStore modelResults() {
        return new ModelResultStore(jdbc);
    }

    /**
     * Registers or updates the tenants of {@code specs} and their sources, in one transaction. Tenants and sources
     * not named stay as they are.
     */
    public void importTenants(List<TenantSpec> specs) {
        requireNonNull(specs, "specs is null");
        jdbc.upsert("import " + specs.size() + " tenants", connection -> {
            for (TenantSpec spec : specs) {
                tenants.upsert(connection, new Tenant(spec.id(), spec.name(), spec.tenancy(), spec.timezone(),
                        spec.currency(), null));
                for (SourceSpec source : spec.sources()) {
                    sources.upsert(connection, new SourceDefinition(spec.id(), source.name(), source.type(),
                            source.system(), source.enabled(), source.options()));
                }
            }
            return null;
        });
        LOG.info("Imported {} tenants into the control plane", specs.size());
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
