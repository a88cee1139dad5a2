package io.cairn.core.controlplane;

import io.cairn.core.access.AccessGrants;
import io.cairn.core.apikeys.ApiDatabase;
import io.cairn.core.apikeys.ApiKeyStore;
import io.cairn.core.apikeys.IdempotencyStore;
import io.cairn.core.apikeys.TenantPlans;
import io.cairn.core.audit.AuditLog;
import io.cairn.core.config.ControlPlaneSettings;
import io.cairn.core.config.SourceSpec;
import io.cairn.core.config.TenantSpec;
import io.cairn.core.credentials.MasterKey;
import io.cairn.core.credentials.MasterKeys;
import io.cairn.core.credentials.SecretCipher;
import io.cairn.core.orchestrate.PipelineRunStore;
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
 * The control-plane database: tenants, their sources and encrypted credentials, loads, stream cursors and runs. {@link #open} brings the
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
    private final CredentialTable credentials;
    private final MasterKeys keys;
    private final Clock clock;

    private ControlPlane(Jdbc jdbc, Clock clock, MasterKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.credentials = new CredentialTable(jdbc, clock, new SecretCipher(keys));
        this.tenants = new TenantStore(jdbc, clock);
        this.sources = new SourceStore(jdbc, clock, credentials);
        this.loads = new LoadStore(jdbc, clock);
        this.state = new StateStore(jdbc, clock);
        this.runs = new RunStore(jdbc, clock);
    }

    /**
     * Connects, migrates the schema to the latest version and returns the ready control plane. Credentials are
     * sealed with the key in {@code CAIRN_MASTER_KEY}; without it, storing a secret fails.
     */
    public static ControlPlane open(ControlPlaneSettings settings) {
        return open(settings, environmentKeys());
    }

    /** Connects and migrates; credentials are sealed with {@code keys} (loaded when first needed). */
    public static ControlPlane open(ControlPlaneSettings settings, MasterKeys keys) {
        return open(settings, Clock.systemUTC(), keys);
    }

    static ControlPlane open(ControlPlaneSettings settings, Clock clock, MasterKeys keys) {
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(keys, "keys is null");
        Jdbc jdbc = new Jdbc(settings);
        try {
            migrate(settings, jdbc.displayUrl());
            return new ControlPlane(jdbc, clock, keys);
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

    /** Pipeline and task run history ({@code pipeline_runs}, {@code task_runs}). */
    public PipelineRunStore pipelineRuns() {
        return new PipelineRunStore(new PipelineRunStore.Database() {
            @Override
            public <T> T call(String action, PipelineRunStore.Work<T> work) {
                return jdbc.call(action, work::run);
            }
        });
    }

    /** The audit log: grants, revokes, admin actions and tenant data reads. */
    /** Every row of one tenant across the control plane (audit log excepted), for offboarding. */
    public TenantRecords tenantRecords() {
        return new TenantRecords(jdbc);
    }

    public AuditLog audit() {
        return new AuditLog(new AuditLog.Database() {
            @Override
            public <T> T call(String action, AuditLog.Work<T> work) {
                return jdbc.call(action, work::run);
            }
        }, clock);
    }

    /** Grants of tenants' reader logins for BI tools ({@code tenant_access}). */
    public AccessGrants access() {
        return new AccessGrants(new AccessGrants.Database() {
            @Override
            public <T> T transaction(String action, AccessGrants.Work<T> work) {
                return jdbc.transaction(action, work::run);
            }
        }, clock);
    }

    /** The HTTP API's keys ({@code api_keys}): hashed secrets, roles, tenants, expiry and revocation. */
    public ApiKeyStore apiKeys() {
        return new ApiKeyStore(apiDatabase(), clock);
    }

    /** The runs started under an Idempotency-Key ({@code api_idempotency}). */
    public IdempotencyStore idempotency() {
        return new IdempotencyStore(apiDatabase(), clock);
    }

    /** Tenants' usage plans ({@code tenant_plans}) and the usage they limit. */
    public TenantPlans plans() {
        return new TenantPlans(apiDatabase(), clock);
    }

    private ApiDatabase apiDatabase() {
        return new ApiDatabase() {
            @Override
            public <T> T call(String action, ApiDatabase.Work<T> work) {
                return jdbc.call(action, work::run);
            }

            @Override
            public <T> T transaction(String action, ApiDatabase.Work<T> work) {
                return jdbc.transaction(action, work::run);
            }
        };
    }

    /** The encrypted credential store: secret options and values connectors rotate. */
    public CredentialTable credentials() {
        return credentials;
    }

    /**
     * Re-encrypts every credential with the rotation target of the master keys (a new key file, or the current
     * environment key) and then makes it current; returns how many credentials were re-encrypted.
     */
    public int rotateMasterKey() {
        MasterKey target = keys.rotationTarget();
        int changed = credentials.rotate(target);
        keys.finishRotation(target);
        return changed;
    }

    private static MasterKeys environmentKeys() {
        return MasterKeys.fromEnvironment(System::getenv);
    }

    /**
     * Registers or updates the tenants of {@code specs} and their sources, in one transaction. Tenants and sources
     * not named stay as they are. Secret options go to the encrypted credential store, never into
     * {@code sources.options}. The tenancy of a registered tenant is not changed here: its data would stay in the
     * old layout; {@code cairn tenants move} (io.cairn.core.tenancy.TenantMove) moves it and flips the tenancy.
     */
    public void importTenants(List<TenantSpec> specs) {
        requireNonNull(specs, "specs is null");
        jdbc.upsert("import " + specs.size() + " tenants", connection -> {
            for (TenantSpec spec : specs) {
                Tenancy tenancy = tenants.find(connection, spec.id()).map(Tenant::tenancy).orElse(spec.tenancy());
                if (tenancy != spec.tenancy()) {
                    LOG.warn("Tenant {} is {} in the control plane but {} in the tenants file; its tenancy is kept: "
                            + "run 'cairn tenants move {} --to {}' to move its data", spec.id(), tenancy.id(),
                            spec.tenancy().id(), spec.id(), spec.tenancy().id());
                }
                tenants.upsert(connection, new Tenant(spec.id(), spec.name(), tenancy, spec.timezone(),
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
