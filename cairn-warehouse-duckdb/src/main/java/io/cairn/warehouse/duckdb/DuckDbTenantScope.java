package io.cairn.warehouse.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.TenantId;
import io.cairn.spi.warehouse.TenantScope;

/**
 * Tenant access on DuckDB through per-tenant published copies ({@code <projectDir>/.cairn/published/<tenant>.duckdb},
 * see {@link TenantCopies}). A tenant connection comes from an in-memory DuckDB instance that attached the tenant's
 * copy read-only, then disabled external access (files, {@code ATTACH}, {@code COPY}, {@code INSTALL}/{@code LOAD})
 * and extension auto-loading and locked its configuration ({@link TenantReaders}), so nothing in the tenant's SQL
 * can reach another tenant's rows: they are not in any file it can open. An in-memory instance attaching the copy,
 * not the copy opened directly, because DuckDB shares one database instance per file path within a process, which
 * would keep serving a replaced copy while any reader is open.
 *
 * <p>Results are not streamed: DuckDB's JDBC driver reports a streamed query's runtime error only as "Invalid
 * result set", and a tenant needs the reason. A query therefore computes its whole result inside DuckDB (bounded by
 * the caller's timeout and the instance's {@code memory_limit}) before the caller reads its first rows.
 *
 * <p>A copy is stale when the warehouse file (or its write-ahead log) changed after the copy was written; the next
 * connection republishes it. DuckDB has no statement timeout: callers cancel the statement.
 */
public final class DuckDbTenantScope implements TenantScope {
    /** Reader instances kept open (each has its own DuckDB thread pool); the least recently read are closed. */
    private static final int MAX_READERS = 32;

    private final DuckDbWarehouse warehouse;
    private final TenantCopies copies;
    private final TenantReaders readers;
    private final ConcurrentMap<TenantId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile Function<TenantId, String> schemaPrefix = tenant -> "";

    /**
     * @param publishedFolder where tenant copies live ({@code <projectDir>/.cairn/published})
     * @param threads DuckDB threads per tenant reader instance, or null for DuckDB's default
     * @param memoryLimit DuckDB memory limit per tenant reader instance, or null for DuckDB's default
     */
    public DuckDbTenantScope(DuckDbWarehouse warehouse, Path publishedFolder, String threads, String memoryLimit) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse is null");
        this.copies = new TenantCopies(warehouse, Objects.requireNonNull(publishedFolder, "publishedFolder is null"));
        this.readers = new TenantReaders(readerProperties(threads, memoryLimit), MAX_READERS);
    }

    /** The tenant's published copy. */
    public Path copyOf(TenantId tenant) {
        return copies.copyOf(tenant);
    }

    /** The copy file's identity (file key, modification time, size): publishing moves a new file over it. */
    @Override
    public Optional<String> publishedVersion(TenantId tenant) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(copyOf(tenant), BasicFileAttributes.class);
            return Optional.of(attributes.fileKey() + "/" + attributes.lastModifiedTime().toMillis() + "/"
                    + attributes.size());
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A dedicated tenant's copy is written from its {@code <tenant>_marts} and {@code <tenant>_ops}. */
    @Override
    public void locate(Function<TenantId, String> schemaPrefix) {
        this.schemaPrefix = Objects.requireNonNull(schemaPrefix, "schemaPrefix is null");
    }

    @Override
    public void publish(Collection<TenantId> tenants) {
        for (TenantId tenant : tenants) {
            withLock(tenant, () -> copies.publish(tenant, prefix(tenant)));
        }
    }

    private String prefix(TenantId tenant) {
        return TenantScope.schemaPrefix(schemaPrefix, tenant);
    }

    @Override
    public Connection connect(TenantId tenant, Duration statementTimeout) {
        withLock(tenant, () -> isStale(tenant) ? copies.publish(tenant, prefix(tenant)) : 0);
        try {
            return readers.connect(tenant, copyOf(tenant));
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot open the published data of tenant %s: %s",
                    tenant, e.getMessage().replace(copyOf(tenant).toString(), "<copy>"));
        }
    }

    /** Closes the cached reader instances; connections already handed out stay usable until closed. */
    void close() {
        readers.close();
    }

    private static Properties readerProperties(String threads, String memoryLimit) {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("allow_community_extensions", "false");
        properties.setProperty("allow_persistent_secrets", "false");
        if (threads != null) {
            properties.setProperty("threads", threads);
        }
        if (memoryLimit != null) {
            properties.setProperty("memory_limit", memoryLimit);
        }
        return properties;
    }

    /** Missing, or older than the last change to the warehouse file or its write-ahead log. */
    boolean isStale(TenantId tenant) {
        Path copy = copyOf(tenant);
        if (!Files.exists(copy)) {
            return true;
        }
        Path file = warehouse.file();
        if (file == null) {
            return false;
        }
        try {
            FileTime published = Files.getLastModifiedTime(copy);
            return changedAfter(file, published) || changedAfter(Path.of(file + ".wal"), published);
        }
        catch (IOException e) {
            return true;
        }
    }

    private static boolean changedAfter(Path file, FileTime time) throws IOException {
        return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(time) > 0;
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
