package io.cairn.warehouse.spark.tenancy;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.warehouse.spark.SparkWarehouse;
import io.cairn.warehouse.spark.jdbc.SparkJdbc;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tenant access on Spark through per-tenant published copies: each tenant's rows of the marts and of
 * {@code ops.dq_results}, copied into an Iceberg catalog of the tenant's own under the published folder
 * ({@link PublishedCopies}, {@link CopyWriter}). A tenant connection is a Spark session with no Cairn catalog whose
 * only catalog is that copy, with SQL on files off and the functions reaching Java, files or the environment
 * removed ({@link TenantSessions}); every statement passes {@link ReadOnlyGuard} first, which lets through only
 * read-only queries of that catalog. Nothing in a tenant's SQL can reach another tenant's rows: they are in no
 * catalog its session knows, and statements that could add one (SET, USE, DDL, ...) never run.
 *
 * <p>A copy is stale when any table or view of the warehouse catalog changed since it was read
 * ({@link CatalogState}); the next connection republishes it.
 */
public final class SparkTenantScope implements TenantScope {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTenantScope.class);

    private final SparkWarehouse warehouse;
    private final PublishedCopies copies;
    private final CopyWriter writer;
    private final ConcurrentMap<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile Function<TenantId, String> schemaPrefix = tenant -> "";

    /** @param publishedFolder where the tenants' copies live, one folder per tenant */
    public SparkTenantScope(SparkWarehouse warehouse, Path publishedFolder) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse is null");
        this.copies = new PublishedCopies(Objects.requireNonNull(publishedFolder, "publishedFolder is null"));
        this.writer = new CopyWriter(warehouse);
    }

    /** The folder holding every version of the tenant's copy. */
    public Path copyOf(TenantId tenant) {
        return copies.folder(tenant);
    }

    /** The name of the tenant's current version folder. */
    @Override
    public Optional<String> publishedVersion(TenantId tenant) {
        return copies.current(tenant).map(version -> version.getFileName().toString());
    }

    @Override
    public void locate(Function<TenantId, String> schemaPrefix) {
        this.schemaPrefix = Objects.requireNonNull(schemaPrefix, "schemaPrefix is null");
    }

    @Override
    public void publish(Collection<TenantId> tenants) {
        for (TenantId tenant : tenants) {
            withLock(tenant, () -> publishNow(tenant));
        }
    }

    private List<String> publishNow(TenantId tenant) {
        String prefix = TenantScope.schemaPrefix(schemaPrefix, tenant);
        String state = CatalogState.of(warehouse.catalogUrl(), SparkWarehouse.CATALOG);
        Path version = copies.newVersion(tenant);
        try {
            List<String> copied = writer.write(tenant, prefix, version);
            copies.switchTo(tenant, version, state);
            LOG.info("Published {} relations for tenant {} to {}", copied.size(), tenant, version);
            return copied;
        }
        catch (RuntimeException e) {
            copies.discard(version);
            if (e instanceof CairnException cairn) {
                throw cairn;
            }
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot publish the data of tenant %s: %s", tenant,
                    e.getMessage());
        }
    }

    @Override
    public Connection connect(TenantId tenant, Duration statementTimeout) {
        Objects.requireNonNull(statementTimeout, "statementTimeout is null");
        withLock(tenant, () -> isStale(tenant) ? publishNow(tenant) : List.of());
        PublishedCopies.Lease lease = copies.acquire(tenant);
        try {
            SparkSession session = TenantSessions.lockDown(warehouse.bareSession(), lease.version());
            Connection connection = SparkJdbc.connect(session, "jdbc:cairn-spark:tenant:" + tenant.value(),
                    new ReadOnlyGuard(TenantSessions.CATALOG, Set.of(MARTS_SCHEMA, OPS_SCHEMA)));
            int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (statementTimeout.toMillis() + 999) / 1000));
            return LeasedConnection.wrap(connection, seconds, lease);
        }
        catch (RuntimeException e) {
            lease.release();
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot open the published data of tenant %s: %s",
                    tenant, e.getMessage());
        }
    }

    /** Never published, or the warehouse catalog changed since the current copy was read. */
    boolean isStale(TenantId tenant) {
        String recorded = copies.currentSourceState(tenant).orElse(null);
        if (recorded == null) {
            return true;
        }
        String now = CatalogState.of(warehouse.catalogUrl(), SparkWarehouse.CATALOG);
        return !now.equals(CatalogState.UNKNOWN) && !now.equals(recorded);
    }

    @Override
    public List<String> accessObjects(TenantId tenant) {
        return copies.exists(tenant) ? List.of(copies.describe(tenant)) : List.of();
    }

    /** Deletes the tenant's published copy, every version (offboarding). */
    @Override
    public List<String> removeAccess(TenantId tenant) {
        List<String> removed = withLock(tenant, () -> copies.remove(tenant));
        LOG.info("Removed the published copy of tenant {}: {}", tenant, removed);
        return removed;
    }

    private <T> T withLock(TenantId tenant, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(tenant, key -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        }
        finally {
            lock.unlock();
        }
    }
}
