package io.cairn.warehouse.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cairn.spi.CairnException;
import io.cairn.spi.ErrorCode;
import io.cairn.spi.raw.RawLoader;
import io.cairn.spi.warehouse.Dialect;
import io.cairn.spi.warehouse.TenantScope;
import io.cairn.spi.warehouse.Warehouse;

/**
 * One DuckDB database, in-process. Every {@link #connect()} duplicates the root connection so all callers share
 * the database instance. Offline-safe: known extensions are never downloaded; {@code json}, {@code parquet} and
 * {@code icu} are built into the driver.
 */
public final class DuckDbWarehouse implements Warehouse {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbWarehouse.class);

    private final Path file;
    private final DuckDBConnection root;
    private final DuckDbRawLoader rawLoader;
    private final DuckDbTenantScope tenantScope;

    private DuckDbWarehouse(Path file, DuckDBConnection root, Path publishedFolder, String threads,
            String memoryLimit) {
        this.file = file;
        this.root = root;
        this.rawLoader = new DuckDbRawLoader(this);
        this.tenantScope = publishedFolder == null ? null
                : new DuckDbTenantScope(this, publishedFolder, threads, memoryLimit);
    }

    /**
     * Opens (creating if needed) the database file, or an in-memory database when {@code file} is null; it has no
     * tenant scope.
     */
    public static DuckDbWarehouse open(Path file, String threads, String memoryLimit) {
        return open(file, threads, memoryLimit, null);
    }

    /**
     * Opens (creating if needed) the database file, or an in-memory database when {@code file} is null, with tenant
     * copies published to {@code publishedFolder} (null: no tenant scope).
     */
    public static DuckDbWarehouse open(Path file, String threads, String memoryLimit, Path publishedFolder) {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "true");
        if (threads != null) {
            properties.setProperty("threads", threads);
        }
        if (memoryLimit != null) {
            properties.setProperty("memory_limit", memoryLimit);
        }
        String url = "jdbc:duckdb:" + (file == null ? "" : file.toString());
        try {
            if (file != null && file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection(url, properties);
            LOG.info("Opened DuckDB warehouse {}", file == null ? ":memory:" : file);
            return new DuckDbWarehouse(file, root, publishedFolder, threads, memoryLimit);
        }
        catch (SQLException | java.io.IOException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot open DuckDB warehouse %s: %s",
                    file == null ? ":memory:" : file, e.getMessage());
        }
    }

    /** The database file, or null for an in-memory database. */
    public Path file() {
        return file;
    }

    @Override
    public String type() {
        return DuckDbWarehouseFactory.TYPE;
    }

    @Override
    public Dialect dialect() {
        return DuckDbDialect.INSTANCE;
    }

    @Override
    public Connection connect() {
        try {
            Connection connection = root.duplicate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            return connection;
        }
        catch (SQLException e) {
            throw new CairnException(ErrorCode.WAREHOUSE, e, "Cannot connect to DuckDB warehouse %s: %s",
                    file == null ? ":memory:" : file, e.getMessage());
        }
    }

    @Override
    public RawLoader rawLoader() {
        return rawLoader;
    }

    /** Per-tenant published copies (see {@link DuckDbTenantScope}). */
    @Override
    public TenantScope tenantScope() {
        if (tenantScope == null) {
            throw new CairnException(ErrorCode.UNSUPPORTED, "Cannot serve tenant data from DuckDB warehouse %s: it "
                    + "was opened without a folder for published tenant copies", file == null ? ":memory:" : file);
        }
        return tenantScope;
    }

    @Override
    public void close() {
        if (tenantScope != null) {
            tenantScope.close();
        }
        try {
            root.close();
        }
        catch (SQLException e) {
            LOG.warn("Closing DuckDB warehouse {} failed", file, e);
        }
    }
}
